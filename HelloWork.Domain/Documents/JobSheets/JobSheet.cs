using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.JobOffers;
using SkiaSharp;

namespace HelloWork.Domain.Documents.JobSheets;

/// <summary>
/// 求人票 (R-JOB-8): the nine sections of the real form (<see cref="JobSheetView"/>) as ruled tables, over as many
/// A4 pages as needed, with the job number in every page header and "n / N" below.
/// </summary>
public static class JobSheet
{
    private static readonly SKColor LabelShade = new(0xEE, 0xEE, 0xEE);
    private static readonly SKColor HeadingShade = new(0x3A, 0x4A, 0x5C);
    private static readonly TextStyle Label = TextStyle.Body with { Size = 8f };
    private static readonly TextStyle Value = TextStyle.Body with { Size = 8.5f };
    private static readonly TextStyle Heading = TextStyle.Body with { Size = 9.5f, Color = SKColors.White };

    /// <summary>The sheet as the PDF prints it: the view in Japanese (<see cref="JobSheetView.Japanese"/>).</summary>
    public static byte[] Render(JobSheetSource source, PdfDocumentInfo info) => Render(JobSheetView.Of(source, JobSheetView.Japanese), info);

    public static byte[] Render(JobSheetView view, PdfDocumentInfo info) => Compose(view).ToPdf(info);

    internal static PdfComposer Compose(JobSheetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string Line(string key) => $"{view.Row(key).Label} {view.Row(key).Value}";
        var pdf = new PdfComposer(PageSetup.A4, new PageDecoration
        {
            HeaderLeft = $"求人票　{view.Row("Basics.Category").Value}",
            HeaderRight = Line("Offer.JobNumber"),
            FooterLeft = Line("Office.Name"),
        });
        pdf.Paragraph("求　人　票", TextStyle.Body with { Size = 18, Align = TextAlign.Center, LineSpacing = 1.6f });
        pdf.Spacer(4);
        foreach (var section in view.Sections)
        {
            Section(pdf, section.Title, t => Rows(t, section.Rows));
        }
        return pdf;
    }

    /// <summary>The form's layout: a wide row takes the whole line; the others go two to a line, and one left alone takes the line.</summary>
    private static void Rows(PdfTable t, IReadOnlyList<JobSheetRow> rows)
    {
        JobSheetRow? waiting = null;
        foreach (var row in rows.Where(r => r.PrintedWhenBlank || !r.IsBlank))
        {
            if (!row.Wide && waiting is null)
            {
                waiting = row;
                continue;
            }
            if (!row.Wide)
            {
                t.AddRow(L(waiting!.Label), V(waiting.Value), L(row.Label), V(row.Value));
                waiting = null;
                continue;
            }
            if (waiting is not null)
            {
                t.AddRow(L(waiting.Label), Wide(waiting.Value));
                waiting = null;
            }
            t.AddRow(L(row.Label), Wide(row.Value));
        }
        if (waiting is not null)
        {
            t.AddRow(L(waiting.Label), Wide(waiting.Value));
        }
    }

    private static void Section(PdfComposer pdf, string title, Action<PdfTable> rows)
    {
        var table = new PdfTable(1.3f, 2.3f, 1.3f, 2.3f) { HeaderRows = 1, Style = Value, Padding = 3f };
        table.AddRow(new PdfCell(title) { ColumnSpan = 4, Style = Heading, Background = HeadingShade });
        rows(table);
        pdf.EnsureSpace(60);
        pdf.Table(table);
        pdf.Spacer(6);
    }

    private static PdfCell L(string text) => new(text) { Style = Label, Background = LabelShade };

    private static PdfCell V(string? text) => new(text ?? "");

    private static PdfCell Wide(string? text) => new(text ?? "") { ColumnSpan = 3 };
}
