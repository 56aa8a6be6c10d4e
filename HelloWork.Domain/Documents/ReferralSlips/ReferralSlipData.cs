namespace HelloWork.Domain.Documents.ReferralSlips;

/// <summary>
/// Everything the referral slip (紹介状, R-REF-5) prints, already resolved to display values.
/// Deliberately no home address or phone of the jobseeker: the slip carries the minimum personal data.
/// </summary>
public sealed record ReferralSlipData
{
    public required ReferralSlipOffice Office { get; init; }

    public required DateOnly ReferredOn { get; init; }

    /// <summary>求人番号, e.g. 13010-12345678.</summary>
    public required string JobNumber { get; init; }

    public required ReferralSlipEmployer Employer { get; init; }

    /// <summary>職種.</summary>
    public required string Occupation { get; init; }

    public required ReferralSlipJobseeker Jobseeker { get; init; }

    /// <summary>選考方法, e.g. 書類選考・面接（1回）.</summary>
    public required string SelectionMethod { get; init; }

    public ReferralSlipInterview? Interview { get; init; }

    /// <summary>The date by which the office asks for the selection result (回答期限), when there is one.</summary>
    public DateOnly? ReplyBy { get; init; }

    /// <summary>紹介番号 or another reference of the office, when it has one.</summary>
    public string? ReferralNumber { get; init; }

    /// <summary>備考: what to bring, how to get there.</summary>
    public string? Remarks { get; init; }
}

/// <summary>The referring Hello Work office and the officer in charge.</summary>
public sealed record ReferralSlipOffice(string Name, string PostalCode, string Address, string Phone, string Officer);

/// <summary>The employer (求人事業所) and the person who receives the jobseeker.</summary>
public sealed record ReferralSlipEmployer(string Name, string PostalCode, string Address, string ContactPerson)
{
    /// <summary>課係名・役職名 of the contact person.</summary>
    public string? ContactDepartment { get; init; }

    public string? Phone { get; init; }
}

/// <summary>The referred jobseeker. At least one of <see cref="Age"/> and <see cref="BirthDate"/> should be given.</summary>
public sealed record ReferralSlipJobseeker(string Name, string Furigana)
{
    public int? Age { get; init; }

    public DateOnly? BirthDate { get; init; }

    /// <summary>求職番号, e.g. 13010-12345671.</summary>
    public string? JobseekerNumber { get; init; }
}

/// <summary>面接 (or other selection) appointment.</summary>
public sealed record ReferralSlipInterview(DateTimeOffset At, string Place)
{
    /// <summary>Directions (最寄り駅からの道順) where known.</summary>
    public string? Directions { get; init; }
}
