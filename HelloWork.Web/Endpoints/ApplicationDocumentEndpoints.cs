using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace HelloWork.Web.Endpoints;

public static class ApplicationDocumentEndpoints
{
    /// <summary>
    /// An uploaded application document (応募書類) for the employer of the application or the applicant (R-ACC-4, R-APP-3).
    /// Refused, unknown and deleted (R-DOC-1) all answer 404, revealing nothing. PDFs and images open inline unless
    /// <c>?download=1</c>; anything else is always a download, and the browser is told not to guess the type.
    /// </summary>
    public static void MapApplicationDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/application-documents/{id:guid}", async (Guid id, bool? download, HttpContext context, EmployerApplicants applicants,
            CancellationToken ct) =>
        {
            var actor = Actor.From(context.User);
            if (actor is null)
            {
                return Results.Unauthorized();
            }
            try
            {
                var file = await applicants.DocumentAsync(actor, id, ct);
                if (file is null)
                {
                    return Results.NotFound();
                }
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "private, no-store";
                var inline = download != true && file.ContentType is FileSniffer.Pdf or FileSniffer.Jpeg or FileSniffer.Png or FileSniffer.Gif;
                return inline
                    ? Results.File(file.Content, file.ContentType)
                    : Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (ScopeException)
            {
                return Results.NotFound();
            }
        }).WithTags("Documents")
          .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }
}
