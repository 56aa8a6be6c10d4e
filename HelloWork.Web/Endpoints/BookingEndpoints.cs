using HelloWork.Domain.Common;
using HelloWork.Domain.Bookings;

namespace HelloWork.Web.Endpoints;

/// <summary>The body of <c>POST /api/v1/me/event-bookings</c>: the event, and whether to join the waiting list when it is full.</summary>
public sealed record MeEventBookingRequest(Guid? EventId, bool WaitIfFull);

/// <summary>The body of <c>POST /api/v1/me/appointments</c>: a free counselling slot, optionally for a training course (受講希望).</summary>
public sealed record MeAppointmentRequest(Guid? SlotId, Guid? CourseId);

/// <summary>What a booking answers: <c>Booked</c> (a seat) or <c>Waiting</c> (キャンセル待ち).</summary>
public sealed record EventBookingResult(string Outcome);

/// <summary>
/// The jobseeker's bookings for non-browser clients (R-EVT-1, R-APT-1), beside <see cref="MeEndpoints"/> and with its rules: bearer
/// token only, jobseekers only, the same domain operations as the mypage's event and appointment pages (<see cref="EventBookings"/>,
/// <see cref="Appointments"/>), so the same seats rule decides and the same refusal answers (422 with the page's message, e.g.
/// 「満席のため予約できませんでした。…」; an event or slot that is not the person's to book is 404).
/// </summary>
public static class BookingEndpoints
{
    public static void MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Me").AllowAnonymous().DisableAntiforgery();

        me.MapGet("/events/{Id}", async (string id, HttpContext context, EventBookings events, CancellationToken ct) =>
        {
            var (actor, refusal) = await MeEndpoints.JobseekerAsync(context, "book");
            if (actor is null)
            {
                return refusal!;
            }
            if (!Guid.TryParse(id, out var eventId))
            {
                return MeEndpoints.Problem(StatusCodes.Status404NotFound, "No such event.");
            }
            return TypedResults.Ok((await events.DetailAsync(actor, eventId, ct)).Card);
        }).WithSummary("An event as the signed-in jobseeker's event page shows it: seats left, waiting list and the person's own booking (R-EVT-1).")
          .Produces<EventCard>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/event-bookings", async (HttpContext context, EventBookings events, CancellationToken ct) =>
        {
            var (actor, refusal) = await MeEndpoints.JobseekerAsync(context, "book");
            if (actor is null)
            {
                return refusal!;
            }
            var body = await MeEndpoints.ReadAsync<MeEventBookingRequest>(context, ct);
            var eventId = MeEndpoints.Required(body.EventId, "eventId");
            var outcome = await events.BookAsync(actor, eventId, body.WaitIfFull, ct);
            return TypedResults.Created($"/api/v1/me/events/{eventId}", new EventBookingResult(outcome.ToString()));
        }).WithSummary("Book a seat of an event as the signed-in jobseeker (R-EVT-1); when it is full, a place on the waiting list if waitIfFull, else 422 EventFull.")
          .Accepts<MeEventBookingRequest>("application/json")
          .Produces<EventBookingResult>(StatusCodes.Status201Created)
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        me.MapPost("/appointments", async (HttpContext context, Appointments appointments, CancellationToken ct) =>
        {
            var (actor, refusal) = await MeEndpoints.JobseekerAsync(context, "book");
            if (actor is null)
            {
                return refusal!;
            }
            var body = await MeEndpoints.ReadAsync<MeAppointmentRequest>(context, ct);
            var slotId = MeEndpoints.Required(body.SlotId, "slotId");
            await appointments.BookAsync(actor, slotId, body.CourseId, ct);
            return TypedResults.Created($"/api/v1/me/appointments/{slotId}", new CreatedId(slotId));
        }).WithSummary("Book a free counselling slot of the signed-in jobseeker's office (R-APT-1); a slot just taken by someone else is 422 SlotTaken.")
          .Accepts<MeAppointmentRequest>("application/json")
          .Produces<CreatedId>(StatusCodes.Status201Created)
          .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
