using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace HelloWork.Web.Live;

/// <summary>
/// The live channel (R-LIVE-1, R-LIVE-2): the hub, its bridge from the dispatcher, the circuit feed, and the bus chosen by
/// <c>Live:Bus</c> — <c>InProcess</c> (default, one node) or <c>Redis</c> (several nodes, <c>ConnectionStrings:Redis</c>).
/// With a Redis connection string the data-protection keys are shared there too, so cookies and bearer tokens issued by
/// one node are accepted by every node.
/// </summary>
public static class LiveRegistration
{
    public const string DataProtectionKey = "hellowork:data-protection-keys";

    public static void AddHelloWorkLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSignalR();
        services.AddAuthorizationBuilder().AddPolicy(LiveHub.Policy, p => p
            .AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser());
        // A hub client without a valid token gets 401, not the cookie scheme's redirect to the login page.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var redirect = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                return redirect(context);
            };
        });
        services.AddHostedService<HubBridge>();
        services.AddScoped<LiveNotices>();
        services.AddSingleton<HelloWork.Web.Notices.NoticeRenderer>();
        services.AddScoped<CircuitHandler, LiveCircuitHandler>();

        // Same application name on every node: protected payloads (cookies, bearer tokens) are readable across nodes.
        services.AddDataProtection().SetApplicationName("HelloWork");

        var redisConnection = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redisConnection))
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ =>
            {
                var options = ConfigurationOptions.Parse(redisConnection);
                options.AbortOnConnectFail = false; // start anyway; reconnects in the background
                options.ClientName = "hellowork-" + Environment.MachineName;
                return ConnectionMultiplexer.Connect(options);
            });
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
                o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKey));
        }

        var bus = configuration["Live:Bus"] ?? "InProcess";
        if (bus.Equals("Redis", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(redisConnection))
            {
                throw new InvalidOperationException("Live:Bus=Redis needs ConnectionStrings:Redis (host:port).");
            }
            services.AddSingleton<RedisLiveBus>();
            services.Replace(ServiceDescriptor.Singleton<ILiveBus>(sp => sp.GetRequiredService<RedisLiveBus>()));
            services.AddHostedService(sp => sp.GetRequiredService<RedisLiveBus>());
        }
        else if (!bus.Equals("InProcess", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Live:Bus '{bus}'. Use InProcess or Redis.");
        }
    }

    /// <summary>Maps the hub; its 401s stay 401s (no status-code page re-execution) so clients see why they were refused.</summary>
    public static void MapHelloWorkLive(this WebApplication app) =>
        app.MapHub<LiveHub>(LiveHub.Path).WithMetadata(new SkipStatusCodePagesAttribute());
}
