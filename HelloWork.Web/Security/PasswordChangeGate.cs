using HelloWork.Domain.Accounts;
using HelloWork.Web.Accounts;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Security;

/// <summary>
/// Two server-side checks on every request of a signed-in account, after authorization (so that the principal of a bearer
/// token is known too):
/// <list type="bullet">
/// <item>A login user who still has the initial password the main account handed over (<see cref="ScopeClaims.MustChangePassword"/>)
/// reaches only the password change page, sign-out, the language switch and the static files: every other page redirects to
/// the change page, and APIs, hubs and Blazor circuits answer 403. The UI hides nothing here; the server refuses.</item>
/// <item>In the same way, a person whose role must sign in with a second factor (<see cref="TwoFactorPolicy"/>) and has none set
/// up (<see cref="ScopeClaims.TwoFactorSetupRequired"/>) reaches only the setup page (<see cref="TwoFactorSetupPath"/>).</item>
/// <item>A bearer token (API, hub) whose security stamp is no longer the account's — disabled, or the password changed — is
/// refused with 401 at its next request, as the cookie is (<see cref="SessionStamp"/>). A valid one becomes the request's
/// user, so endpoints open to anyone see who is asking.</item>
/// </list>
/// </summary>
public static class PasswordChangeGate
{
    public const string ChangePath = "/Account/ChangePassword";

    /// <summary>ログインとセキュリティ: where a role that must use 2FA sets it up (<see cref="TwoFactorPolicy"/>).</summary>
    public const string TwoFactorSetupPath = "/Account/Security";

    private static readonly string[] OpenPaths = ["/Account/Logout", "/culture", "/not-found", "/Error"];

    public static void UsePasswordChangeGate(this WebApplication app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var request = context.Request;
        if (IsBearer(request))
        {
            // The data and mypage APIs authenticate their bearer token themselves (AllowAnonymous endpoints): look at it here too.
            var bearer = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
            if (bearer is { Succeeded: true, Principal: { } principal })
            {
                if (!await SessionStamp.IsCurrentAsync(principal, context.RequestServices, context.RequestAborted))
                {
                    await Results.Problem("The session has ended: sign in again.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
                    return;
                }
                // Every endpoint sees the token's person, also those open to anonymous visitors that show more to the signed-in
                // (job sheets of non-public offers, company images: they ignored bearer tokens). Set as the request's
                // authentication result, not as HttpContext.User alone: setting User clears the result, and with it the token's
                // expiry, so SignalR's CloseOnAuthenticationExpiration saw none and a hub connection outlived its token.
                BearerResult.Set(context, bearer);
                user = principal;
            }
        }
        if (user.Identity?.IsAuthenticated != true || RequiredStep(user) is not { } step || IsOpen(context, step.Path))
        {
            await next();
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/_blazor"))
        {
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();
            await Results.Problem(l[step.Message], statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }
        context.Response.Redirect(step.Path);
    });

    /// <summary>The step the account must take before anything else, if any: an initial password to change first, then a
    /// required second factor to set up (<see cref="ScopeClaims.TwoFactorSetupRequired"/>).</summary>
    private static (string Path, string Message)? RequiredStep(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(ScopeClaims.MustChangePassword, "true") ? (ChangePath, "PasswordChangeRequired")
        : user.HasClaim(ScopeClaims.TwoFactorSetupRequired, "true") ? (TwoFactorSetupPath, "TwoFactorSetupRequired")
        : null;

    private static bool IsOpen(HttpContext context, string stepPath) =>
        context.Request.Path.Equals(stepPath, StringComparison.OrdinalIgnoreCase)
        || OpenPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
        // wwwroot and package files (styles, blazor.web.js): public anyway, and the change page needs them.
        || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
        || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token"));

    /// <summary>The request's authentication result and user, kept together (ASP.NET Core's own pair of features is internal).</summary>
    private sealed class BearerResult(AuthenticateResult bearer) : IAuthenticateResultFeature, Microsoft.AspNetCore.Http.Features.Authentication.IHttpAuthenticationFeature
    {
        private AuthenticateResult? _result = bearer;
        private System.Security.Claims.ClaimsPrincipal? _user = bearer.Principal;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set
            {
                _result = value;
                _user = value?.Principal;
            }
        }

        public System.Security.Claims.ClaimsPrincipal? User
        {
            get => _user;
            set
            {
                _user = value;
                _result = null;
            }
        }

        public static void Set(HttpContext context, AuthenticateResult bearer)
        {
            var features = new BearerResult(bearer);
            context.Features.Set<Microsoft.AspNetCore.Http.Features.Authentication.IHttpAuthenticationFeature>(features);
            context.Features.Set<IAuthenticateResultFeature>(features);
        }
    }
}
