using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Evaluation;

/// <summary>When the questionnaire was offered (R-EVAL-4).</summary>
public enum SurveyOccasion
{
    /// <summary>After a selection result (採否結果).</summary>
    Result = 0,

    /// <summary>After an appointment (予約相談).</summary>
    Appointment = 1,

    /// <summary>After an event (セミナー・面接会).</summary>
    Event = 2,

    /// <summary>From the site at any time.</summary>
    Site = 3,
}

/// <summary>
/// One anonymous answer to the user questionnaire (利用者アンケート, seed 003: 満足／まあ満足／どちらとも言えない／やや不満／不満; R-EVAL-4).
/// It keeps the office, the occasion, the answer and the month only: no account, no jobseeker, no time of day, no free text, so staff cannot
/// tell who answered, nor match an answer to an appointment or a result by its time.
/// </summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer() { }

    public SurveyAnswer(Guid officeId, SurveyOccasion occasion, int satisfaction, DateOnly today)
    {
        if (!Enum.IsDefined(occasion))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Occasion));
        }
        if (satisfaction is < 1 or > 5)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Satisfaction));
        }
        Id = Guid.NewGuid();
        OfficeId = officeId;
        Occasion = occasion;
        Satisfaction = satisfaction;
        Month = new DateOnly(today.Year, today.Month, 1);
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public SurveyOccasion Occasion { get; private set; }

    /// <summary>5 満足, 4 まあ満足, 3 どちらとも言えない, 2 やや不満, 1 不満.</summary>
    public int Satisfaction { get; private set; }

    /// <summary>The first day of the Japan month of the answer.</summary>
    public DateOnly Month { get; private set; }

    public static readonly IReadOnlyList<string> Labels = ["不満", "やや不満", "どちらとも言えない", "まあ満足", "満足"];
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b) => b.HasIndex(a => new { a.OfficeId, a.Month });
}
