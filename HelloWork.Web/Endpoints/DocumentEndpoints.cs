using HelloWork.Domain.Common;
using HelloWork.Domain.Documents;
using Microsoft.AspNetCore.Identity;

namespace HelloWork.Web.Endpoints;

public static class DocumentEndpoints
{
    /// <summary>PDF downloads with Japanese file names. Refusals and unknown ids both answer 404, so nothing is revealed.</summary>
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/documents").WithTags("Documents");

        group.MapGet("/referral-slips/{id:guid}.pdf", async (Guid id, HttpContext context, DocumentService documents, CancellationToken ct) =>
        {
            var actor = Actor.From(context.User);
            if (actor is null)
            {
                return Results.Unauthorized();
            }
            try
            {
                var file = await documents.ReferralSlipAsync(actor, id, ct);
                // A name, kana, jobseeker number and age: never kept by a browser or proxy.
                context.Response.Headers.CacheControl = "private, no-store";
                return file is null ? Results.NotFound() : Results.File(file.Content, "application/pdf", file.FileName);
            }
            catch (ScopeException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        group.MapGet("/job-sheets/{jobNumber}.pdf", async (string jobNumber, HttpContext context, DocumentService documents, CancellationToken ct) =>
        {
            if (jobNumber.Length != 14 || jobNumber[5] != '-' || !jobNumber.Remove(5, 1).All(char.IsAsciiDigit))
            {
                return Results.Problem("求人番号は 13010-12345678 の形式です。", statusCode: StatusCodes.Status400BadRequest);
            }
            var file = await documents.JobSheetAsync(Actor.From(context.User), jobNumber, ct);
            return file is null ? Results.NotFound() : Results.File(file.Content, "application/pdf", file.FileName);
        }).AllowAnonymous();
    }
}
