using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Security;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> for one key.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>
/// The section <c>RateLimits</c> (docs/trust-hardening.md). Defaults are the production values; the Development settings
/// raise them so that tests and local benchmarks, which sign in hundreds of times from one address, are not throttled.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>POST /Account/Login and POST /api/auth/login, per client address.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>POST /Account/ChangePassword, per client address: the current password is a guess like a sign-in's.</summary>
    public WindowLimit PasswordChange { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>POST /Account/ForgotPassword, per client address: each asks for a mail (R-MAIL-2).</summary>
    public WindowLimit PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>POST of the three registration forms, per client address.</summary>
    public WindowLimit Registration { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>Messages sent, per signed-in user (enforced in <c>MessageService</c>: sending is an interactive action, no request).</summary>
    public WindowLimit Messages { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>/api/v1/provision/*, per API key (requests without a key: per client address).</summary>
    public WindowLimit DataApi { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };
}

/// <summary>
/// ASP.NET Core rate limiting for the doors that take guesses or bulk traffic: sign-in (form and API), password change, registration and the
/// data API. One global partitioned limiter chooses the limit from the request (no endpoint file needs to know), so a
/// route added later under the same path is covered too. A refusal is 429 with Retry-After: problem JSON for the APIs, a
/// short Japanese (or English) page for the forms.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "SignIn";
    public const string Registration = "Registration";
    public const string PasswordChange = "PasswordChange";
    public const string PasswordReset = "PasswordReset";
    public const string DataApi = "DataApi";

    private static readonly string[] RegistrationPaths = ["/Account/Register", "/Account/RegisterEmployer", "/Account/RegisterAgency"];

    public static void AddHelloWorkRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Classify(context, settings) switch
            {
                ({ } name, { } key, { } limit) => RateLimitPartition.GetFixedWindowLimiter(name + ":" + key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }),
                _ => RateLimitPartition.GetNoLimiter(""),
            });
            o.OnRejected = (rejected, ct) => RejectAsync(rejected.HttpContext, rejected.Lease, ct);
        });
    }

    /// <summary>Which limit a request falls under, and its key; (null, null, null) for everything else.</summary>
    public static (string? Name, string? Key, WindowLimit? Limit) Classify(HttpContext context, RateLimitSettings settings)
    {
        var request = context.Request;
        var path = request.Path;
        if (path.StartsWithSegments("/api/v1/provision", StringComparison.OrdinalIgnoreCase))
        {
            var key = request.Headers["X-Api-Key"].FirstOrDefault();
            return (DataApi, string.IsNullOrEmpty(key) ? "address:" + Address(context) : "key:" + Hash(key), settings.DataApi);
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, null, null);
        }
        if (path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase))
        {
            return (SignIn, Address(context), settings.SignIn);
        }
        if (path.Equals("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase))
        {
            return (PasswordChange, Address(context), settings.PasswordChange);
        }
        if (path.Equals("/Account/ForgotPassword", StringComparison.OrdinalIgnoreCase))
        {
            return (PasswordReset, Address(context), settings.PasswordReset);
        }
        if (RegistrationPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return (Registration, Address(context), settings.Registration);
        }
        return (null, null, null);
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The key itself never sits in memory as a dictionary key: only its hash.</summary>
    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
        var message = l["TooManyRequestsText", Minutes(seconds)].Value;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(detail: message, title: l["TooManyRequestsTitle"], statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }
        // A form post refused before it reached the page: a small page of its own, in the visitor's language, with the way back.
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        var back = html.Encode(context.Request.Path + context.Request.QueryString);
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{html.Encode(l["TooManyRequestsTitle"])}} | {{html.Encode(l["AppShortName"])}}</title>
            <style>
            body { margin: 0; font-family: "Hiragino Kaku Gothic ProN", Meiryo, "IPAexGothic", "Noto Sans JP", sans-serif; color: #1a1a1a; }
            header { background: #0b4f8a; color: #fff; padding: 12px 24px; font-weight: bold; }
            main { padding: 16px 24px; max-width: 960px; }
            .alert { border-left: 4px solid #b00020; background: #fdecea; padding: 12px 16px; }
            a { color: #0b4f8a; }
            </style></head>
            <body><header>{{html.Encode(l["AppName"])}}</header>
            <main id="main">
            <h1>{{html.Encode(l["TooManyRequestsTitle"])}}</h1>
            <p role="alert" class="alert">{{html.Encode(message)}}</p>
            <p><a href="{{back}}">{{html.Encode(l["TooManyRequestsBack"])}}</a></p>
            </main></body>
            </html>
            """, ct);
    }

    private static int Minutes(int seconds) => Math.Max(1, (seconds + 59) / 60);
}
