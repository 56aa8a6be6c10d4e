using HelloWork.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using HelloWork.Web.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelloWork.Web.Endpoints;

public sealed record LoginRequest(string Email, string Password);

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Bearer tokens for non-browser clients (tests, the SignalR hub, the data API): POST /api/auth/login {"email","password"}.
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> ([FromBody] LoginRequest login, SignInManager<AppUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(login.Email ?? "", login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return TypedResults.Empty; // the bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}
            }
            return TypedResults.Problem(result.IsLockedOut ? "The account is locked for a while after repeated failures." : "E-mail address or password is incorrect.",
                statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous();

        // Browser sign-out (a form post with antiforgery).
        // The antiforgery middleware only records its verdict; an endpoint that binds no form must look at it itself, else a
        // cross-site post could sign anyone out (found by the authorization matrix, issue 9).
        app.MapPost("/Account/Logout", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext context, SignInManager<AppUser> signIn) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // With a body, so the status-code page is not re-executed (as a POST whose form may not be read).
                return TypedResults.Problem("A valid antiforgery token is required to sign out.", statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        // 日本語 / English switch: a cookie read by request localization.
        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (WebRegistration.Cultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            return TypedResults.LocalRedirect("~" + LocalReturnUrl(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>
    /// Where to send the browser back to: a path on this site, else the home page. Refused as well as <c>//host</c>: <c>/\host</c>
    /// (browsers read it as <c>//host</c>; LocalRedirect threw on it, a 500) and control characters. Non-ASCII characters are
    /// percent-encoded (UTF-8): a Location header carries ASCII only, and <c>/search?q=営業</c> answered 500 (both found by the
    /// fuzz test, issue 9).
    /// </summary>
    public static string LocalReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
            || returnUrl.Any(char.IsControl) || returnUrl.Length > 2000)
        {
            return "/";
        }
        var sb = new System.Text.StringBuilder(returnUrl.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                sb.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
