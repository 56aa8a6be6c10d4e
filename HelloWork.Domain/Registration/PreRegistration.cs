using HelloWork.Domain.Common;

namespace HelloWork.Domain.Registration;

public enum PreRegistrationStatus
{
    /// <summary>Being filled in; saved step by step.</summary>
    Draft = 0,

    /// <summary>事前登録: finished at home, waiting for the counter (受付番号 given).</summary>
    Submitted = 1,

    /// <summary>求職登録 done: at the counter, or online where the office allows it.</summary>
    Completed = 2,
}

/// <summary>本人確認書類: what staff saw at the counter.</summary>
public enum IdentityDocument
{
    DriversLicence = 1,
    MyNumberCard = 2,
    Passport = 3,
    ResidenceCard = 4,
    HealthInsuranceCard = 5,
    Other = 9,
}

/// <summary>
/// The 求職申込み of one person, made online (R-REG-1, R-REG-2): which of the 8 steps are done, and once finished at home its
/// 受付番号 and the office it goes to. The form's content is the jobseeker's own data (<see cref="ApplicationForm"/>), so staff at the
/// counter complete it without retyping, and a completed registration is changed through the same steps later (R-ACC-2).
/// One per person.
/// </summary>
public sealed class PreRegistration
{
    private PreRegistration() { }

    public PreRegistration(Guid jobseekerId, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        JobseekerId = jobseekerId;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid JobseekerId { get; private set; }
    public PreRegistrationStatus Status { get; private set; }

    /// <summary>Bit <c>1 &lt;&lt; (step - 1)</c> per step finished: no red finding left, orange ones confirmed.</summary>
    public int StepsDone { get; private set; }

    /// <summary>受付番号 (<c>NNNN-NNNN</c>), given when the form is finished at home.</summary>
    public string? ReceiptNumber { get; private set; }

    /// <summary>The office the person chose (the one they visit, or that completes online).</summary>
    public Guid? OfficeId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Completed online (the office's setting) rather than at the counter.</summary>
    public bool CompletedOnline { get; private set; }

    /// <summary>The staff member who checked identity and completed it at the counter.</summary>
    public Guid? CompletedBy { get; private set; }

    /// <summary>本人確認書類 seen at the counter.</summary>
    public IdentityDocument? IdentityDocument { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsDone(int step) => (StepsDone & (1 << (step - 1))) != 0;

    public bool AllStepsDone => StepsDone == ApplicationSteps.AllDone;

    public void MarkStep(int step, bool done, DateTimeOffset now)
    {
        StepsDone = done ? StepsDone | (1 << (step - 1)) : StepsDone & ~(1 << (step - 1));
        UpdatedAt = now;
    }

    /// <summary>入力完了: every step done; gives the 受付番号 and names the office (R-REG-2).</summary>
    public void Submit(Guid officeId, string receiptNumber, DateTimeOffset now)
    {
        if (Status != PreRegistrationStatus.Draft)
        {
            throw new DomainException(ErrorCodes.PreRegistrationNotOpen);
        }
        if (!AllStepsDone)
        {
            throw new DomainException(ErrorCodes.PreRegistrationIncomplete);
        }
        (Status, OfficeId, ReceiptNumber, SubmittedAt, UpdatedAt) = (PreRegistrationStatus.Submitted, officeId, receiptNumber, now, now);
    }

    /// <summary>オンラインで完了: where the office allows it, right after submission.</summary>
    public void CompleteOnline(DateTimeOffset now)
    {
        if (Status != PreRegistrationStatus.Submitted)
        {
            throw new DomainException(ErrorCodes.PreRegistrationNotOpen);
        }
        (Status, CompletedOnline, CompletedAt, UpdatedAt) = (PreRegistrationStatus.Completed, true, now, now);
    }

    /// <summary>窓口で完了: staff saw an identity document (R-REG-2).</summary>
    public void CompleteAtCounter(Guid staffUserId, IdentityDocument document, DateTimeOffset now)
    {
        if (Status != PreRegistrationStatus.Submitted)
        {
            throw new DomainException(ErrorCodes.PreRegistrationNotOpen);
        }
        if (!Enum.IsDefined(document))
        {
            throw new DomainException(ErrorCodes.IdentityNotChecked, nameof(IdentityDocument));
        }
        (Status, CompletedBy, IdentityDocument, CompletedAt, UpdatedAt) = (PreRegistrationStatus.Completed, staffUserId, document, now, now);
    }
}
