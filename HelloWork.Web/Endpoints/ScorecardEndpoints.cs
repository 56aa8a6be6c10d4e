using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using Microsoft.AspNetCore.Identity;

namespace HelloWork.Web.Endpoints;

public static class ScorecardEndpoints
{
    /// <summary>The quarterly scorecard of the caller's own office as CSV and PDF (R-KPI-3, R-ACC-4): staff only; no office id is taken from the request.</summary>
    public static void MapScorecardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff/scorecards").WithTags("Figures")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireRole(Roles.Staff));

        group.MapGet("/{fiscalYear:int}/{quarter:int}.csv", (int fiscalYear, int quarter, HttpContext context, Scorecard scorecards, CancellationToken ct) =>
            ServeAsync(context, scorecards, fiscalYear, quarter, d => Results.File(Scorecard.Csv(d), "text/csv; charset=utf-8", d.FileStem + ".csv"), ct));

        group.MapGet("/{fiscalYear:int}/{quarter:int}.pdf", (int fiscalYear, int quarter, HttpContext context, Scorecard scorecards, CancellationToken ct) =>
            ServeAsync(context, scorecards, fiscalYear, quarter, d =>
            {
                var pdf = Scorecard.Pdf(d);
                return Results.File(pdf.Content, "application/pdf", pdf.FileName);
            }, ct));
    }

    private static async Task<IResult> ServeAsync(HttpContext context, Scorecard scorecards, int fiscalYear, int quarter, Func<ScorecardData, IResult> render,
        CancellationToken ct)
    {
        if (Actor.From(context.User) is not { IsStaff: true } actor)
        {
            return Results.Forbid();
        }
        // A year or quarter out of range is refused by the one refusal handler (Refusals.cs): 422 with the field's message.
        return render(await scorecards.QuarterAsync(actor, fiscalYear, quarter, ct));
    }
}
