using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;

namespace HelloWork.Web.Endpoints;

public static class EstablishmentImageEndpoints
{
    /// <summary>
    /// A company image (画像, R-JOB-8). Anyone may ask; the domain answers only where the image is visible to the caller (the
    /// establishment's open offers showing its name to them, its own users, the staff of its office), and everything else — unknown,
    /// not public, another establishment's — is the same 404. The type is the one sniffed from the content at upload, and the browser
    /// is told not to guess another.
    /// </summary>
    public static void MapEstablishmentImageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/establishment-images/{id:guid}", async (Guid id, HttpContext context, EstablishmentProfileService profiles, CancellationToken ct) =>
        {
            var image = await profiles.ImageAsync(Actor.From(context.User), id, ct);
            if (image is null)
            {
                return Results.NotFound();
            }
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // A public image may be kept a while; one shown to a signed-in person (maybe not public) is not kept.
            context.Response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-store" : "private, max-age=300";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.File(image.Content, image.ContentType);
        }).WithTags("Documents").AllowAnonymous();
    }
}
