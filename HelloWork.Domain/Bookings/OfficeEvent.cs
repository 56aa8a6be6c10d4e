using HelloWork.Domain.Common;

namespace HelloWork.Domain.Bookings;

/// <summary>The kinds of イベント an office holds (seed 002 「各種セミナー」「各種面接会、職場見学会等のイベント」).</summary>
public enum EventKind
{
    Seminar = 0,
    InterviewFair = 1,
    WorkplaceTour = 2,
}

/// <summary>
/// An office's event (R-EVT-1): a セミナー, a 面接会 (with the offers of the establishments taking part) or a 職場見学会, at a place
/// or online, with a number of seats and a cut-off for booking and cancelling. <see cref="Booked"/> counts the confirmed bookings and
/// is changed only by one conditional UPDATE per booking (<see cref="EventBookings"/>), so the database itself never lets it pass
/// <see cref="Capacity"/> (docs/bookings.md).
/// </summary>
public sealed class OfficeEvent
{
    public const int MaxTitle = 100;
    public const int MaxText = 2000;

    private OfficeEvent() { }

    public OfficeEvent(Guid officeId, OfficeEventInput input, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        CreatedAt = now;
        Update(input, 0, now);
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public EventKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>Where it is held; null for an online event.</summary>
    public string? Place { get; private set; }

    /// <summary>The link of an online event (shown to those with a booking only).</summary>
    public string? OnlineUrl { get; private set; }
    public int Capacity { get; private set; }

    /// <summary>Confirmed bookings: the seats counter (never above <see cref="Capacity"/>).</summary>
    public int Booked { get; private set; }

    /// <summary>Booking and cancelling online end here (受付締切).</summary>
    public DateTimeOffset CutOffAt { get; private set; }
    public bool Cancelled { get; private set; }

    /// <summary>Why the office cancelled the event (中止の理由), told to everyone booked or waiting.</summary>
    public string? CancelReason { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public const int MaxCancelReason = 500;

    public int SeatsLeft => Math.Max(0, Capacity - Booked);

    public bool IsOpen(DateTimeOffset now) => !Cancelled && now < CutOffAt;

    /// <summary>Demo data only: a booking written together with the new event, before anyone can race for it.</summary>
    internal EventBooking SeedBooking(Guid jobseekerId, DateTimeOffset at)
    {
        if (Booked >= Capacity)
        {
            throw new InvalidOperationException("The demo event is full.");
        }
        Booked++;
        return new EventBooking(Id, jobseekerId, BookingStatus.Confirmed, at);
    }

    /// <summary>中止: the event takes no more bookings and holds no seats (its bookings are cancelled by <see cref="EventBookings"/>,
    /// under the event row's lock). The reason is required: every person booked or waiting is told it.</summary>
    public void Cancel(string? reason, DateTimeOffset now)
    {
        if (Cancelled)
        {
            throw new DomainException(ErrorCodes.EventAlreadyCancelled);
        }
        if (now >= StartsAt)
        {
            throw new DomainException(ErrorCodes.EventAlreadyStarted);
        }
        CancelReason = Text.Require(reason, "CancelReason", MaxCancelReason);
        (Cancelled, CancelledAt, Booked) = (true, now, 0);
    }

    /// <summary>Applies what staff typed; <paramref name="booked"/> is the current count (capacity may not go below it).</summary>
    public void Update(OfficeEventInput input, int booked, DateTimeOffset now)
    {
        if (Cancelled)
        {
            throw new DomainException(ErrorCodes.EventAlreadyCancelled);
        }
        Kind = Enum.IsDefined(input.Kind) ? input.Kind : throw new DomainException(ErrorCodes.InvalidChoice, nameof(input.Kind));
        Title = Text.RequireName(input.Title, nameof(input.Title), MaxTitle);
        Description = Text.Require(input.Description, nameof(input.Description), MaxText, required: false);
        Place = Text.Optional(input.Place, nameof(input.Place), 200);
        OnlineUrl = Text.Optional(input.OnlineUrl, nameof(input.OnlineUrl), 500);
        if (OnlineUrl is not null && (!Uri.TryCreate(OnlineUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainException(ErrorCodes.InvalidUrl, nameof(input.OnlineUrl));
        }
        if (Place is null && OnlineUrl is null)
        {
            throw new DomainException(ErrorCodes.EventNeedsPlaceOrLink, nameof(input.Place));
        }
        if (input.EndsAt <= input.StartsAt)
        {
            throw new DomainException(ErrorCodes.DateRangeReversed, nameof(input.EndsAt));
        }
        if (input.CutOffAt > input.StartsAt)
        {
            throw new DomainException(ErrorCodes.EventCutOffAfterStart, nameof(input.CutOffAt));
        }
        if (input.Capacity is < 1 or > 1000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(input.Capacity), 1, 1000);
        }
        if (input.Capacity < booked)
        {
            throw new DomainException(ErrorCodes.CapacityBelowBookings, nameof(input.Capacity), booked);
        }
        (StartsAt, EndsAt, CutOffAt, Capacity) = (input.StartsAt, input.EndsAt, input.CutOffAt, input.Capacity);
        _ = now;
    }
}

/// <summary>What staff type for an event (R-EVT-1). Instants are Japan times made into <see cref="DateTimeOffset"/> by the form.</summary>
public sealed record OfficeEventInput(EventKind Kind, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineUrl, int Capacity, DateTimeOffset CutOffAt);

/// <summary>An offer taking part in a 面接会 or 職場見学会 (参加事業所とその求人).</summary>
public sealed class EventOffer
{
    private EventOffer() { }

    public EventOffer(Guid eventId, Guid jobOfferId) => (EventId, JobOfferId) = (eventId, jobOfferId);

    public Guid EventId { get; private set; }
    public Guid JobOfferId { get; private set; }
}

public enum BookingStatus
{
    Confirmed = 0,

    /// <summary>キャンセル待ち: moves up, oldest first, when a confirmed booking is cancelled.</summary>
    Waiting = 1,
    Cancelled = 2,
}

/// <summary>A jobseeker's booking of an event: confirmed (holds a seat) or on the waiting list; at most one live per person and event.</summary>
public sealed class EventBooking
{
    private EventBooking() { }

    public EventBooking(Guid eventId, Guid jobseekerId, BookingStatus status, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        EventId = eventId;
        JobseekerId = jobseekerId;
        Status = status;
        CreatedAt = now;
        ChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid JobseekerId { get; private set; }
    public BookingStatus Status { get; private set; }

    /// <summary>When the booking (or the place on the waiting list) was made: the waiting list's order.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>出席 / 欠席, recorded by the office's staff once the event has begun (as for counselling appointments, R-APT-1).</summary>
    public Attendance? Attendance { get; private set; }

    /// <summary>Records whether the person came; only a confirmed booking holds a seat to come to.</summary>
    public void Record(Attendance attendance, DateTimeOffset eventStartsAt, DateTimeOffset now)
    {
        if (Status != BookingStatus.Confirmed)
        {
            throw new DomainException(ErrorCodes.EventBookingNotConfirmed);
        }
        if (now < eventStartsAt)
        {
            throw new DomainException(ErrorCodes.EventAttendanceBeforeStart);
        }
        Attendance = Enum.IsDefined(attendance) ? attendance : throw new DomainException(ErrorCodes.InvalidChoice, nameof(attendance));
        ChangedAt = now;
    }

    public void Cancel(DateTimeOffset now) => (Status, ChangedAt) = (BookingStatus.Cancelled, now);

    public void MoveUp(DateTimeOffset now) => (Status, ChangedAt) = (BookingStatus.Confirmed, now);
}
