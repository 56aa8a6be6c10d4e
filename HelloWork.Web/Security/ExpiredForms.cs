using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace HelloWork.Web.Security;

/// <summary>
/// A form sent with a missing or stale antiforgery token — the sign-in page left open overnight, a form from before a key
/// change — is refused and changes nothing, as before; but instead of the framework's English developer sentence ("A valid
/// antiforgery token was not provided …") the person gets <c>/form-expired</c>: in Japanese, what happened, that nothing was
/// saved, and a link back to the same page (R-ERR-1). Also, status codes of requests other than GET/HEAD are no longer
/// re-executed into a page: re-executing a POST onto the "not found" page made it a second POST without a token, answered with
/// that same English sentence and a 400 instead of the 404.
/// </summary>
public static class ExpiredForms
{
    public const string Page = "/form-expired";

    /// <summary>Right after <c>UseStatusCodePagesWithReExecute</c>: only GET and HEAD get a status page.</summary>
    public static IApplicationBuilder UseStatusPagesForGetOnly(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        return next(context);
    });

    /// <summary>Right after <c>UseAntiforgery</c>: a page's form with a token that did not validate goes to <see cref="Page"/>.</summary>
    public static IApplicationBuilder UseExpiredFormPage(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{Page}?returnUrl={Uri.EscapeDataString(back)}");
            context.Response.StatusCode = StatusCodes.Status303SeeOther; // the browser follows with GET: nothing is sent again
            return Task.CompletedTask;
        }
        return next(context);
    });
}
