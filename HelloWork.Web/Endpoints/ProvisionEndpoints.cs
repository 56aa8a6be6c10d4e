using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;

namespace HelloWork.Web.Endpoints;

/// <summary>
/// データ提供方式 (R-AGY-1, R-AGY-2): job offers and consented jobseeker profiles for approved agencies, authenticated with the
/// agency's API key (header <c>X-Api-Key</c>). Bad input answers 4xx with problem details, never 500.
/// </summary>
public static class ProvisionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void MapProvisionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/provision").WithTags("Provision").AllowAnonymous();

        api.MapGet("/job-offers", async (HttpContext context, AgencyService agencies, Provision provision, string? format, string? updatedSince,
            int? pageSize, string? cursor, CancellationToken ct) =>
        {
            var agency = await AuthenticateAsync(context, agencies, ct);
            if (agency is null)
            {
                return Problem(StatusCodes.Status401Unauthorized, "A valid API key is required (header X-Api-Key).");
            }
            format = (format ?? "json").ToLowerInvariant();
            if (format is not ("json" or "csv"))
            {
                return Problem(StatusCodes.Status400BadRequest, "format must be json or csv.");
            }
            DateTimeOffset? since = null;
            if (updatedSince is not null)
            {
                if (!DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return Problem(StatusCodes.Status400BadRequest, "updatedSince must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00+09:00.");
                }
                since = parsed;
            }
            if (pageSize is < 1 or > Provision.MaxPageSize)
            {
                return Problem(StatusCodes.Status400BadRequest, $"pageSize must be between 1 and {Provision.MaxPageSize}.");
            }
            var (afterAt, afterId, cursorOk) = ParseCursor(cursor);
            if (!cursorOk)
            {
                return Problem(StatusCodes.Status400BadRequest, "cursor is not one this API returned.");
            }
            var rows = provision.OffersAsync(agency, new OfferExportCriteria(since, afterAt, afterId, pageSize), ct);
            return format == "csv"
                ? Results.Stream(async body => await WriteCsvAsync(body, rows, agency, agencies, ct), "text/csv; charset=utf-8", $"求人情報_{DateTime.UtcNow:yyyyMMdd}.csv")
                : Results.Stream(async body => await WriteJsonAsync(body, rows, pageSize, agency, agencies, ct), "application/json; charset=utf-8");
        }).WithSummary("Job offers for approved agencies (CSV with BOM or JSON), incremental by updatedSince, keyset-paged by cursor.")
          .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/jobseekers", async (HttpContext context, AgencyService agencies, Provision provision, int? page, int? pageSize, CancellationToken ct) =>
        {
            var agency = await AuthenticateAsync(context, agencies, ct);
            if (agency is null)
            {
                return Problem(StatusCodes.Status401Unauthorized, "A valid API key is required (header X-Api-Key).");
            }
            var size = pageSize ?? 100;
            if (size is < 1 or > 1000 || page is < 1 or > 1_000_000)
            {
                return Problem(StatusCodes.Status400BadRequest, "page must be ≥ 1 and pageSize between 1 and 1000.");
            }
            var profiles = await provision.ProfilesAsync(agency, ((page ?? 1) - 1) * size, size, ct);
            await agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(profiles.Count), ct);
            return Results.Json(new { items = profiles }, Json);
        }).WithSummary("Jobseeker profiles whose consent covers the agency's kind: wishes, qualifications, experience, work history only.")
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static async Task<Agency?> AuthenticateAsync(HttpContext context, AgencyService agencies, CancellationToken ct)
    {
        var key = context.Request.Headers["X-Api-Key"].FirstOrDefault();
        return string.IsNullOrEmpty(key) ? null : await agencies.AuthenticateKeyAsync(key, ct);
    }

    private static (DateTimeOffset? At, Guid? Id, bool Ok) ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return (null, null, true);
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && Guid.TryParse(parts[1], out var id)
                && ticks is >= 0 and <= 3155378975999999999
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id, true)
                : (null, null, false);
        }
        catch (FormatException)
        {
            return (null, null, false);
        }
    }

    private static string Cursor(ProvidedOffer o) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.UpdatedAt.UtcTicks}|{o.Id}"));

    private static async Task WriteJsonAsync(Stream body, IAsyncEnumerable<ProvidedOffer> rows, int? pageSize, Agency agency, AgencyService agencies, CancellationToken ct)
    {
        // The JSON writer fills a pipe's buffer; only the pipe touches the response, asynchronously.
        var pipe = PipeWriter.Create(body);
        await using var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = Json.Encoder });
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        ProvidedOffer? last = null;
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            JsonSerializer.Serialize(writer, row, Json);
            last = row;
            if (++count % 500 == 0)
            {
                writer.Flush();
                await pipe.FlushAsync(ct);
            }
        }
        writer.WriteEndArray();
        writer.WriteString("nextCursor", pageSize is { } size && count == size && last is not null ? Cursor(last) : null);
        writer.WriteEndObject();
        writer.Flush();
        await pipe.CompleteAsync();
        await agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(count), CancellationToken.None);
    }

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<ProvidedOffer> rows, Agency agency, AgencyService agencies, CancellationToken ct)
    {
        var writer = PipeWriter.Create(body);
        var sb = new StringBuilder(512);
        sb.Append('\uFEFF'); // BOM: Excel opens UTF-8 correctly
        sb.Append("求人番号,状態,職種,職業分類,事業所名,都道府県,市区町村,雇用形態,賃金形態,賃金下限,賃金上限,始業,終業,年間休日数,週休二日制,駅近,在宅勤務,UIJターン歓迎,オンライン自主応募,採用人数,受付年月日,紹介期限日,更新日時\r\n");
        long count = 0;
        await foreach (var o in rows.WithCancellation(ct))
        {
            Field(sb, o.JobNumber); Field(sb, o.Status); Field(sb, o.Title); Field(sb, o.OccupationCode); Field(sb, o.EstablishmentName ?? "");
            Field(sb, o.Prefecture); Field(sb, o.Municipality); Field(sb, o.EmploymentType); Field(sb, o.WageForm);
            Field(sb, o.WageMin.ToString(CultureInfo.InvariantCulture)); Field(sb, o.WageMax.ToString(CultureInfo.InvariantCulture));
            Field(sb, o.WorkStart); Field(sb, o.WorkEnd); Field(sb, o.AnnualHolidays.ToString(CultureInfo.InvariantCulture));
            Field(sb, Flag(o.WeeklyTwoDaysOff)); Field(sb, Flag(o.NearStation)); Field(sb, Flag(o.RemoteWork)); Field(sb, Flag(o.UijTurn));
            Field(sb, Flag(o.OnlineSelfApplication)); Field(sb, o.Openings.ToString(CultureInfo.InvariantCulture));
            Field(sb, o.ReceivedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            Field(sb, o.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            sb.Append(JapanTime.ToJapan(o.UpdatedAt).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\r\n");
            count++;
            if (sb.Length > 32 * 1024)
            {
                await FlushAsync(writer, sb, ct);
            }
        }
        await FlushAsync(writer, sb, ct);
        await writer.CompleteAsync();
        await agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(count), CancellationToken.None);
    }

    private static string Flag(bool value) => value ? "1" : "0";

    /// <summary>Quotes when needed and defuses spreadsheet formulas (a cell starting with = + - @ is prefixed with ').</summary>
    private static void Field(StringBuilder sb, string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !char.IsAsciiDigit(value.Length > 1 ? value[1] : 'x'))
        {
            value = "'" + value;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            sb.Append(value);
        }
        sb.Append(',');
    }

    private static async Task FlushAsync(PipeWriter writer, StringBuilder sb, CancellationToken ct)
    {
        foreach (var chunk in sb.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, writer);
        }
        sb.Clear();
        await writer.FlushAsync(ct);
    }
}
