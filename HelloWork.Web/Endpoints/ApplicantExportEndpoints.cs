using System.Globalization;
using System.Text;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Endpoints;

public static class ApplicantExportEndpoints
{
    /// <summary>
    /// 選択した応募者の一覧 as CSV (R-APP-2): the rows the employer ticked in the applicant grid, with the grid's own columns — no
    /// 志望動機, no documents, no contact data. UTF-8 with BOM so that Excel opens it; cells that would start a formula are defused.
    /// Only the caller's establishment's applications (R-ACC-4): an id of another establishment, or an unknown one, refuses the whole
    /// download with 404, revealing nothing; a malformed id is 400 and an empty selection 422.
    /// </summary>
    public static void MapApplicantExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/employer/applicants.csv", async (string? ids, HttpContext context, ApplicantQueries applicants,
            IStringLocalizer<EmployerText> e, CancellationToken ct) =>
        {
            var actor = Actor.From(context.User);
            if (actor is null)
            {
                return Results.Unauthorized();
            }
            var selection = new List<Guid>();
            foreach (var part in (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Guid.TryParse(part, out var id))
                {
                    return Results.BadRequest();
                }
                selection.Add(id);
            }
            // A foreign or unknown id refuses the whole download (404) and an empty selection is refused (422), both by the one
            // refusal handler (Refusals.cs).
            var rows = await applicants.ExportAsync(actor, selection, ct);
            context.Response.Headers.CacheControl = "private, no-store";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(CsvBytes(rows, e), "text/csv; charset=utf-8", e["ExportFileName"]);
        }).WithTags("Employer")
          .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }

    /// <summary>The CSV bytes: BOM, Japanese headers (the grid's column titles), CRLF line ends.</summary>
    internal static byte[] CsvBytes(IReadOnlyList<ApplicantRow> rows, IStringLocalizer<EmployerText> e)
    {
        var sb = new StringBuilder(256 + rows.Count * 160);
        sb.Append('\uFEFF');
        Csv.Row(sb, [e["SelectionStatus"], e["ApplicantName"], e["ApplicantKana"], e["HasMypage"], e["Method"], e["AppliedAt"], e["ResultRegisteredAt"],
            e["JobNumber"], e["Title"]]);
        foreach (var r in rows)
        {
            Csv.Row(sb, [e["Enum.ApplicationStatus." + r.Status], r.ApplicantName, r.ApplicantKana, r.HasMypage ? e["Have"] : e["No"],
                e["Enum.ApplicationMethod." + r.Method], Stamp(r.AppliedAt), r.ResultRegisteredAt is { } at ? Stamp(at) : "",
                r.JobNumber ?? "", r.JobTitle]);
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Stamp(DateTimeOffset at) => JapanTime.ToJapan(at).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
}
