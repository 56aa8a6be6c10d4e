using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// Lays content out top to bottom over as many pages as it needs, then renders the
/// result as a PDF with a per-document font subset. One instance builds one document;
/// instances share nothing mutable, so documents can be built on many threads at once.
/// </summary>
public sealed class PdfComposer
{
    private const float Epsilon = 0.01f;

    private readonly PdfFont _font = PdfFont.Shared;
    private readonly List<PageContent> _pages = [];
    private PageContent _page;
    private float _y;

    public PdfComposer(PageSetup? setup = null, PageDecoration? decoration = null)
    {
        Setup = setup ?? PageSetup.A4;
        Decoration = decoration ?? new PageDecoration();
        _page = NewPage();
    }

    public PageSetup Setup { get; }

    public PageDecoration Decoration { get; }

    public float ContentWidth => Setup.ContentWidth;

    /// <summary>Vertical space left on the current page.</summary>
    public float RemainingHeight => Bottom - _y;

    public int PageCount => _pages.Count;

    internal IReadOnlyList<PageContent> Pages => _pages;

    private float Top => Setup.MarginTop;

    private float Bottom => Setup.Height - Setup.MarginBottom;

    private float Left => Setup.MarginLeft;

    private bool AtPageTop => _y <= Top + Epsilon;

    /// <summary>Width of a single line of text.</summary>
    public float Measure(string text, float size) => _font.Measure(text, size);

    public IReadOnlyList<string> WrapLines(string text, float width, TextStyle style) =>
        LineBreaker.Wrap(text, width, s => _font.Measure(s, style.Size));

    /// <summary>Wrapped text across the content width; continues on the next page line by line.</summary>
    public void Paragraph(string text, TextStyle? style = null)
    {
        style ??= TextStyle.Body;
        foreach (var line in WrapLines(text, ContentWidth, style))
        {
            if (style.LineHeight > RemainingHeight)
            {
                PageBreak();
            }

            EmitLines(_page, [line], Left, _y, ContentWidth, style);
            _y += style.LineHeight;
        }
    }

    /// <summary>Vertical space; swallowed by a page break.</summary>
    public void Spacer(float height)
    {
        if (height >= RemainingHeight)
        {
            PageBreak();
            return;
        }

        _y += height;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> is still free on this one (keeps a heading with what follows).</summary>
    public void EnsureSpace(float height)
    {
        if (height > RemainingHeight && !AtPageTop)
        {
            PageBreak();
        }
    }

    public void PageBreak() => _page = NewPage();

    /// <summary>A horizontal rule across the content width; dashed with a centred caption it is a cut line (切り取り線).</summary>
    public void Rule(float thickness = 0.5f, bool dashed = false, string? caption = null, TextStyle? captionStyle = null)
    {
        captionStyle ??= TextStyle.Body with { Size = 7.5f };
        var height = caption is null ? thickness + 4 : captionStyle.LineHeight;
        EnsureSpace(height);
        var mid = _y + height / 2;
        if (caption is null)
        {
            _page.Ops.Add(new LineOp(Left, mid, Left + ContentWidth, mid, thickness, dashed, SKColors.Black));
        }
        else
        {
            var captionWidth = Measure(caption, captionStyle.Size) + 2 * captionStyle.Size;
            var gapStart = Left + (ContentWidth - captionWidth) / 2;
            _page.Ops.Add(new LineOp(Left, mid, gapStart, mid, thickness, dashed, SKColors.Black));
            _page.Ops.Add(new LineOp(gapStart + captionWidth, mid, Left + ContentWidth, mid, thickness, dashed, SKColors.Black));
            EmitLines(_page, [caption], Left, _y, ContentWidth, captionStyle with { Align = TextAlign.Center });
        }

        _y += height;
    }

    /// <summary>A fixed-height block drawn freely; moves to the next page when it does not fit on this one.</summary>
    public void Block(float height, Action<BlockCanvas> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        if (height > Setup.ContentHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "A block cannot be taller than a page.");
        }

        EnsureSpace(height);
        draw(new BlockCanvas(this, _page, Left, _y, ContentWidth, height));
        _y += height;
    }

    public void Table(PdfTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = ColumnEdges(table);
        var laid = table.Rows.Select(r => LayoutRow(table, r, columns)).ToList();
        var headers = laid.Take(table.HeaderRows).ToList();
        var headerHeight = headers.Sum(r => r.Height);
        var capacity = Setup.ContentHeight - headerHeight;

        for (var i = 0; i < laid.Count; i++)
        {
            var row = laid[i];
            var isHeader = i < table.HeaderRows;
            while (true)
            {
                if (row.Height <= RemainingHeight + Epsilon)
                {
                    DrawRow(table, row, row.Height);
                    break;
                }

                var linesThatFit = row.LinesFitting(RemainingHeight - 2 * table.Padding);
                var split = !isHeader && linesThatFit > 0 && (row.Height > capacity || (row.Height > capacity / 4 && linesThatFit >= 2));
                if (!split)
                {
                    if (AtPageTop)
                    {
                        throw new InvalidOperationException("A table header row is taller than a page.");
                    }

                    NewPageWithHeaders();
                    continue;
                }

                var (head, rest) = row.Split(RemainingHeight - 2 * table.Padding, table.Padding);
                DrawRow(table, head, head.Height);
                NewPageWithHeaders();
                row = rest;
            }
        }

        void NewPageWithHeaders()
        {
            PageBreak();
            foreach (var header in headers)
            {
                DrawRow(table, header, header.Height);
            }
        }
    }

    /// <summary>Renders the pages laid out so far, with header and footer on each.</summary>
    public byte[] ToPdf(PdfDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var pages = _pages.Select((p, i) => p.Ops.Concat(DecorationOps(i + 1, _pages.Count)).ToList()).ToList();
        return PdfRenderer.Render(pages, Setup, info);
    }

    internal static void EmitLines(PageContent page, IReadOnlyList<string> lines, float x, float top, float width, TextStyle style)
    {
        var baselineOffset = (style.LineHeight - style.Size) / 2 + PdfFont.Ascent * style.Size;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var lineX = style.Align switch
            {
                TextAlign.Center => x + (width - PdfFont.Shared.Measure(line, style.Size)) / 2,
                TextAlign.Right => x + width - PdfFont.Shared.Measure(line, style.Size),
                _ => x,
            };
            page.Ops.Add(new TextOp(lineX, top + i * style.LineHeight + baselineOffset, line, style.Size, style.Color));
        }
    }

    private PageContent NewPage()
    {
        var page = new PageContent();
        _pages.Add(page);
        _y = Top;
        return page;
    }

    private IEnumerable<DrawOp> DecorationOps(int pageNumber, int pageCount)
    {
        var d = Decoration;
        var style = d.Style;
        var headerTop = Top - style.LineHeight - 6;
        if (d.HeaderLeft is not null || d.HeaderRight is not null)
        {
            var ops = new PageContent();
            EmitLines(ops, [d.HeaderLeft ?? ""], Left, headerTop, ContentWidth, style);
            EmitLines(ops, [d.HeaderRight ?? ""], Left, headerTop, ContentWidth, style with { Align = TextAlign.Right });
            ops.Ops.Add(new LineOp(Left, Top - 4, Left + ContentWidth, Top - 4, 0.5f, false, style.Color));
            foreach (var op in ops.Ops)
            {
                yield return op;
            }
        }

        var footerTop = Bottom + 8;
        var footer = new PageContent();
        if (d.FooterLeft is not null)
        {
            EmitLines(footer, [d.FooterLeft], Left, footerTop, ContentWidth, style);
        }

        if (d.PageNumbers)
        {
            EmitLines(footer, [$"{pageNumber} / {pageCount}"], Left, footerTop, ContentWidth, style with { Align = TextAlign.Center });
        }

        foreach (var op in footer.Ops)
        {
            yield return op;
        }
    }

    private float[] ColumnEdges(PdfTable table)
    {
        var total = table.ColumnWeights.Sum();
        var edges = new float[table.ColumnWeights.Count + 1];
        edges[0] = Left;
        for (var i = 0; i < table.ColumnWeights.Count; i++)
        {
            edges[i + 1] = edges[i] + ContentWidth * table.ColumnWeights[i] / total;
        }

        edges[^1] = Left + ContentWidth;
        return edges;
    }

    private LaidRow LayoutRow(PdfTable table, IReadOnlyList<PdfCell> cells, float[] edges)
    {
        var laidCells = new List<LaidCell>(cells.Count);
        var column = 0;
        foreach (var cell in cells)
        {
            var x = edges[column];
            var width = edges[column + cell.ColumnSpan] - x;
            column += cell.ColumnSpan;
            var style = cell.Style ?? table.Style;
            var lines = WrapLines(cell.Text, width - 2 * table.Padding, style);
            laidCells.Add(new LaidCell(x, width, lines, style, cell.Background, cell.MinHeight));
        }

        return new LaidRow(laidCells, table.Padding);
    }

    private void DrawRow(PdfTable table, LaidRow row, float height)
    {
        foreach (var cell in row.Cells)
        {
            var rect = SKRect.Create(cell.X, _y, cell.Width, height);
            if (cell.Background is { } fill)
            {
                _page.Ops.Add(new RectOp(rect, 0, null, fill));
            }

            EmitLines(_page, cell.Lines, cell.X + table.Padding, _y + table.Padding, cell.Width - 2 * table.Padding, cell.Style);
        }

        foreach (var cell in row.Cells)
        {
            _page.Ops.Add(new RectOp(SKRect.Create(cell.X, _y, cell.Width, height), table.BorderThickness, table.BorderColor, null));
        }

        _y += height;
    }

    private sealed record LaidCell(float X, float Width, IReadOnlyList<string> Lines, TextStyle Style, SKColor? Background, float MinHeight)
    {
        public float ContentHeight => Lines.Count * Style.LineHeight;
    }

    private sealed record LaidRow(IReadOnlyList<LaidCell> Cells, float Padding)
    {
        public float Height => Math.Max(Cells.Max(c => c.ContentHeight) + 2 * Padding, Cells.Max(c => c.MinHeight));

        /// <summary>How many lines of the cell with the tallest line box fit in <paramref name="space"/>.</summary>
        public int LinesFitting(float space) => (int)Math.Floor((space + Epsilon) / Cells.Max(c => c.Style.LineHeight));

        public (LaidRow First, LaidRow Remainder) Split(float space, float padding)
        {
            var head = new List<LaidCell>();
            var rest = new List<LaidCell>();
            foreach (var cell in Cells)
            {
                var take = Math.Min(cell.Lines.Count, (int)Math.Floor((space + Epsilon) / cell.Style.LineHeight));
                head.Add(cell with { Lines = cell.Lines.Take(take).ToList(), MinHeight = 0 });
                rest.Add(cell with { Lines = cell.Lines.Skip(take).ToList(), MinHeight = 0 });
            }

            return (new LaidRow(head, padding), new LaidRow(rest, padding));
        }
    }
}
