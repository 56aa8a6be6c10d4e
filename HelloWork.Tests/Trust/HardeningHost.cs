using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The real portal as it runs outside Development (environment <c>Staging</c>: exception handler, HSTS, no detailed
/// errors) with small limits, so that the (N+1)th request is reached in a few requests: sign-in 3, registration 2, data API
/// 3, messages 2 per hour, 2 interactive pages per person; one listed reverse proxy (<see cref="ProxyAddress"/>). Its own SQLite
/// file with the demo data. Test-side additions only observe or provoke: a middleware after the app's own pipeline that
/// throws for <see cref="ThrowPath"/>, to see what an unexpected error shows a visitor, and a counter of the SQL commands
/// about notices (<see cref="NoticeCommands"/>).
/// </summary>
public sealed class HardeningHost() : KestrelPortal("hellowork-hardening-")
{
    public const string ThrowPath = "/__hardening-test/throw";
    public const string ThrowMessage = "hardening-test failure with a secret detail";
    public const int SignInLimit = 3;
    public const int RegistrationLimit = 2;
    public const int DataApiLimit = 3;
    public const int MessageLimit = 2;
    public const int CircuitLimit = 2;

    /// <summary>The one reverse proxy the host trusts (<c>ForwardedHeaders:KnownProxies</c>); every other address is a client.</summary>
    public const string ProxyAddress = "127.0.15.1";

    /// <summary>SQL commands the portal sends about notices (a bell's unread count, a live subscription's starting point).</summary>
    public NoticeCommandCounter NoticeCommands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Staging");
        // Outside Development the static web assets of packages (MudBlazor, blazor.web.js) come from the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseDemoSqlite(Folder, "hardening.db");
        foreach (var (name, limit) in new[] { ("SignIn", SignInLimit), ("Registration", RegistrationLimit), ("DataApi", DataApiLimit), ("Messages", MessageLimit) })
        {
            builder.UseSetting($"RateLimits:{name}:PermitLimit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:{name}:WindowSeconds", "3600");
        }
        builder.UseSetting("CircuitLimit:PerUser", CircuitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", ProxyAddress);
        // Staging reads appsettings.json, which requires 2FA of staff, administrators and agencies; these tests are about limits.
        builder.UseSetting(HelloWork.Domain.Accounts.TwoFactorPolicy.Setting, "");
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, ThrowingPathFilter>();
            services.ConfigureDbContext<HelloWork.Domain.Data.HelloWorkDb>(o => o.AddInterceptors(NoticeCommands));
        });
    }

    /// <summary>An HTTP client whose connections come from <paramref name="source"/> (any 127.x.y.z address is this
    /// machine), so that per-address limits see a different visitor. Redirects are not followed.</summary>
    public HttpClient ClientFrom(string source)
    {
        var local = IPAddress.Parse(source);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = Start(), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Runs after the whole app pipeline (so inside its exception handler) and throws for one path only.</summary>
    private sealed class ThrowingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, inner) =>
            {
                if (context.Request.Path.Equals(ThrowPath, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(ThrowMessage);
                }
                await inner(context);
            });
        };
    }
}

/// <summary>Counts the commands that name a notice table (<c>Notices</c>, <c>NoticeCounters</c>), as they go to the database.</summary>
public sealed class NoticeCommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    private void Note(System.Data.Common.DbCommand command)
    {
        if (command.CommandText.Contains("\"Notice", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }
    }
}
