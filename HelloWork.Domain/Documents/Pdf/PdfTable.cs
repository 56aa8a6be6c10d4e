using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// A ruled table: columns sized by relative weights over the content width, cells that
/// wrap their text and may span columns. Rows that do not fit move to the next page
/// (or, when tall, are split between lines); <see cref="HeaderRows"/> repeat on every page.
/// </summary>
public sealed class PdfTable
{
    private readonly List<IReadOnlyList<PdfCell>> _rows = [];

    public PdfTable(params float[] columnWeights)
    {
        if (columnWeights.Length == 0 || columnWeights.Any(w => w <= 0))
        {
            throw new ArgumentException("A table needs at least one column, each with a positive weight.", nameof(columnWeights));
        }

        ColumnWeights = columnWeights;
    }

    public IReadOnlyList<float> ColumnWeights { get; }

    public IReadOnlyList<IReadOnlyList<PdfCell>> Rows => _rows;

    public int HeaderRows { get; init; }

    public float Padding { get; init; } = 3f;

    public float BorderThickness { get; init; } = 0.5f;

    public SKColor BorderColor { get; init; } = SKColors.Black;

    public TextStyle Style { get; init; } = TextStyle.Body;

    public PdfTable AddRow(params PdfCell[] cells)
    {
        var span = cells.Sum(c => c.ColumnSpan);
        if (span != ColumnWeights.Count)
        {
            throw new ArgumentException($"The row spans {span} columns; the table has {ColumnWeights.Count}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }
}

/// <summary>One table cell. A plain string converts to a cell.</summary>
public sealed record PdfCell(string Text)
{
    public int ColumnSpan { get; init; } = 1;

    /// <summary>Overrides the table's text style.</summary>
    public TextStyle? Style { get; init; }

    public SKColor? Background { get; init; }

    /// <summary>Height of the row at least, e.g. a box left empty for handwriting.</summary>
    public float MinHeight { get; init; }

    public static implicit operator PdfCell(string text) => new(text);

    public static PdfCell FromString(string text) => new(text);
}
