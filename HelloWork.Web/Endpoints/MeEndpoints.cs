using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Messaging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Web.Endpoints;

/// <summary>The body of <c>POST /api/v1/me/applications</c>.</summary>
public sealed record MeApplyRequest(string? JobNumber, string? Motivation, bool SelfApplicationAcknowledged, Guid? ReferralId);

/// <summary>The body of <c>POST /api/v1/me/applications/{id}/messages</c>.</summary>
public sealed record MeMessageRequest(string? Body);

/// <summary>What a create answers: the new id (the acknowledgement a client keeps).</summary>
public sealed record CreatedId(Guid Id);

/// <summary>
/// The signed-in jobseeker's own actions for non-browser clients (a mobile app): apply to an offer (自主応募 R-SELF-1, or an
/// online referral R-REF-4) and send a message on one's own application (R-MSG-1). Bearer token only; jobseekers only;
/// every call goes through the same domain operations as the mypage pages (ApplicationService, MessageService), so the same
/// rules, scope checks (R-ACC-4: someone else's application answers 404, revealing nothing) and refusals apply. A 201 is
/// sent only after the transaction has committed. Refusals: 400 unreadable body, 401 no valid token, 403 not a jobseeker, 404 unknown or
/// foreign, 422 a rule — the last two and the 400 by the one refusal handler (<see cref="RefusalExceptionHandler"/>: problem
/// details with <c>code</c>, <c>field</c> and the same message as the page, R-ERR-1). The token is checked before the body is read,
/// so a stranger learns nothing from the body's shape.
/// </summary>
public static class MeEndpoints
{
    /// <summary>Bodies larger than this are refused before parsing (the longest allowed text is 2,000 characters).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        // Bearer tokens only (POST /api/auth/login): an API that took the browser's cookie would need antiforgery, since a
        // cross-site form can post a JSON-looking text/plain body. The handlers authenticate themselves so that a missing or
        // expired token is a 401 problem, not a sign-in redirect.
        var me = app.MapGroup("/api/v1/me").WithTags("Me").AllowAnonymous().DisableAntiforgery();

        me.MapPost("/applications", async (HttpContext context, ApplicationService applications, Operations ops, CancellationToken ct) =>
        {
            var (actor, refusal) = await JobseekerAsync(context, "apply");
            if (actor is null)
            {
                return refusal!;
            }
            var body = await ReadAsync<MeApplyRequest>(context, ct);
            var number = Required(body.JobNumber, "jobNumber").Trim();
            var offerId = number.Length is > 0 and <= 20
                ? await ops.ReadAsync(db => db.JobOffers.Where(o => o.JobNumber == number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct), ct)
                : null;
            var id = await applications.ApplyAsync(actor, new ApplyInput(offerId ?? throw new DomainException("OfferNotFound", "jobNumber"),
                body.Motivation ?? "", [], body.ReferralId, body.SelfApplicationAcknowledged), ct);
            return TypedResults.Created($"/api/v1/me/applications/{id}", new CreatedId(id));
        }).WithSummary("Apply to an offer as the signed-in jobseeker: a self-application (selfApplicationAcknowledged must be true, R-SELF-2) or, with referralId, an online referral.")
          .Accepts<MeApplyRequest>("application/json")
          .Produces<CreatedId>(StatusCodes.Status201Created)
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // No {id:guid} constraint: an id that is not one must answer this API's 404, not fall through to the pages' form handling.
        me.MapPost("/applications/{id}/messages", async (string id, HttpContext context, MessageService messages, CancellationToken ct) =>
        {
            var (actor, refusal) = await JobseekerAsync(context, "use this endpoint");
            if (actor is null)
            {
                return refusal!;
            }
            if (!Guid.TryParse(id, out var applicationId))
            {
                return Problem(StatusCodes.Status404NotFound, "No such application of yours.");
            }
            var body = await ReadAsync<MeMessageRequest>(context, ct);
            var messageId = await messages.SendAsync(actor, applicationId, Required(body.Body, "body"), ct); // someone else's: 404
            return TypedResults.Created($"/api/v1/me/applications/{applicationId}/messages/{messageId}", new CreatedId(messageId));
        }).WithSummary("Send a message to the employer on one of the signed-in jobseeker's own applications (R-MSG-1).")
          .Accepts<MeMessageRequest>("application/json")
          .Produces<CreatedId>(StatusCodes.Status201Created)
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The caller of a valid bearer token, or null.</summary>
    internal static async Task<Actor?> SignedInAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
        return result.Succeeded ? Actor.From(result.Principal) : null;
    }

    /// <summary>The jobseeker of the bearer token, or the refusal: 401 without a valid token, 403 for another role ("Only a jobseeker
    /// account can <paramref name="what"/>.").</summary>
    internal static async Task<(Actor? Actor, IResult? Refusal)> JobseekerAsync(HttpContext context, string what) => await SignedInAsync(context) switch
    {
        null => (null, Problem(StatusCodes.Status401Unauthorized, "A bearer token is required (POST /api/auth/login).")),
        { IsJobseeker: true } actor => (actor, null),
        _ => (null, Problem(StatusCodes.Status403Forbidden, $"Only a jobseeker account can {what}.")),
    };

    internal static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    /// <summary>The body as <typeparamref name="T"/>, read after the caller is known; an unreadable one is a 400 naming the field
    /// (a wrong type at <c>$.jobNumber</c>, an escaped lone surrogate), a larger one 413.</summary>
    internal static async Task<T> ReadAsync<T>(HttpContext context, CancellationToken ct) where T : class
    {
        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            throw new BadHttpRequestException($"The body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes; // a chunked body is cut off there too
        }
        try
        {
            return await context.Request.ReadFromJsonAsync<T>(Json, ct) ?? throw new BadHttpRequestException("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.');
            throw new BadHttpRequestException(string.IsNullOrEmpty(field)
                ? "The body is not a JSON object (UTF-8)."
                : $"'{field}' has the wrong type or is not valid text.", e);
        }
    }

    internal static string Required(string? value, string name) => value ?? throw new BadHttpRequestException($"'{name}' is required.");

    internal static T Required<T>(T? value, string name) where T : struct => value ?? throw new BadHttpRequestException($"'{name}' is required.");
}
