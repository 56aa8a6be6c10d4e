using HelloWork.Domain.Evaluation;

namespace HelloWork.Web.Endpoints;

public static class OpenDataEndpoints
{
    /// <summary>An office's monthly publication as open data (R-EVAL-2): CSV and JSON with the definitions, public (aggregate counts only, no
    /// personal data); an unknown office is 404, a year outside 2000–2100 a 422 from the one refusal handler.</summary>
    public static void MapOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/open-data/evaluation").WithTags("OpenData").AllowAnonymous();

        group.MapGet("/{fiscalYear:int}/{code}.csv", async (int fiscalYear, string code, Publication publication, CancellationToken ct) =>
            await publication.OfficeAsync(code, fiscalYear, ct) is { } p
                ? Results.File(Publication.Csv(p), "text/csv; charset=utf-8", $"主要指標_{p.OfficeCode}_{p.FiscalYear}.csv")
                : Results.NotFound());

        group.MapGet("/{fiscalYear:int}/{code}.json", async (int fiscalYear, string code, Publication publication, CancellationToken ct) =>
            await publication.OfficeAsync(code, fiscalYear, ct) is { } p
                ? Results.Bytes(Publication.Json(p), "application/json; charset=utf-8")
                : Results.NotFound());
    }
}
