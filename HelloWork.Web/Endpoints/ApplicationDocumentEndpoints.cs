using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace HelloWork.Web.Endpoints;

public static class ApplicationDocumentEndpoints
{
    /// <summary>
    /// Uploaded documents, each for its own readers only (R-ACC-4): an application document (応募書類) for the employer of the
    /// application or the applicant (R-APP-3), and a document of an agency's application (利用申請の添付書類) for the administrators or
    /// the agency itself (R-AGY-1). Refused, unknown and deleted (R-DOC-1) all answer 404, revealing nothing. PDFs and images open
    /// inline unless <c>?download=1</c>; anything else is always a download, and the browser is told not to guess the type.
    /// </summary>
    public static void MapApplicationDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/application-documents/{id:guid}", (Guid id, bool? download, HttpContext context, EmployerApplicants applicants,
            CancellationToken ct) => ServeAsync(context, download, actor => applicants.DocumentAsync(actor, id, ct)))
          .WithTags("Documents")
          .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        app.MapGet("/documents/agency-documents/{id:guid}", (Guid id, bool? download, HttpContext context, AgencyDocuments documents,
            CancellationToken ct) => ServeAsync(context, download, actor => documents.FileAsync(actor, id, ct)))
          .WithTags("Documents")
          .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }

    private static async Task<IResult> ServeAsync(HttpContext context, bool? download, Func<Actor, Task<ApplicationDocumentFile?>> read)
    {
        var actor = Actor.From(context.User);
        if (actor is null)
        {
            return Results.Unauthorized();
        }
        try
        {
            var file = await read(actor);
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
    }
}
