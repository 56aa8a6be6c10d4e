using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Evaluation;

/// <summary>What an office did for one of its chosen 所重点項目 (seed 003: 職員による事業所訪問の実施, 求人・求職者担当制の実施,
/// 地方公共団体との連携の推進 …; R-EVAL-1): the day, how many (visits made, staff trained, meetings held …) and a short note. Entered by the
/// office's staff; counted per item and fiscal year on the office's evaluation page, its bureau's pages and in the yearly evaluation.</summary>
public sealed class PriorityItemRecord
{
    public const int MaxNote = 500;

    private PriorityItemRecord() { }

    public PriorityItemRecord(Guid officeId, PriorityItem item, DateOnly date, int count, string? note, Guid enteredBy, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(item))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Item));
        }
        if (date > today || date < today.AddYears(-2))
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(Date));
        }
        if (count is < 1 or > 10_000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(Count));
        }
        Id = Guid.NewGuid();
        OfficeId = officeId;
        Item = item;
        Date = date;
        Count = count;
        Note = Text.Require(note, nameof(Note), MaxNote);
        EnteredBy = enteredBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public PriorityItem Item { get; private set; }
    public DateOnly Date { get; private set; }
    public int Count { get; private set; }
    public string Note { get; private set; } = "";
    public Guid EnteredBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

internal sealed class PriorityItemRecordConfiguration : IEntityTypeConfiguration<PriorityItemRecord>
{
    public void Configure(EntityTypeBuilder<PriorityItemRecord> b)
    {
        b.HasIndex(r => new { r.OfficeId, r.Date });
        b.Property(r => r.Note).HasMaxLength(PriorityItemRecord.MaxNote);
    }
}
