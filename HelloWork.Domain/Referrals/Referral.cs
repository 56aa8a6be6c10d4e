using HelloWork.Domain.Common;

namespace HelloWork.Domain.Referrals;

/// <summary>States of an online Hello Work referral (R-REF-*).</summary>
public enum ReferralStatus
{
    /// <summary>Sent to the jobseeker's mypage, awaiting application (R-REF-3).</summary>
    Proposed = 0,

    /// <summary>紹介成立: the jobseeker applied (R-REF-4).</summary>
    Established = 1,

    /// <summary>Past the application deadline without application (R-REF-3).</summary>
    Expired = 2,

    /// <summary>The jobseeker declined the proposal.</summary>
    Declined = 3,
}

public enum ReferralKind
{
    /// <summary>オンラインハローワーク紹介</summary>
    Online = 0,

    /// <summary>窓口紹介: a slip issued at the office (R-APP-1).</summary>
    Counter = 1,
}

/// <summary>How staff checked that the employer accepts applicants (R-REF-1).</summary>
public enum EmployerConfirmation
{
    /// <summary>求人応募の可否確認: confirmed by phone.</summary>
    Confirmed = 0,

    /// <summary>Skipped because the employer could not be reached (weekday nights, Saturdays); the reason is recorded.</summary>
    SkippedUnreachable = 1,
}

/// <summary>A referral of an offer to a full jobseeker by staff (R-REF-1..5).</summary>
public sealed class Referral
{
    public static readonly TimeSpan DefaultApplicationPeriod = TimeSpan.FromDays(7);

    private Referral() { }

    public Referral(Guid jobOfferId, Guid jobseekerId, Guid officeId, Guid staffUserId, string staffName, ReferralKind kind,
        EmployerConfirmation confirmation, string? confirmationNote, DateTimeOffset now, DateTimeOffset deadline, int offerVersion = 1)
    {
        if (confirmation == EmployerConfirmation.SkippedUnreachable && string.IsNullOrWhiteSpace(confirmationNote))
        {
            throw new DomainException(ErrorCodes.SkipNeedsReason, nameof(ConfirmationNote));
        }
        if (deadline <= now)
        {
            throw new DomainException(ErrorCodes.DeadlineInPast, nameof(Deadline));
        }
        Id = Guid.NewGuid();
        JobOfferId = jobOfferId;
        JobseekerId = jobseekerId;
        OfficeId = officeId;
        StaffUserId = staffUserId;
        StaffName = staffName;
        Kind = kind;
        Confirmation = confirmation;
        ConfirmationNote = Text.Optional(confirmationNote, nameof(ConfirmationNote), 500);
        SentAt = now;
        Deadline = deadline;
        OfferVersion = offerVersion;
    }

    public Guid Id { get; private set; }
    public Guid JobOfferId { get; private set; }

    /// <summary>The version of the 求人票 the referral was made on (<see cref="JobOffers.JobOffer.Version"/>, R-CHG-2).</summary>
    public int OfferVersion { get; private set; }
    public Guid JobseekerId { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid StaffUserId { get; private set; }

    /// <summary>The officer as printed on the slip.</summary>
    public string StaffName { get; private set; } = "";

    public ReferralKind Kind { get; private set; }
    public EmployerConfirmation Confirmation { get; private set; }
    public string? ConfirmationNote { get; private set; }
    public ReferralStatus Status { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>Application deadline (R-REF-3), by default 7 days after sending.</summary>
    public DateTimeOffset Deadline { get; private set; }

    public DateTimeOffset? EstablishedAt { get; private set; }

    /// <summary>When the jobseeker was told that the deadline is two days away (<see cref="ReferralDeadlineReminders"/>); null until
    /// then. Set once: the reminder is written once per referral, whatever the number of sweeps, restarts or nodes.</summary>
    public DateTimeOffset? DeadlineRemindedAt { get; private set; }
    public Guid? ApplicationId { get; private set; }

    /// <summary>The state at <paramref name="now"/>: a proposal past its deadline is expired, computed on read (R-REF-3).</summary>
    public ReferralStatus StatusAt(DateTimeOffset now) => Status == ReferralStatus.Proposed && now >= Deadline ? ReferralStatus.Expired : Status;

    public bool IsLive(DateTimeOffset now) => StatusAt(now) is ReferralStatus.Proposed or ReferralStatus.Established;

    /// <summary>紹介成立 (R-REF-4).</summary>
    public void Establish(Guid applicationId, DateTimeOffset now)
    {
        if (StatusAt(now) != ReferralStatus.Proposed)
        {
            throw new DomainException(StatusAt(now) == ReferralStatus.Expired ? ErrorCodes.ReferralExpired : ErrorCodes.ReferralNotOpen);
        }
        Status = ReferralStatus.Established;
        EstablishedAt = now;
        ApplicationId = applicationId;
    }

    public void Decline(DateTimeOffset now)
    {
        if (StatusAt(now) != ReferralStatus.Proposed)
        {
            throw new DomainException(ErrorCodes.ReferralNotOpen);
        }
        Status = ReferralStatus.Declined;
    }

    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != ReferralStatus.Proposed || now < Deadline)
        {
            return false;
        }
        Status = ReferralStatus.Expired;
        return true;
    }
}
