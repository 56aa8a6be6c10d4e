using HelloWork.Domain.Common;
using HelloWork.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HelloWork.Web.Extensions;

/// <summary>
/// Hardening (docs/trust-hardening.md): security headers with a nonce-based CSP, rate limits on the doors that
/// take guesses or bulk traffic (sign-in, registration, messages, data API), and a limit on interactive pages per person.
/// Upload checks by content are in the domain (<c>FileSniffer</c>).
/// </summary>
public static class Security
{
    public static void AddHelloWorkSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var limits = builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(limits);
        services.AddHelloWorkRateLimits(limits);
        services.AddSingleton(sp => new MessageSendLimit(limits.Messages.PermitLimit, limits.Messages.Window, sp.GetRequiredService<TimeProvider>()));

        // Read (and checked: a bad address stops the start with its name) here, not at the first request.
        var forwarded = builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        _ = forwarded.Enabled;
        services.AddSingleton(forwarded);
        services.Configure<ForwardedHeadersOptions>(forwarded.Apply);

        services.Configure<CircuitLimitSettings>(builder.Configuration.GetSection(CircuitLimitSettings.Section));
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<CircuitAdmission>();
        services.AddScoped<CircuitHandler, CircuitLimitHandler>();
    }

    /// <summary>Before everything that looks at the client's address or scheme (HTTPS redirection, HSTS, rate limits,
    /// authentication, logs), and only when proxies are listed (<see cref="ForwardedHeadersSettings"/>).</summary>
    public static void UseHelloWorkForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>The headers go first (every response, errors included); the limiter after localization so refusals speak the visitor's language.</summary>
    public static void UseHelloWorkSecurityHeaders(this WebApplication app) => app.UseSecurityHeaders();

    public static void UseHelloWorkRateLimits(this WebApplication app) => app.UseRateLimiter();
}
