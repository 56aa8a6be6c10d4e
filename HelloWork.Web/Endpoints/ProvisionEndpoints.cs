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

        api.MapGet("/jobseekers/{token}", async (HttpContext context, AgencyService agencies, Provision provision, string token, CancellationToken ct) =>
        {
            var agency = await AuthenticateAsync(context, agencies, ct);
            if (agency is null)
            {
                return Problem(StatusCodes.Status401Unauthorized, "A valid API key is required (header X-Api-Key).");
            }
            // One answer for an unknown token, another agency's token and a withdrawn consent: nothing tells them apart.
            var profile = await provision.ProfileAsync(agency, token, ct);
            if (profile is null)
            {
                return Problem(StatusCodes.Status404NotFound, "No jobseeker information is provided to this agency under this token.");
            }
            await agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(1), ct);
            return Results.Json(profile, Json);
        }).WithSummary("One provided profile by this agency's own token (the token in the list); other agencies' tokens are not found.")
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized);
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
        var count = await ProvisionCsv.WriteAsync(writer, rows, ct);
        await writer.CompleteAsync();
        await agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(count), CancellationToken.None);
    }
}
