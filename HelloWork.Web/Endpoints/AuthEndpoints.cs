using HelloWork.Domain.Accounts;
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
        app.MapPost("/Account/Logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/");
        });

        // 日本語 / English switch: a cookie read by request localization.
        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (WebRegistration.Cultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl;
            return TypedResults.LocalRedirect("~" + target);
        }).AllowAnonymous();
    }
}
