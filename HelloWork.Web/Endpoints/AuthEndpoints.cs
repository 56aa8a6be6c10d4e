using HelloWork.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using HelloWork.Web.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelloWork.Web.Endpoints;

/// <summary>A sign-in of the API. An account with 二段階認証 also sends the authenticator app's code or one of its recovery codes.</summary>
public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Bearer tokens for non-browser clients (tests, the SignalR hub, the data API): POST /api/auth/login {"email","password"}.
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> ([FromBody] LoginRequest login, SignInManager<AppUser> signIn,
            TwoFactorPolicy twoFactor, TwoFactorService twoFactors) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var email = login.Email ?? "";
            // A role that must use a second factor gets no token before one is set up (in the browser, ログインとセキュリティ):
            // the password is still checked (and counted for the lockout) so the answer says nothing without it.
            if (await signIn.UserManager.FindByEmailAsync(email) is { } account && twoFactor.IsRequiredFor(account.Role) && !account.TwoFactorEnabled)
            {
                var check = await signIn.CheckPasswordSignInAsync(account, login.Password ?? "", lockoutOnFailure: true);
                return check.Succeeded
                    ? TypedResults.Problem("Two-factor sign-in is required for this account: set it up in the browser first (/Account/Security).",
                        statusCode: StatusCodes.Status403Forbidden)
                    : Refused(check);
            }
            var result = await signIn.PasswordSignInAsync(email, login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor)
            {
                // Identity keeps the account of the password step for this request; the code completes it (or nothing does).
                if (!string.IsNullOrWhiteSpace(login.TwoFactorCode))
                {
                    result = await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorService.Normalize(login.TwoFactorCode), isPersistent: false, rememberClient: false);
                }
                else if (!string.IsNullOrWhiteSpace(login.TwoFactorRecoveryCode))
                {
                    var user = await signIn.GetTwoFactorAuthenticationUserAsync();
                    result = await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorService.Normalize(login.TwoFactorRecoveryCode));
                    if (result.Succeeded && user is not null)
                    {
                        await twoFactors.RecoveryCodeUsedAsync(user);
                    }
                }
            }
            return result.Succeeded
                ? TypedResults.Empty // the bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}
                : Refused(result);
        }).AllowAnonymous();

        // Browser sign-out (a form post with antiforgery).
        // The antiforgery middleware only records its verdict; an endpoint that binds no form must look at it itself, else a
        // cross-site post could sign anyone out (found by the authorization matrix).
        app.MapPost("/Account/Logout", async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext context, SignInManager<AppUser> signIn) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // With a body, so the status-code page is not re-executed (as a POST whose form may not be read).
                return TypedResults.Problem("A valid antiforgery token is required to sign out.", statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.SignOutAsync();
            // The idle sign-out of staff and administrators posts this form by itself (IdleSignOut): sign-in says why.
            var idle = context.Request.HasFormContentType && (await context.Request.ReadFormAsync()).TryGetValue("reason", out var reason) && reason == "idle";
            return TypedResults.LocalRedirect(idle ? "~/Account/Login?idle=true" : "~/");
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

    private static ProblemHttpResult Refused(Microsoft.AspNetCore.Identity.SignInResult result) => TypedResults.Problem(
        result.IsLockedOut ? "The account is locked for a while after repeated failures."
        : result.RequiresTwoFactor ? "A two-factor code is required: send twoFactorCode (the authenticator app's code) or twoFactorRecoveryCode."
        : "E-mail address or password is incorrect.",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// Where to send the browser back to: a path on this site, else the home page. Refused as well as <c>//host</c>: <c>/\host</c>
    /// (browsers read it as <c>//host</c>; LocalRedirect threw on it, a 500) and control characters. Non-ASCII characters are
    /// percent-encoded (UTF-8): a Location header carries ASCII only, and <c>/search?q=営業</c> answered 500 (both found by the
    /// fuzz test).
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
