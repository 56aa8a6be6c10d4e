using HelloWork.Domain.Common;

namespace HelloWork.Domain.Bookings;

/// <summary>What became of a booked appointment (来所 / 無断キャンセル), recorded by staff (R-APT-1).</summary>
public enum Attendance
{
    Attended = 1,
    NoShow = 2,
}

/// <summary>
/// One counselling slot of a counsellor at an office (課題解決支援サービス, 予約担当者制; R-APT-1). The slot is the appointment: at most
/// one jobseeker holds it (<see cref="JobseekerId"/>), set only by a conditional UPDATE that finds it free, so two bookings of one slot
/// cannot both succeed (docs/bookings.md). A booking may carry the training course the jobseeker wants to apply to (R-TRN-1).
/// </summary>
public sealed class CounsellingSlot
{
    public const int MaxNote = 500;

    /// <summary>Booking and cancelling online end this long before the slot (the office needs the time to prepare or re-offer it).</summary>
    public static readonly TimeSpan CutOff = TimeSpan.FromHours(2);

    private CounsellingSlot() { }

    public CounsellingSlot(Guid officeId, Guid counsellorUserId, DateTimeOffset startsAt, int minutes, DateTimeOffset now)
    {
        if (minutes is < 10 or > 180)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(minutes), 10, 180);
        }
        Id = Guid.NewGuid();
        OfficeId = officeId;
        CounsellorUserId = counsellorUserId;
        StartsAt = startsAt;
        Minutes = minutes;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid CounsellorUserId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int Minutes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? JobseekerId { get; private set; }
    public DateTimeOffset? BookedAt { get; private set; }

    /// <summary>The course the jobseeker wants to apply to (受講希望), when the appointment was asked for from a course page.</summary>
    public Guid? CourseId { get; private set; }
    public string? Note { get; private set; }
    public Attendance? Attendance { get; private set; }
    public DateTimeOffset? ReminderSentAt { get; private set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(Minutes);

    public bool IsFree => JobseekerId is null;

    public static DateTimeOffset LatestChange(DateTimeOffset startsAt) => startsAt - CutOff;

    public void Record(Attendance attendance, DateTimeOffset now)
    {
        if (JobseekerId is null)
        {
            throw new DomainException(ErrorCodes.SlotNotBooked);
        }
        if (now < StartsAt)
        {
            throw new DomainException(ErrorCodes.AttendanceBeforeStart);
        }
        Attendance = Enum.IsDefined(attendance) ? attendance : throw new DomainException(ErrorCodes.InvalidChoice, nameof(attendance));
    }
}

/// <summary>担当者制: the counsellor named for a jobseeker, whose slots the jobseeker books (R-APT-1). One per jobseeker.</summary>
public sealed class NamedCounsellor
{
    private NamedCounsellor() { }

    public NamedCounsellor(Guid jobseekerId, Guid counsellorUserId, Guid officeId, DateTimeOffset now) =>
        (JobseekerId, CounsellorUserId, OfficeId, AssignedAt) = (jobseekerId, counsellorUserId, officeId, now);

    public Guid JobseekerId { get; private set; }
    public Guid CounsellorUserId { get; private set; }
    public Guid OfficeId { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
}
