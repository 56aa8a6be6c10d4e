using System.Text.Json;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Messaging;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Endpoints;

/// <summary>The body of <c>POST /api/v1/me/applications</c> (documented for OpenAPI; the endpoint reads the JSON itself so that a
/// wrong type names its field).</summary>
public sealed record MeApplyRequest(string JobNumber, string Motivation, bool SelfApplicationAcknowledged, Guid? ReferralId);

/// <summary>The body of <c>POST /api/v1/me/applications/{id}/messages</c>.</summary>
public sealed record MeMessageRequest(string Body);

/// <summary>What a create answers: the new id (the acknowledgement a client keeps).</summary>
public sealed record CreatedId(Guid Id);

/// <summary>
/// The signed-in jobseeker's own actions for non-browser clients (a mobile app): apply to an offer (自主応募 R-SELF-1, or an
/// online referral R-REF-4) and send a message on one's own application (R-MSG-1). Bearer token only; jobseekers only;
/// every call goes through the same domain operations as the mypage pages (ApplicationService, MessageService), so the same
/// rules, scope checks (R-ACC-4: someone else's application answers 404, revealing nothing) and refusals apply. A 201 is
/// sent only after the transaction has committed. Refusals: 400 unreadable body, 401 no valid token, 403 not a jobseeker, 404 unknown or
/// foreign, 422 a rule (problem details with <c>code</c>, <c>field</c> and the same message as the page, R-ERR-1).
/// </summary>
public static class MeEndpoints
{
    /// <summary>Bodies larger than this are refused before parsing (the longest allowed text is 2,000 characters).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        // Bearer tokens only (POST /api/auth/login): an API that took the browser's cookie would need antiforgery, since a
        // cross-site form can post a JSON-looking text/plain body. The handlers authenticate themselves so that a missing or
        // expired token is a 401 problem, not a sign-in redirect.
        var me = app.MapGroup("/api/v1/me").WithTags("Me").AllowAnonymous().DisableAntiforgery();

        me.MapPost("/applications", async (HttpContext context, ApplicationService applications, Operations ops, IStringLocalizer<Ui> l, CancellationToken ct) =>
        {
            var signedIn = await SignedInAsync(context);
            if (signedIn is null)
            {
                return Problem(StatusCodes.Status401Unauthorized, "A bearer token is required (POST /api/auth/login).");
            }
            if (signedIn is not { IsJobseeker: true } actor)
            {
                return Problem(StatusCodes.Status403Forbidden, "Only a jobseeker account can apply.");
            }
            var (body, error) = await ReadObjectAsync(context, ct);
            if (body is null)
            {
                return Problem(StatusCodes.Status400BadRequest, error!);
            }
            if (!TryString(body.Value, "jobNumber", required: true, out var jobNumber, out error)
                || !TryString(body.Value, "motivation", required: false, out var motivation, out error)
                || !TryBool(body.Value, "selfApplicationAcknowledged", out var acknowledged, out error)
                || !TryGuid(body.Value, "referralId", out var referralId, out error))
            {
                return Problem(StatusCodes.Status400BadRequest, error!);
            }
            var number = jobNumber!.Trim();
            var offerId = number.Length is > 0 and <= 20
                ? await ops.ReadAsync(db => db.JobOffers.Where(o => o.JobNumber == number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct), ct)
                : null;
            if (offerId is null)
            {
                return Refused(l, new DomainException("OfferNotFound", "jobNumber"), StatusCodes.Status404NotFound);
            }
            try
            {
                var id = await applications.ApplyAsync(actor, new ApplyInput(offerId.Value, motivation ?? "", [], referralId, acknowledged), ct);
                return TypedResults.Created($"/api/v1/me/applications/{id}", new CreatedId(id));
            }
            catch (DomainException e)
            {
                return Refused(l, e, e.Code is "OfferNotFound" or "ReferralNotFound" ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity);
            }
        }).WithSummary("Apply to an offer as the signed-in jobseeker: a self-application (selfApplicationAcknowledged must be true, R-SELF-2) or, with referralId, an online referral.")
          .Accepts<MeApplyRequest>("application/json")
          .Produces<CreatedId>(StatusCodes.Status201Created)
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // No {id:guid} constraint: an id that is not one must answer this API's 404, not fall through to the pages' form handling.
        me.MapPost("/applications/{id}/messages", async (string id, HttpContext context, MessageService messages, IStringLocalizer<Ui> l, CancellationToken ct) =>
        {
            var signedIn = await SignedInAsync(context);
            if (signedIn is null)
            {
                return Problem(StatusCodes.Status401Unauthorized, "A bearer token is required (POST /api/auth/login).");
            }
            if (signedIn is not { IsJobseeker: true } actor)
            {
                return Problem(StatusCodes.Status403Forbidden, "Only a jobseeker account can use this endpoint.");
            }
            if (!Guid.TryParse(id, out var applicationId))
            {
                return Problem(StatusCodes.Status404NotFound, "No such application of yours.");
            }
            var (body, error) = await ReadObjectAsync(context, ct);
            if (body is null)
            {
                return Problem(StatusCodes.Status400BadRequest, error!);
            }
            if (!TryString(body.Value, "body", required: true, out var text, out error))
            {
                return Problem(StatusCodes.Status400BadRequest, error!);
            }
            try
            {
                var messageId = await messages.SendAsync(actor, applicationId, text!, ct);
                return TypedResults.Created($"/api/v1/me/applications/{applicationId}/messages/{messageId}", new CreatedId(messageId));
            }
            catch (ScopeException)
            {
                return Problem(StatusCodes.Status404NotFound, "No such application of yours.");
            }
            catch (DomainException e)
            {
                return Refused(l, e, StatusCodes.Status422UnprocessableEntity);
            }
        }).WithSummary("Send a message to the employer on one of the signed-in jobseeker's own applications (R-MSG-1).")
          .Accepts<MeMessageRequest>("application/json")
          .Produces<CreatedId>(StatusCodes.Status201Created)
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The caller of a valid bearer token, or null.</summary>
    private static async Task<Actor?> SignedInAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
        return result.Succeeded ? Actor.From(result.Principal) : null;
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    /// <summary>A rule's refusal: the page's own message, with the code and field for clients that localise themselves.</summary>
    private static IResult Refused(IStringLocalizer<Ui> l, DomainException e, int status) =>
        Results.Problem(detail: l.Message(e), statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = e.Code, ["field"] = e.Field is null ? null : JsonNamingPolicy.CamelCase.ConvertName(e.Field) });

    /// <summary>The body as one JSON object, or why not (too large, not JSON, not an object).</summary>
    private static async Task<(JsonElement? Body, string? Error)> ReadObjectAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            return (null, $"The body is larger than {MaxBodyBytes} bytes.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, $"The body is larger than {MaxBodyBytes} bytes.");
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, "The body must be a JSON object.");
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON (UTF-8).");
        }
    }

    private static bool TryString(JsonElement body, string name, bool required, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            error = required ? $"'{name}' is required." : null;
            return !required;
        }
        if (p.ValueKind != JsonValueKind.String)
        {
            error = $"'{name}' must be a string.";
            return false;
        }
        try
        {
            value = p.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) is valid JSON syntax but not text.
            error = $"'{name}' contains an invalid character (an unpaired surrogate).";
            return false;
        }
    }

    private static bool TryBool(JsonElement body, string name, out bool value, out string? error)
    {
        value = false;
        error = null;
        if (!body.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (p.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = p.GetBoolean();
            return true;
        }
        error = $"'{name}' must be true or false.";
        return false;
    }

    private static bool TryGuid(JsonElement body, string name, out Guid? value, out string? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        try
        {
            if (p.ValueKind == JsonValueKind.String && p.TryGetGuid(out var id))
            {
                value = id;
                return true;
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: not text, so not an id either (found by the fuzz test, issue 9).
        }
        error = $"'{name}' must be an id (a GUID string).";
        return false;
    }
}
