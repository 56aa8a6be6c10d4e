using HelloWork.Domain.Common;

namespace HelloWork.Domain.Bookings;

/// <summary>ハロートレーニング (公的職業訓練): 公共職業訓練 (離職者訓練, free tuition) or 求職者支援訓練 (for those without 雇用保険).</summary>
public enum TrainingKind
{
    PublicVocational = 0,
    JobseekerSupport = 1,
}

/// <summary>One training course as the office enters it (R-TRN-1): where and when, how long, how many, until when to apply,
/// when the selection is, what it costs and whether 職業訓練受講給付金 can be received while attending.</summary>
public sealed class TrainingCourse
{
    public const int MaxName = 100;
    public const int MaxText = 2000;

    private TrainingCourse() { }

    public TrainingCourse(Guid officeId, TrainingCourseInput input, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        CreatedAt = now;
        Update(input, now);
    }

    public Guid Id { get; private set; }

    /// <summary>The office that entered the course and answers questions about it.</summary>
    public Guid OfficeId { get; private set; }
    public TrainingKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string School { get; private set; } = "";
    public string Prefecture { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string Field { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public int Hours { get; private set; }
    public int Capacity { get; private set; }
    public DateOnly ApplicationDeadline { get; private set; }
    public DateOnly SelectionDate { get; private set; }

    /// <summary>What the trainee pays (textbooks and the like; tuition of 公共職業訓練 is free), in yen.</summary>
    public int Cost { get; private set; }

    /// <summary>職業訓練受講給付金 can be received (求職者支援訓練, when its conditions are met).</summary>
    public bool BenefitEligible { get; private set; }
    public string Description { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Open for applications on <paramref name="today"/> (a Japan date): until its deadline, inclusive.</summary>
    public bool AcceptsApplications(DateOnly today) => today <= ApplicationDeadline;

    public void Update(TrainingCourseInput input, DateTimeOffset now)
    {
        Kind = Enum.IsDefined(input.Kind) ? input.Kind : throw new DomainException(ErrorCodes.InvalidChoice, nameof(input.Kind));
        Name = Text.RequireName(input.Name, nameof(input.Name), MaxName);
        School = Text.RequireName(input.School, nameof(input.School), MaxName);
        Prefecture = Search.Prefectures.All.Contains(input.Prefecture) ? input.Prefecture
            : throw new DomainException(ErrorCodes.InvalidChoice, nameof(input.Prefecture));
        Place = Text.Require(input.Place, nameof(input.Place), 200);
        Field = Text.Require(input.Field, nameof(input.Field), 50);
        Description = Text.Require(input.Description, nameof(input.Description), MaxText, required: false);
        if (input.EndDate < input.StartDate)
        {
            throw new DomainException(ErrorCodes.DateRangeReversed, nameof(input.EndDate));
        }
        if (input.ApplicationDeadline > input.StartDate)
        {
            throw new DomainException(ErrorCodes.TrainingDeadlineAfterStart, nameof(input.ApplicationDeadline));
        }
        if (input.SelectionDate < input.ApplicationDeadline || input.SelectionDate > input.StartDate)
        {
            throw new DomainException(ErrorCodes.TrainingSelectionDateOutOfRange, nameof(input.SelectionDate));
        }
        (StartDate, EndDate, ApplicationDeadline, SelectionDate) = (input.StartDate, input.EndDate, input.ApplicationDeadline, input.SelectionDate);
        Hours = input.Hours is > 0 and <= 3000 ? input.Hours : throw new DomainException(ErrorCodes.OutOfRange, nameof(input.Hours), 1, 3000);
        Capacity = input.Capacity is > 0 and <= 500 ? input.Capacity : throw new DomainException(ErrorCodes.OutOfRange, nameof(input.Capacity), 1, 500);
        Cost = input.Cost is >= 0 and <= 1_000_000 ? input.Cost : throw new DomainException(ErrorCodes.OutOfRange, nameof(input.Cost), 0, 1_000_000);
        BenefitEligible = input.BenefitEligible;
        UpdatedAt = now;
    }
}

/// <summary>What staff type for a course (R-TRN-1).</summary>
public sealed record TrainingCourseInput(TrainingKind Kind, string Name, string School, string Prefecture, string Place, string Field,
    DateOnly StartDate, DateOnly EndDate, int Hours, int Capacity, DateOnly ApplicationDeadline, DateOnly SelectionDate, int Cost,
    bool BenefitEligible, string Description);

/// <summary>A course a jobseeker keeps (お気に入り, R-TRN-1).</summary>
public sealed class TrainingFavourite
{
    private TrainingFavourite() { }

    public TrainingFavourite(Guid jobseekerId, Guid courseId, DateTimeOffset now) => (JobseekerId, CourseId, CreatedAt) = (jobseekerId, courseId, now);

    public Guid JobseekerId { get; private set; }
    public Guid CourseId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
