using HelloWork.Domain.Common;

namespace HelloWork.Domain.Applications;

/// <summary>R-APP-1: how the application was made.</summary>
public enum ApplicationMethod
{
    /// <summary>オンラインハローワーク紹介</summary>
    OnlineReferral = 0,

    /// <summary>オンライン自主応募</summary>
    SelfApplication = 1,

    /// <summary>窓口紹介</summary>
    CounterReferral = 2,
}

/// <summary>選考状況</summary>
public enum ApplicationStatus
{
    /// <summary>選考中</summary>
    InSelection = 0,

    /// <summary>応募取消 within 24 hours (R-CAN-1).</summary>
    Cancelled = 1,

    /// <summary>採用</summary>
    Hired = 2,

    /// <summary>不採用</summary>
    NotHired = 3,

    /// <summary>辞退 (registered as not hired with reason 8, R-CAN-2).</summary>
    Withdrawn = 4,
}

public enum ResultOutcome
{
    /// <summary>採用</summary>
    Hired = 0,

    /// <summary>不採用</summary>
    NotHired = 1,
}

/// <summary>Who registered the result, feeding R-KPI-5: the employer online, or staff on the employer's behalf (R-RES-4).</summary>
public enum ResultChannel
{
    EmployerOnline = 0,
    StaffEntered = 1,
}

/// <summary>An application of a jobseeker to an offer (R-APP-*), its selection result (R-RES-*) and its documents (R-DOC-1).</summary>
public sealed class Application
{
    /// <summary>R-CAN-1: the jobseeker may cancel within 24 hours after applying.</summary>
    public static readonly TimeSpan CancelWindow = TimeSpan.FromHours(24);

    public const int MaxMotivationLength = 2000;

    private Application() { }

    public Application(Guid jobOfferId, Guid establishmentId, Guid jobseekerId, ApplicationMethod method, Guid? referralId,
        string motivation, DateTimeOffset now, bool applicantHasMypage = true, int offerVersion = 1)
    {
        Id = Guid.NewGuid();
        JobOfferId = jobOfferId;
        EstablishmentId = establishmentId;
        JobseekerId = jobseekerId;
        Method = method;
        ReferralId = referralId;
        Motivation = Text.Require(motivation, nameof(Motivation), MaxMotivationLength, required: method != ApplicationMethod.CounterReferral);
        AppliedAt = now;
        ApplicantHasMypage = applicantHasMypage;
        OfferVersion = offerVersion;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid JobOfferId { get; private set; }

    /// <summary>Copied from the offer so the applicant list of an establishment is one indexed range (R-APP-2).</summary>
    public Guid EstablishmentId { get; private set; }

    public Guid JobseekerId { get; private set; }
    public ApplicationMethod Method { get; private set; }
    public Guid? ReferralId { get; private set; }

    /// <summary>The version of the 求人票 the application was made on (<see cref="JobOffers.JobOffer.Version"/>, R-CHG-2).</summary>
    public int OfferVersion { get; private set; }

    /// <summary>志望動機</summary>
    public string Motivation { get; private set; } = "";

    public bool ApplicantHasMypage { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    // Selection result (R-RES-1..4)
    public ResultOutcome? Outcome { get; private set; }
    public int? ReasonCode { get; private set; }

    /// <summary>相違: the actual hiring conditions differ from the job sheet.</summary>
    public bool? Discrepancy { get; private set; }

    public string? DiscrepancyNote { get; private set; }
    public DateOnly? HiringDate { get; private set; }
    public DateTimeOffset? ResultRegisteredAt { get; private set; }
    public ResultChannel? ResultChannel { get; private set; }

    /// <summary>When the documents were deleted (R-DOC-1); the content rows are removed, this only records when.</summary>
    public DateTimeOffset? DocumentsDeletedAt { get; private set; }

    public DateTimeOffset CancelDeadline => AppliedAt + CancelWindow;

    public bool IsLive => Status == ApplicationStatus.InSelection;

    public bool HasResult => ResultRegisteredAt is not null;

    /// <summary>R-CAN-1: the cancel action exists only while the application is in selection and within 24 hours.</summary>
    public bool CanCancel(DateTimeOffset now) => Status == ApplicationStatus.InSelection && now < CancelDeadline;

    /// <summary>Remaining cancellation time, zero once the window has closed.</summary>
    public TimeSpan CancelTimeLeft(DateTimeOffset now) => CanCancel(now) ? CancelDeadline - now : TimeSpan.Zero;

    /// <summary>応募の取消 (R-CAN-1). The caller deletes the documents in the same transaction (R-DOC-1).</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.InSelection)
        {
            throw new DomainException(ErrorCodes.ApplicationNotInSelection);
        }
        if (now >= CancelDeadline)
        {
            throw new DomainException(ErrorCodes.CancelWindowClosed);
        }
        Status = ApplicationStatus.Cancelled;
        CancelledAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// 選考結果登録 (R-RES-1). 採否 and 相違 are mandatory; a hire needs a hiring date; a non-hire needs a reason code from
    /// <see cref="SelectionReasons"/>; reason 8 records a withdrawal (辞退). The deadline (R-RES-3) is checked by the caller,
    /// who knows the offer; staff entries (R-RES-4) are allowed past it.
    /// </summary>
    public void RegisterResult(ResultOutcome outcome, int? reasonCode, bool discrepancy, string? discrepancyNote, DateOnly? hiringDate,
        ResultChannel channel, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.InSelection)
        {
            throw new DomainException(HasResult ? ErrorCodes.ResultAlreadyRegistered : ErrorCodes.ApplicationNotInSelection);
        }
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Outcome));
        }
        if (outcome == ResultOutcome.Hired)
        {
            if (hiringDate is null)
            {
                throw new DomainException(ErrorCodes.HiringDateRequired, nameof(HiringDate));
            }
            if (hiringDate < JapanTime.DateOf(AppliedAt) || hiringDate > JapanTime.DateOf(now).AddYears(1))
            {
                throw new DomainException(ErrorCodes.HiringDateOutOfRange, nameof(HiringDate));
            }
            reasonCode = null;
        }
        else
        {
            if (reasonCode is null || SelectionReasons.Find(reasonCode.Value) is null)
            {
                throw new DomainException(ErrorCodes.ReasonRequired, nameof(ReasonCode));
            }
            hiringDate = null;
            // 相違 compares the hiring conditions with the sheet: the real 採否連絡票 asks it for 採用 only (REFERENCE.md).
            discrepancy = false;
            discrepancyNote = null;
        }
        var note = Text.Optional(discrepancyNote, nameof(DiscrepancyNote), 1000);
        if (discrepancy && note is null)
        {
            throw new DomainException(ErrorCodes.DiscrepancyNeedsNote, nameof(DiscrepancyNote));
        }
        Outcome = outcome;
        ReasonCode = reasonCode;
        Discrepancy = discrepancy;
        DiscrepancyNote = discrepancy ? note : null;
        HiringDate = hiringDate;
        ResultRegisteredAt = now;
        ResultChannel = channel;
        Status = outcome == ResultOutcome.Hired ? ApplicationStatus.Hired
            : reasonCode == SelectionReasons.ApplicantWithdrew ? ApplicationStatus.Withdrawn
            : ApplicationStatus.NotHired;
        UpdatedAt = now;
    }

    public void MarkDocumentsDeleted(DateTimeOffset now) => DocumentsDeletedAt ??= now;
}

/// <summary>An uploaded application document (応募書類). Deleting the row deletes the content (R-DOC-1).</summary>
public sealed class ApplicationDocument : UploadedDocument
{
    public const int MaxFiles = 5;
    public const int MaxBytes = 5 * 1024 * 1024;

    private ApplicationDocument() { }

    public ApplicationDocument(Guid applicationId, string fileName, string contentType, byte[] content, DateTimeOffset now)
        : base(fileName, contentType, content, now) => ApplicationId = applicationId;

    public Guid ApplicationId { get; private set; }
}
