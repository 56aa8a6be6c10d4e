using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;

namespace HelloWork.Domain.JobOffers;

/// <summary>R-JOB-1: Draft → Submitted → Published (受理・公開) or Returned (差し戻し) → Invalid (無効).</summary>
public enum OfferStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Published = 3,
    Invalid = 4,
}

public enum InvalidReason
{
    None = 0,

    /// <summary>紹介期限日を経過</summary>
    Expired = 1,

    /// <summary>充足</summary>
    Filled = 2,

    /// <summary>募集停止</summary>
    Withdrawn = 3,
}

/// <summary>A change to a published offer (R-CHG-1): none, being edited, awaiting staff review, or returned with a correction request.</summary>
public enum OfferChangeStatus
{
    None = 0,
    Editing = 1,
    Submitted = 2,
    Returned = 3,
}

/// <summary>R-JOB-7: online (employer mypage) or counter (entered by staff).</summary>
public enum OfferChannel
{
    Online = 0,
    Counter = 1,
}

/// <summary>
/// A job offer (求人). The 求人票 lives in <see cref="Sheet"/>; the values that search filters on are copied into
/// columns of their own whenever the sheet changes, so that search never parses the sheet.
/// </summary>
public sealed class JobOffer
{
    private JobOffer() { }

    public JobOffer(Guid establishmentId, OfferChannel channel, JobSheet sheet, DateTimeOffset now, Guid? sourceOfferId = null)
    {
        Id = Guid.NewGuid();
        EstablishmentId = establishmentId;
        Channel = channel;
        CreatedAt = now;
        SourceOfferId = sourceOfferId;
        ApplySheet(sheet, now);
    }

    public Guid Id { get; private set; }
    public Guid EstablishmentId { get; private set; }
    public OfferStatus Status { get; private set; }
    public InvalidReason InvalidReason { get; private set; }
    public OfferChannel Channel { get; private set; }
    public Guid? SourceOfferId { get; private set; }
    public JobSheet Sheet { get; private set; } = new();

    /// <summary>求人番号 <c>OOOOO-NNNNNNNN</c>, set on acceptance (R-JOB-2).</summary>
    public string? JobNumber { get; private set; }

    public Guid? AcceptingOfficeId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>受付年月日 (Japan date of acceptance).</summary>
    public DateOnly? ReceivedDate { get; private set; }

    /// <summary>紹介期限日: the last day the offer is valid (R-JOB-3).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public bool Extended { get; private set; }
    public DateTimeOffset? InvalidatedAt { get; private set; }

    /// <summary>修正依頼: the staff's correction request when the offer was returned.</summary>
    public string? CorrectionRequest { get; private set; }

    // Search columns, copied from the sheet (R-SRC-1).
    public string Title { get; private set; } = "";
    public string EstablishmentName { get; private set; } = "";
    public string OccupationCode { get; private set; } = "";
    public string Prefecture { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public EmploymentType EmploymentType { get; private set; }
    public OfferCategory Category { get; private set; }
    public WageForm WageForm { get; private set; }
    public int WageMin { get; private set; }
    public int WageMax { get; private set; }
    public int WorkStartMinutes { get; private set; }
    public int WorkEndMinutes { get; private set; }
    public int AnnualHolidays { get; private set; }
    public bool WeeklyTwoDaysOff { get; private set; }
    public bool NearStation { get; private set; }
    public bool RemoteWork { get; private set; }
    public bool UijTurn { get; private set; }
    public bool SelfApplication { get; private set; }
    public bool AcceptsDocuments { get; private set; }
    public PublicationScope Scope { get; private set; }
    public bool IsDispatch { get; private set; }
    public int Openings { get; private set; }

    /// <summary>Text the free-word search matches: title, description, establishment, workplace, requirements.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>版: the published version of the 求人票, 1 at acceptance and one more at each accepted change (R-CHG-2). Applications
    /// and referrals keep the number they were made on; the sheets it replaced are kept as <see cref="OfferVersion"/> rows.</summary>
    public int Version { get; private set; }

    /// <summary>The change being made to a published offer (R-CHG-1): the whole sheet as it will be, edited through the same entry
    /// screens. The published <see cref="Sheet"/> and its search columns stay as they are until staff accept the change.</summary>
    public JobSheet? PendingSheet { get; private set; }

    public OfferChangeStatus ChangeStatus { get; private set; }
    public DateTimeOffset? ChangeSubmittedAt { get; private set; }

    /// <summary>Whether the employer may still edit the sheet.</summary>
    public bool IsEditable => Status is OfferStatus.Draft or OfferStatus.Returned;

    /// <summary>A change of a published offer that the employer may edit (being edited, or returned by staff).</summary>
    public bool IsChanging => Status == OfferStatus.Published && (ChangeStatus is OfferChangeStatus.Editing or OfferChangeStatus.Returned) && PendingSheet is not null;

    /// <summary>The sheet the entry screens edit: the pending change of a published offer, else the offer's own sheet.</summary>
    public JobSheet EditedSheet => IsChanging || ChangeStatus == OfferChangeStatus.Submitted ? PendingSheet ?? Sheet : Sheet;

    /// <summary>Saves the sheet of a draft or returned offer, or the pending change of a published one (R-CHG-1). Findings of level
    /// Error are refused per screen by the caller; submission refuses all of them.</summary>
    public void UpdateSheet(JobSheet sheet, DateTimeOffset now)
    {
        if (IsChanging)
        {
            PendingSheet = sheet;
            UpdatedAt = now;
            return;
        }
        if (!IsEditable)
        {
            throw new DomainException(ErrorCodes.OfferNotEditable);
        }
        ApplySheet(sheet, now);
    }

    /// <summary>変更: begins a change of an open published offer as a copy of the published sheet (R-CHG-1); one change at a time.</summary>
    public void StartChange(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen);
        }
        if (ChangeStatus != OfferChangeStatus.None)
        {
            return; // already changing: the same pending change is edited on
        }
        PendingSheet = Sheet;
        ChangeStatus = OfferChangeStatus.Editing;
        UpdatedAt = now;
    }

    /// <summary>Drops a change not yet submitted; the published version never moved.</summary>
    public void DiscardChange(DateTimeOffset now)
    {
        if (!IsChanging)
        {
            throw new DomainException(ErrorCodes.OfferNotChanging);
        }
        PendingSheet = null;
        ChangeStatus = OfferChangeStatus.None;
        CorrectionRequest = null;
        UpdatedAt = now;
    }

    /// <summary>変更の申込み: the change goes to staff review with every red finding refused, as a first submission (R-CHG-1).</summary>
    public void SubmitChange(DateTimeOffset now, Law.MinimumWageTable? minimumWages = null)
    {
        if (!IsChanging || !IsOpen(now))
        {
            throw new DomainException(ErrorCodes.OfferNotChanging);
        }
        ThrowIfRed(PendingSheet!, Law.LawContext.For(this, JapanTime.DateOf(now), minimumWages));
        if (PendingSheet == Sheet)
        {
            throw new DomainException(ErrorCodes.OfferChangeEmpty);
        }
        ChangeStatus = OfferChangeStatus.Submitted;
        ChangeSubmittedAt = now;
        CorrectionRequest = null;
        UpdatedAt = now;
    }

    /// <summary>Staff accept the change (R-CHG-1): the pending sheet becomes the published one under the same job number, validity and
    /// applicants; the replaced sheet is returned to be kept as an <see cref="OfferVersion"/> (R-CHG-2).</summary>
    public OfferVersion AcceptChange(DateTimeOffset now)
    {
        if (ChangeStatus != OfferChangeStatus.Submitted || Status != OfferStatus.Published)
        {
            throw new DomainException(ErrorCodes.OfferChangeNotSubmitted);
        }
        var replaced = new OfferVersion(Id, Version, Sheet, now);
        ApplySheet(PendingSheet!, now);
        Version++;
        PendingSheet = null;
        ChangeStatus = OfferChangeStatus.None;
        ChangeSubmittedAt = null;
        return replaced;
    }

    /// <summary>Staff return the change with a correction request; the published version stays (R-CHG-1).</summary>
    public void ReturnChange(string comment, DateTimeOffset now)
    {
        if (ChangeStatus != OfferChangeStatus.Submitted)
        {
            throw new DomainException(ErrorCodes.OfferChangeNotSubmitted);
        }
        CorrectionRequest = Text.Require(comment, nameof(CorrectionRequest), 2000);
        ChangeStatus = OfferChangeStatus.Returned;
        UpdatedAt = now;
    }

    private void ApplySheet(JobSheet sheet, DateTimeOffset now)
    {
        Sheet = sheet;
        var w = sheet.Work;
        Title = w.JobTitle;
        EstablishmentName = sheet.Establishment.Name;
        OccupationCode = w.OccupationCode;
        Prefecture = w.WorkplacePrefecture;
        Municipality = w.WorkplaceMunicipality;
        EmploymentType = w.EmploymentType;
        Category = sheet.Basics.Category;
        WageForm = sheet.Wages.Form;
        // A draft may still lack numbers (一時保存); the search columns take 0 until then. Submission requires them (R-JOB-1).
        var baseMin = sheet.Wages.BaseMin ?? 0;
        var allowances = sheet.Wages.FixedAllowances ?? 0;
        WageMin = baseMin + allowances;
        WageMax = Math.Max(sheet.Wages.BaseMax ?? 0, baseMin) + allowances;
        WorkStartMinutes = sheet.Hours.Start is { } start ? start.Hour * 60 + start.Minute : 0;
        WorkEndMinutes = sheet.Hours.End is { } end ? end.Hour * 60 + end.Minute : 0;
        AnnualHolidays = sheet.Hours.AnnualHolidays ?? 0;
        WeeklyTwoDaysOff = sheet.Hours.WeeklyTwoDaysOff;
        NearStation = w.MinutesFromStation is <= 10;
        RemoteWork = w.RemoteWork;
        UijTurn = w.UijTurnWelcome;
        SelfApplication = sheet.Basics.OnlineSelfApplication;
        AcceptsDocuments = sheet.Selection.AcceptsMypageDocuments;
        Scope = sheet.Basics.Scope;
        IsDispatch = w.Dispatch is DispatchKind.Dispatch or DispatchKind.TemporaryToPermanent || w.EmploymentType is EmploymentType.FixedTermDispatch or EmploymentType.IndefiniteDispatch;
        Openings = sheet.Selection.Openings ?? 0;
        SearchText = string.Join('\n', w.JobTitle, w.Description, sheet.Establishment.Name, sheet.Basics.Industry,
            w.WorkplacePrefecture + w.WorkplaceMunicipality + w.WorkplaceAddress, w.NearestStation, w.RequiredExperience, w.Licenses,
            sheet.Company.BusinessDescription, sheet.Company.PrText);
        UpdatedAt = now;
    }

    /// <summary>申込み: the employer (or staff, for counter offers) submits the offer for review (R-JOB-1).</summary>
    /// <param name="minimumWages">The minimum wages known to the portal (shipped and added); null: the shipped table.</param>
    public void Submit(DateTimeOffset now, Law.MinimumWageTable? minimumWages = null)
    {
        if (!IsEditable)
        {
            throw new DomainException(ErrorCodes.OfferNotEditable);
        }
        ThrowIfRed(Sheet, Law.LawContext.On(JapanTime.DateOf(now), minimumWages));
        Status = OfferStatus.Submitted;
        SubmittedAt = now;
        CorrectionRequest = null;
        UpdatedAt = now;
    }

    /// <summary>A sheet goes to staff only without a red finding: the first one's field and the count are the refusal (R-JOB-1).</summary>
    private static void ThrowIfRed(JobSheet sheet, Law.LawContext law)
    {
        var errors = JobSheetChecks.Check(sheet, law).Where(f => f.Level == FindingLevel.Error).ToList();
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorCodes.OfferHasErrors, errors[0].Field, errors.Count);
        }
    }

    /// <summary>差し戻し with a correction request (修正依頼) (R-JOB-1).</summary>
    public void Return(string comment, DateTimeOffset now)
    {
        if (Status != OfferStatus.Submitted)
        {
            throw new DomainException(ErrorCodes.OfferNotSubmitted);
        }
        CorrectionRequest = Text.Require(comment, nameof(CorrectionRequest), 2000);
        Status = OfferStatus.Returned;
        UpdatedAt = now;
    }

    /// <summary>受理・公開: assigns the job number (R-JOB-2) and the validity to the end of the month after next (R-JOB-3).</summary>
    public void Accept(Office office, DateTimeOffset now)
    {
        if (Status != OfferStatus.Submitted)
        {
            throw new DomainException(ErrorCodes.OfferNotSubmitted);
        }
        JobNumber = office.NextJobNumber();
        AcceptingOfficeId = office.Id;
        AcceptedAt = now;
        ReceivedDate = JapanTime.DateOf(now);
        ValidUntil = ValidityFor(ReceivedDate.Value);
        Status = OfferStatus.Published;
        Version = 1;
        UpdatedAt = now;
    }

    /// <summary>R-JOB-3: valid until the last day of the month after next from the acceptance date.</summary>
    public static DateOnly ValidityFor(DateOnly received) => JapanTime.EndOfMonthAfter(received, 2);

    /// <summary>Published and not past its validity: searchable, referable, appliable.</summary>
    public bool IsOpen(DateTimeOffset now) => IsOpenAt(Status, ValidUntil, now);

    /// <summary>The rule of <see cref="IsOpen"/> on the two columns it reads, for an operation that reads those and not the offer.</summary>
    public static bool IsOpenAt(OfferStatus status, DateOnly? validUntil, DateTimeOffset now) =>
        status == OfferStatus.Published && validUntil is { } until && now < JapanTime.EndOf(until);

    /// <summary>The status as it is at <paramref name="now"/>: a published offer past its validity is invalid at that instant (R-JOB-3),
    /// whether or not the sweeper has run.</summary>
    public OfferStatus StatusAt(DateTimeOffset now) => Status == OfferStatus.Published && !IsOpen(now) ? OfferStatus.Invalid : Status;

    public InvalidReason InvalidReasonAt(DateTimeOffset now) => Status == OfferStatus.Published && !IsOpen(now) ? InvalidReason.Expired : InvalidReason;

    /// <summary>The Japan date on which the offer became invalid; null while it is not invalid.
    /// An expired offer's invalid date is its 紹介期限日, the day its life ended.</summary>
    public DateOnly? InvalidDateAt(DateTimeOffset now) => StatusAt(now) switch
    {
        // Expired, whether or not the sweeper has recorded it: InvalidatedAt is then 00:00 JST of the day after, which would
        // move the deadline a month later (R-DOC-1 catch-up must not depend on when the expiry was recorded).
        OfferStatus.Invalid when InvalidReasonAt(now) == InvalidReason.Expired => ValidUntil,
        OfferStatus.Invalid when InvalidatedAt is { } at => JapanTime.DateOf(at),
        OfferStatus.Invalid => ValidUntil,
        _ => null,
    };

    /// <summary>
    /// 求人無効後3か月後の月末: the end of the month three months after the month the offer became invalid
    /// (invalid in June → until 30 September). Used by result registration (R-RES-3), messaging (R-MSG-1) and
    /// document deletion (R-DOC-1). Null while the offer has not become invalid (no deadline yet).
    /// </summary>
    public DateTimeOffset? AfterInvalidDeadline(DateTimeOffset now) =>
        InvalidDateAt(now) is { } date ? JapanTime.EndOf(JapanTime.EndOfMonthAfter(date, 3)) : null;

    /// <summary>Whether the after-invalidation window (R-RES-3, R-MSG-1) is still open.</summary>
    public bool WithinAfterInvalidWindow(DateTimeOffset now) => AfterInvalidDeadline(now) is not { } deadline || now < deadline;

    /// <summary>The sweeper records expiry in the row (R-JOB-3); reads do not depend on it.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != OfferStatus.Published || IsOpen(now))
        {
            return false;
        }
        Status = OfferStatus.Invalid;
        InvalidReason = InvalidReason.Expired;
        InvalidatedAt = JapanTime.EndOf(ValidUntil!.Value);
        UpdatedAt = now;
        return true;
    }

    /// <summary>募集停止 or 充足: the employer ends recruiting.</summary>
    public void Close(InvalidReason reason, DateTimeOffset now)
    {
        if (reason is not (InvalidReason.Filled or InvalidReason.Withdrawn))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(InvalidReason));
        }
        if (!IsOpen(now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen);
        }
        Status = OfferStatus.Invalid;
        InvalidReason = reason;
        InvalidatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A one-month extension of the validity, once (REFERENCE.md).</summary>
    public void ExtendOneMonth(DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen);
        }
        if (Extended)
        {
            throw new DomainException(ErrorCodes.AlreadyExtended);
        }
        ValidUntil = JapanTime.EndOfMonthAfter(ValidUntil!.Value, 1);
        Extended = true;
        UpdatedAt = now;
    }

    /// <summary>R-JOB-4: a new draft from a past or expired offer; it gets a new job number when accepted.</summary>
    public JobOffer CopyAsDraft(DateTimeOffset now) => new(EstablishmentId, Channel, Sheet, now, Id);

    /// <summary>Online self-application is possible now (R-JOB-5, R-SELF-1).</summary>
    public bool AcceptsSelfApplication(DateTimeOffset now) => AcceptsSelfApplicationAt(SelfApplication, Status, ValidUntil, now);

    public static bool AcceptsSelfApplicationAt(bool selfApplication, OfferStatus status, DateOnly? validUntil, DateTimeOffset now) =>
        selfApplication && IsOpenAt(status, validUntil, now);
}
