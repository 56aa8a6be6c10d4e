using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using Microsoft.AspNetCore.Identity;

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

        api.MapGet("/job-offers", async (HttpContext context, AgencyService agencies, Provision provision, TimeProvider clock, string? format,
            string? updatedSince, int? pageSize, string? cursor, CancellationToken ct) =>
        {
            var agency = await AuthenticateAsync(context, agencies, ct);
            return agency is null
                ? Problem(StatusCodes.Status401Unauthorized, "A valid API key is required (header X-Api-Key).")
                : OffersFile(agency, agencies, provision, clock, format, updatedSince, pageSize, cursor, ct);
        }).WithSummary("Job offers for approved agencies (CSV with BOM or JSON), incremental by updatedSince, keyset-paged by cursor.")
          .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/jobseekers", async (HttpContext context, AgencyService agencies, Provision provision, TimeProvider clock, string? format, int? page,
            int? pageSize, string? word, string? prefecture, CancellationToken ct) =>
        {
            var agency = await AuthenticateAsync(context, agencies, ct);
            return agency is null
                ? Problem(StatusCodes.Status401Unauthorized, "A valid API key is required (header X-Api-Key).")
                : await ProfilesFileAsync(agency, agencies, provision, clock, format, page, pageSize, new ProfileFilter(word, prefecture), ct);
        }).WithSummary("Jobseeker profiles whose consent covers the agency's kind (JSON or CSV): wishes, qualifications, experience, work history only; " +
            "ordered by this agency's own token, dated to the day; filtered by word (occupation, qualifications, experience, history) and prefecture.")
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

        // The browser method's downloads (R-AGY-1, seed 003: both methods for people who do not program): the signed-in agency user
        // gets the very files of the data method above — the same functions, parameters and writers — without an API key.
        var pages = app.MapGroup("/agency/downloads").WithTags("Provision")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.Agency));

        pages.MapGet("/job-offers", async (HttpContext context, AgencyService agencies, Provision provision, TimeProvider clock, string? format,
            string? updatedSince, CancellationToken ct) =>
        {
            var agency = await SignedInAgencyAsync(context, provision, ct);
            return agency is null
                ? Results.NotFound()
                : OffersFile(agency, agencies, provision, clock, format, updatedSince, null, null, ct);
        }).WithSummary("The job-offer file of the data method, for the signed-in agency user (CSV or JSON).");

        pages.MapGet("/jobseekers", async (HttpContext context, AgencyService agencies, Provision provision, TimeProvider clock, string? format,
            string? word, string? prefecture, CancellationToken ct) =>
        {
            var agency = await SignedInAgencyAsync(context, provision, ct);
            return agency is null
                ? Results.NotFound()
                : await ProfilesFileAsync(agency, agencies, provision, clock, format, 1, 1000, new ProfileFilter(word, prefecture), ct);
        }).WithSummary("The provided-profile file of the data method, for the signed-in agency user (CSV or JSON, first 1,000).");
    }

    /// <summary>The job-offer file (R-AGY-1), checked and streamed: one function behind the API and the agency's page.</summary>
    private static IResult OffersFile(Agency agency, AgencyService agencies, Provision provision, TimeProvider clock, string? format, string? updatedSince,
        int? pageSize, string? cursor, CancellationToken ct)
    {
        format = (format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv"))
        {
            return Problem(StatusCodes.Status400BadRequest, "format must be json or csv.");
        }
        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(updatedSince))
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
            ? Results.Stream(async body => await WriteCsvAsync(body, rows, agency, agencies, ct), "text/csv; charset=utf-8", FileName("求人情報", clock, "csv"))
            : Results.Stream(async body => await WriteJsonAsync(body, rows, pageSize, agency, agencies, ct), "application/json; charset=utf-8");
    }

    /// <summary>The provided-profile file (R-AGY-2), JSON or CSV: one function behind the API and the agency's page.</summary>
    private static async Task<IResult> ProfilesFileAsync(Agency agency, AgencyService agencies, Provision provision, TimeProvider clock, string? format,
        int? page, int? pageSize, ProfileFilter filter, CancellationToken ct)
    {
        format = (format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv"))
        {
            return Problem(StatusCodes.Status400BadRequest, "format must be json or csv.");
        }
        var size = pageSize ?? 100;
        if (size is < 1 or > 1000 || page is < 1 or > 1_000_000)
        {
            return Problem(StatusCodes.Status400BadRequest, "page must be ≥ 1 and pageSize between 1 and 1000.");
        }
        if (filter.Word?.Length > 100 || filter.Prefecture?.Length > 10)
        {
            return Problem(StatusCodes.Status400BadRequest, "word is at most 100 characters and prefecture at most 10.");
        }
        var profiles = await provision.ProfilesAsync(agency, filter, ((page ?? 1) - 1) * size, size, ct);
        await agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(profiles.Count), ct);
        if (format == "csv")
        {
            return Results.Stream(async body =>
            {
                var writer = PipeWriter.Create(body);
                await ProvisionCsv.WriteProfilesAsync(writer, profiles, ct);
                await writer.CompleteAsync();
            }, "text/csv; charset=utf-8", FileName("求職者情報", clock, "csv"));
        }
        return Results.Json(new { items = profiles }, Json);
    }

    private static string FileName(string what, TimeProvider clock, string extension) =>
        $"{what}_{JapanTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>The signed-in agency user's agency (the cookie's scope claim); null for anyone else.</summary>
    private static async Task<Agency?> SignedInAgencyAsync(HttpContext context, Provision provision, CancellationToken ct) =>
        Actor.From(context.User) is { IsAgency: true } actor ? await provision.AgencyOfAsync(actor, ct) : null;

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
