using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Bookings;

/// <summary>An event as a list shows it, with the reader's own booking (null for staff or without one).</summary>
public sealed record EventCard(Guid Id, EventKind Kind, string Title, string OfficeName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, bool Online, int Capacity, int SeatsLeft, int Waiting, DateTimeOffset CutOffAt, bool Open, MyEventBooking? Mine,
    string? CancelReason = null)
{
    /// <summary>中止: the office cancelled it (with <see cref="CancelReason"/>).</summary>
    public bool Cancelled => CancelReason is not null;
}

/// <summary>The reader's own booking of an event: its id (to cancel it), its state and, when waiting, the place in the queue (1 = next).</summary>
public sealed record MyEventBooking(Guid Id, BookingStatus Status, int? WaitingPosition);

/// <summary>A participating offer of a 面接会 or 職場見学会 (the establishment's name only where its offer publishes it).</summary>
public sealed record EventParticipant(Guid JobOfferId, string? EstablishmentName, string OfferTitle, string? JobNumber);

/// <summary>An event's page. <see cref="OnlineUrl"/> only for a confirmed booking and for the office's staff.</summary>
public sealed record EventDetail(EventCard Card, string Description, string? OnlineUrl, IReadOnlyList<EventParticipant> Participants);

/// <summary>A booking as the office's staff see it (R-EVT-1).</summary>
public sealed record EventAttendee(Guid BookingId, string Name, string? JobseekerNumber, BookingStatus Status, DateTimeOffset CreatedAt,
    Attendance? Attendance = null);

public enum BookingOutcome
{
    Booked = 0,
    Waiting = 1,
}

/// <summary>
/// Events and their bookings (R-EVT-1). The rule that never lets bookings pass the seats: a booking takes a seat with one conditional
/// UPDATE of the event's counter (<c>Booked = Booked + 1 WHERE Booked &lt; Capacity</c>) in the booking's own transaction, and is
/// written only when that UPDATE changed a row; the database decides, not a count read earlier (docs/bookings.md). A cancellation
/// gives its seat to the oldest waiting booking or, with nobody waiting, back to the counter. Every change signals the seats topic,
/// so every open list and event page shows the seats left at once (R-LIVE-1).
/// </summary>
public sealed class EventBookings(Operations ops)
{
    public const int MaxListed = 200;

    /// <summary>Upcoming events of every office for a jobseeker (of the own office for staff), soonest first.</summary>
    public Task<List<EventCard>> UpcomingAsync(Actor actor, EventKind? kind = null, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var now = ops.Clock.GetUtcNow();
        var q = Visible(db, actor).Where(e => !e.Cancelled && e.EndsAt > now);
        if (kind is { } k)
        {
            q = q.Where(e => e.Kind == k);
        }
        var events = await q.OrderBy(e => e.StartsAt).Take(MaxListed).ToListAsync(ct);
        return await CardsAsync(db, actor, events, now, ct);
    }, ct);

    public Task<EventDetail> DetailAsync(Actor actor, Guid eventId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var now = ops.Clock.GetUtcNow();
        var ev = await Visible(db, actor).FirstOrDefaultAsync(e => e.Id == eventId, ct) ?? throw new ScopeException("event");
        var card = (await CardsAsync(db, actor, [ev], now, ct))[0];
        var participants = await (from p in db.EventOffers
                                  join o in db.JobOffers on p.JobOfferId equals o.Id
                                  where p.EventId == eventId
                                  orderby o.JobNumber
                                  select new EventParticipant(o.Id, o.Scope == PublicationScope.PublicWithName ? o.EstablishmentName : null, o.Title, o.JobNumber))
            .ToListAsync(ct);
        var showLink = actor.IsStaff || card.Mine?.Status == BookingStatus.Confirmed;
        return new EventDetail(card, ev.Description, showLink ? ev.OnlineUrl : null, participants);
    }, ct);

    /// <summary>Books a seat (R-EVT-1); when none is left, a place on the waiting list if <paramref name="waitIfFull"/>, else a refusal.</summary>
    public async Task<BookingOutcome> BookAsync(Actor actor, Guid eventId, bool waitIfFull, CancellationToken ct = default)
    {
        try
        {
            return await BookOnceAsync(actor, eventId, waitIfFull, ct);
        }
        catch (DbUpdateException) when (actor.JobseekerId is not null)
        {
            // The same person booking twice at once (two tabs): the one-live-booking index refused the second, whose seat went back
            // with its transaction. The same answer as for a booking made earlier; any other failure is not a refusal.
            var jobseekerId = actor.JobseekerId.Value;
            if (await ops.ReadAsync(db => db.EventBookings.AnyAsync(b =>
                    b.EventId == eventId && b.JobseekerId == jobseekerId && b.Status != BookingStatus.Cancelled, ct), ct))
            {
                throw new DomainException(ErrorCodes.AlreadyBooked);
            }
            throw;
        }
    }

    private Task<BookingOutcome> BookOnceAsync(Actor actor, Guid eventId, bool waitIfFull, CancellationToken ct) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var ev = await w.Db.OfficeEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct) ?? throw new ScopeException("event");
        if (!ev.IsOpen(w.Now))
        {
            throw new DomainException(ErrorCodes.EventClosed);
        }
        if (await w.Db.EventBookings.AnyAsync(b => b.EventId == eventId && b.JobseekerId == jobseekerId && b.Status != BookingStatus.Cancelled, ct))
        {
            throw new DomainException(ErrorCodes.AlreadyBooked);
        }
        var seat = await TakeSeatAsync(w, eventId, ct);
        if (!seat)
        {
            // Full, or a cancellation is under way: wait for it (the event row's lock, which cancellations hold) and try once more,
            // so nobody joins the waiting list while a seat is being given back.
            await w.LockAsync<OfficeEvent>(eventId, ct);
            seat = await TakeSeatAsync(w, eventId, ct);
            // Cancelled by the office meanwhile (it holds the same lock): no seat and no waiting list either.
            if (!seat && await w.Db.OfficeEvents.AnyAsync(e => e.Id == eventId && e.Cancelled, ct))
            {
                throw new DomainException(ErrorCodes.EventClosed);
            }
        }
        if (!seat && !waitIfFull)
        {
            throw new DomainException(ErrorCodes.EventFull);
        }
        var booking = new EventBooking(eventId, jobseekerId, seat ? BookingStatus.Confirmed : BookingStatus.Waiting, w.Now);
        w.Db.EventBookings.Add(booking);
        w.Audit(seat ? AuditActions.EventBooked : AuditActions.EventWaitlisted, nameof(EventBooking), booking.Id, jobseekerId, ev.OfficeId, ev.Title);
        w.Notices.Signal(Topics.Bookings, NoticeKind.SeatsChanged, eventId);
        return seat ? BookingOutcome.Booked : BookingOutcome.Waiting;
    }, ct);

    /// <summary>Cancels the person's own booking or place on the waiting list, until the event's cut-off; a freed seat goes to the
    /// oldest waiting booking, whose person is told (R-EVT-1). Someone else's booking is not found (R-ACC-4).</summary>
    public Task CancelAsync(Actor actor, Guid bookingId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var booking = await w.Db.EventBookings.FirstOrDefaultAsync(b => b.Id == bookingId && b.JobseekerId == jobseekerId, ct)
            ?? throw new ScopeException("event booking");
        if (booking.Status == BookingStatus.Cancelled)
        {
            throw new DomainException(ErrorCodes.BookingAlreadyCancelled);
        }
        // One cancellation per event at a time (and none while a full booking re-checks), so two never promote the same waiter.
        await w.LockAsync<OfficeEvent>(booking.EventId, ct);
        var ev = await w.Db.OfficeEvents.AsNoTracking().FirstAsync(e => e.Id == booking.EventId, ct);
        if (w.Now >= ev.CutOffAt)
        {
            throw new DomainException(ErrorCodes.EventCancelClosed);
        }
        var heldSeat = booking.Status == BookingStatus.Confirmed;
        booking.Cancel(w.Now);
        w.Audit(AuditActions.EventBookingCancelled, nameof(EventBooking), booking.Id, jobseekerId, ev.OfficeId, ev.Title);
        if (heldSeat)
        {
            var next = await w.Db.EventBookings.Where(b => b.EventId == ev.Id && b.Status == BookingStatus.Waiting)
                .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.MoveUp(w.Now);
                w.Audit(AuditActions.EventBookingMovedUp, nameof(EventBooking), next.Id, next.JobseekerId, ev.OfficeId, ev.Title);
                await NotifyJobseekerAsync(w, next.JobseekerId, NoticeKind.BookingMovedUp, ev, ct);
            }
            else
            {
                await w.Db.OfficeEvents.Where(e => e.Id == ev.Id && e.Booked > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Booked, e => e.Booked - 1), ct);
            }
        }
        w.Notices.Signal(Topics.Bookings, NoticeKind.SeatsChanged, ev.Id);
    }, ct);

    /// <summary>The office's events, upcoming and recent, for its staff.</summary>
    public Task<List<EventCard>> OfficeEventsAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var now = ops.Clock.GetUtcNow();
        var since = now.AddDays(-30);
        var events = await db.OfficeEvents.Where(e => e.OfficeId == officeId && e.EndsAt > since).OrderBy(e => e.StartsAt).Take(MaxListed).ToListAsync(ct);
        return await CardsAsync(db, actor, events, now, ct);
    }, ct);

    /// <summary>Who booked and who waits, in order, for the office's own event (R-ACC-4: another office's is not found).</summary>
    public Task<List<EventAttendee>> AttendeesAsync(Actor actor, Guid eventId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        if (!await db.OfficeEvents.AnyAsync(e => e.Id == eventId && e.OfficeId == officeId, ct))
        {
            throw new ScopeException("event");
        }
        return await (from b in db.EventBookings
                      join j in db.Jobseekers on b.JobseekerId equals j.Id
                      where b.EventId == eventId && b.Status != BookingStatus.Cancelled
                      orderby b.Status, b.CreatedAt
                      select new EventAttendee(b.Id, j.Name, j.JobseekerNumber, b.Status, b.CreatedAt, b.Attendance)).ToListAsync(ct);
    }, ct);

    /// <summary>
    /// 中止: the office cancels its event with a reason (R-EVT-1). Under the event row's lock (which bookings and cancellations take
    /// too), the event stops taking bookings, every confirmed and waiting booking is cancelled, and each person is told by a notice
    /// (mailed by their choice) with the reason; open pages reload by the seats signal (R-LIVE-1). Another office's event is not found.
    /// </summary>
    public Task<int> CancelEventAsync(Actor actor, Guid eventId, string? reason, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        await w.LockAsync<OfficeEvent>(eventId, ct);
        var ev = await w.Db.OfficeEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.OfficeId == officeId, ct) ?? throw new ScopeException("event");
        ev.Cancel(reason, w.Now);
        var live = await w.Db.EventBookings.Where(b => b.EventId == eventId && b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.Status).ThenBy(b => b.CreatedAt).ToListAsync(ct);
        foreach (var booking in live)
        {
            booking.Cancel(w.Now);
            w.Audit(AuditActions.EventBookingCancelled, nameof(EventBooking), booking.Id, booking.JobseekerId, officeId, ev.Title);
            await NotifyJobseekerAsync(w, booking.JobseekerId, NoticeKind.EventCancelled, ev, ct,
                new() { [NoticeArg.Reason] = ev.CancelReason! });
        }
        w.Audit(AuditActions.EventCancelled, nameof(OfficeEvent), ev.Id, officeId: officeId, detail: $"{ev.Title}: {ev.CancelReason}");
        w.Notices.Signal(Topics.Bookings, NoticeKind.SeatsChanged, ev.Id);
        return live.Count;
    }, ct);

    /// <summary>出席 / 欠席 of a confirmed booking of the office's own event, once it has begun (R-EVT-1, as appointments' R-APT-1).</summary>
    public Task RecordAttendanceAsync(Actor actor, Guid bookingId, Attendance attendance, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var found = await (from b in w.Db.EventBookings
                           join e in w.Db.OfficeEvents on b.EventId equals e.Id
                           where b.Id == bookingId && e.OfficeId == officeId
                           select new { Booking = b, e.StartsAt, e.Title }).FirstOrDefaultAsync(ct) ?? throw new ScopeException("event booking");
        found.Booking.Record(attendance, found.StartsAt, w.Now);
        w.Audit(AuditActions.EventAttendanceRecorded, nameof(EventBooking), bookingId, found.Booking.JobseekerId, officeId, $"{found.Title}: {attendance}");
        if (attendance == Attendance.Attended)
        {
            // R-EVAL-4: only a person who came is asked about the event, once, as after an appointment.
            await Evaluation.SurveyOffers.OfferAsync(w, Evaluation.SurveyOccasion.Event, bookingId, found.Booking.JobseekerId, officeId, ct);
        }
        w.Notices.Signal(Topics.Bookings, NoticeKind.SeatsChanged, found.Booking.EventId);
    }, ct);

    /// <summary>Creates (<paramref name="eventId"/> null) or updates an event of the staff member's office, with the participating
    /// offers of a 面接会 or 職場見学会 given by job number.</summary>
    public Task<Guid> SaveAsync(Actor actor, Guid? eventId, OfficeEventInput input, IReadOnlyList<string> jobNumbers, CancellationToken ct = default) =>
        ops.RunAsync(actor, async w =>
        {
            var officeId = actor.RequireOffice();
            OfficeEvent ev;
            if (eventId is { } id)
            {
                await w.LockAsync<OfficeEvent>(id, ct);
                ev = await w.Db.OfficeEvents.FirstOrDefaultAsync(e => e.Id == id && e.OfficeId == officeId, ct) ?? throw new ScopeException("event");
                ev.Update(input, ev.Booked, w.Now);
            }
            else
            {
                ev = w.Db.OfficeEvents.Add(new OfficeEvent(officeId, input, w.Now)).Entity;
            }
            var numbers = jobNumbers.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
            if (numbers.Count > 50)
            {
                throw new DomainException(ErrorCodes.TooManyChoices, "JobNumbers", 50);
            }
            var offers = await w.Db.JobOffers.Where(o => o.JobNumber != null && numbers.Contains(o.JobNumber) && o.Status == OfferStatus.Published)
                .Select(o => new { o.Id, o.JobNumber }).ToListAsync(ct);
            if (numbers.FirstOrDefault(n => offers.All(o => o.JobNumber != n)) is { } unknown)
            {
                throw new DomainException(ErrorCodes.OfferNotFound, "JobNumbers", unknown);
            }
            var current = await w.Db.EventOffers.Where(p => p.EventId == ev.Id).ToListAsync(ct);
            w.Db.EventOffers.RemoveRange(current.Where(p => offers.All(o => o.Id != p.JobOfferId)));
            w.Db.EventOffers.AddRange(offers.Where(o => current.All(p => p.JobOfferId != o.Id)).Select(o => new EventOffer(ev.Id, o.Id)));
            w.Audit(AuditActions.EventSaved, nameof(OfficeEvent), ev.Id, officeId: officeId, detail: ev.Title);
            w.Notices.Signal(Topics.Bookings, NoticeKind.SeatsChanged, ev.Id);
            return ev.Id;
        }, ct);

    /// <summary>The event's form values, for the office's own staff.</summary>
    public Task<(OfficeEventInput Input, IReadOnlyList<string> JobNumbers)> EditAsync(Actor actor, Guid eventId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var e = await db.OfficeEvents.FirstOrDefaultAsync(x => x.Id == eventId && x.OfficeId == officeId, ct) ?? throw new ScopeException("event");
        var numbers = await (from p in db.EventOffers join o in db.JobOffers on p.JobOfferId equals o.Id where p.EventId == eventId select o.JobNumber!).ToListAsync(ct);
        return (new OfficeEventInput(e.Kind, e.Title, e.Description, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.Capacity, e.CutOffAt),
            (IReadOnlyList<string>)numbers);
    }, ct);

    /// <summary>A seat, if one is left: the one conditional UPDATE that keeps bookings within the seats (R-EVT-1).</summary>
    private static async Task<bool> TakeSeatAsync(Work w, Guid eventId, CancellationToken ct)
    {
        var now = w.Now;
        var changed = await w.Db.OfficeEvents
            .Where(e => e.Id == eventId && !e.Cancelled && e.Booked < e.Capacity && e.CutOffAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Booked, e => e.Booked + 1), ct);
        return changed == 1;
    }

    internal static async Task NotifyJobseekerAsync(Work w, Guid jobseekerId, NoticeKind kind, OfficeEvent ev, CancellationToken ct,
        Dictionary<string, string>? more = null)
    {
        var users = await w.Db.Users.Where(u => u.JobseekerId == jobseekerId).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in users)
        {
            var args = new Dictionary<string, string>
            {
                [NoticeArg.EventTitle] = ev.Title,
                [NoticeArg.Date] = NoticeArg.DateValue(JapanTime.DateOf(ev.StartsAt)),
                [NoticeArg.Time] = JapanTime.ToJapan(ev.StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in more ?? [])
            {
                args[key] = value;
            }
            await w.Notices.AddAsync(Recipients.User(userId), kind, ev.Id, args, ct);
        }
    }

    private static IQueryable<OfficeEvent> Visible(HelloWorkDb db, Actor actor) =>
        actor.IsStaff ? db.OfficeEvents.Where(e => e.OfficeId == actor.OfficeId)
        : actor.IsJobseeker ? db.OfficeEvents
        : throw new ScopeException("events");

    private static async Task<List<EventCard>> CardsAsync(HelloWorkDb db, Actor actor, List<OfficeEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToList();
        var officeIds = events.Select(e => e.OfficeId).Distinct().ToList();
        var offices = await db.Offices.Where(o => officeIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var waiting = await db.EventBookings.Where(b => ids.Contains(b.EventId) && b.Status == BookingStatus.Waiting)
            .Select(b => new { b.Id, b.EventId, b.JobseekerId, b.CreatedAt }).ToListAsync(ct);
        var queues = waiting.GroupBy(b => b.EventId).ToDictionary(g => g.Key, g => g.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToList());
        var mine = actor.IsJobseeker
            ? await db.EventBookings.Where(b => ids.Contains(b.EventId) && b.JobseekerId == actor.JobseekerId && b.Status != BookingStatus.Cancelled)
                .ToDictionaryAsync(b => b.EventId, ct)
            : new Dictionary<Guid, EventBooking>();
        return [.. events.Select(e =>
        {
            var queue = queues.GetValueOrDefault(e.Id) ?? [];
            MyEventBooking? my = mine.TryGetValue(e.Id, out var b)
                ? new MyEventBooking(b.Id, b.Status, b.Status == BookingStatus.Waiting ? queue.FindIndex(x => x.Id == b.Id) + 1 : null)
                : null;
            return new EventCard(e.Id, e.Kind, e.Title, offices.GetValueOrDefault(e.OfficeId, ""), e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl is not null,
                e.Capacity, e.SeatsLeft, queue.Count, e.CutOffAt, e.IsOpen(now), my, e.Cancelled ? e.CancelReason ?? "" : null);
        })];
    }
}
