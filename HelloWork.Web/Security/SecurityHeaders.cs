using System.Security.Cryptography;

namespace HelloWork.Web.Security;

/// <summary>
/// Headers on every response (docs/trust-hardening.md): a Content-Security-Policy that allows what Blazor Server and
/// MudBlazor need and no more, no MIME sniffing, a referrer that stays on this origin, and no powerful browser features.
/// The one inline script of the page, Blazor's import map, carries a per-request nonce (<see cref="Nonce"/>); no script
/// runs from an inline attribute or another origin.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "HelloWork.CspNonce";

    /// <summary>The CSP with <c>{nonce}</c> where the request's nonce goes. Each source is explained in docs/trust-hardening.md.</summary>
    public const string PolicyTemplate =
        "default-src 'self'; " +
        "script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "frame-src 'self'; " +
        "frame-ancestors 'self'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>This request's CSP nonce (128 random bits, base64), made on first use.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>The attributes for a framework-rendered inline script (Blazor's <c>&lt;ImportMap&gt;</c>).</summary>
    public static IReadOnlyDictionary<string, object> NonceAttributes(HttpContext context) => new Dictionary<string, object> { ["nonce"] = Nonce(context) };

    public static string Policy(HttpContext context) => PolicyTemplate.Replace("{nonce}", Nonce(context), StringComparison.Ordinal);

    /// <summary>First in the pipeline, so error pages, redirects, 429s and static files carry the headers too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(context);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XFrameOptions = "SAMEORIGIN";
            // Nothing the portal answers is kept by a browser or a proxy unless its endpoint says so (static files do): pages,
            // PDFs, CSVs and API answers carry names, numbers and ages (R-ACC-4).
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
