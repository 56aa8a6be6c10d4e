using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
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
        services.AddSignalR().AddHubOptions<LiveHub>(o => o.AddFilter<HubRefusals>());
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
        services.AddSingleton<AccessEnds>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessEnds>());
        services.AddScoped<CircuitHandler, AccessEndCircuitHandler>();
        services.AddScoped<LiveNotices>();
        services.AddSingleton<HelloWork.Web.Notices.NoticeRenderer>();
        services.AddScoped<CircuitHandler, LiveCircuitHandler>();

        // Same application name on every node: protected payloads (cookies, bearer tokens) are readable across nodes.
        var dataProtection = services.AddDataProtection().SetApplicationName("HelloWork");
        // The keys encrypted at rest with a certificate from configuration (DataProtection:Certificate, a PFX file, and
        // DataProtection:CertificatePassword): whoever reads the key store (Redis, the key folder) cannot forge cookies and tokens.
        // Every node needs the same certificate (docs/scale-out.md).
        if (KeyCertificate(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

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
            if (builder.Environment.IsProduction() && KeyCertificate(configuration) is null)
            {
                throw new InvalidOperationException(
                    "Data-protection keys shared in Redis must be encrypted: set DataProtection:Certificate (a PFX file) and DataProtection:CertificatePassword.");
            }
            var redisKey = configuration["DataProtection:RedisKey"] ?? DataProtectionKey;
            services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
                o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), redisKey));
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

    /// <summary>The certificate that encrypts the data-protection keys at rest, or null when none is configured.</summary>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2? KeyCertificate(IConfiguration configuration) =>
        configuration["DataProtection:Certificate"] is { Length: > 0 } path
            ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"])
            : null;

    /// <summary>Maps the hub; its 401s stay 401s (no status-code page re-execution) so clients see why they were refused.
    /// A connection closes when its bearer token (or cookie) expires: an expired token ends the connection made with it.</summary>
    public static void MapHelloWorkLive(this WebApplication app) =>
        app.MapHub<LiveHub>(LiveHub.Path, o => o.CloseOnAuthenticationExpiration = true).WithMetadata(new SkipStatusCodePagesAttribute());
}
