using HelloWork.Domain.Documents.Pdf;
using SkiaSharp;

namespace HelloWork.Domain.Documents.ReferralSlips;

/// <summary>
/// 紹介状 (R-REF-5): one A4 page addressed to the employer, and below a cut line the
/// return part 紹介結果通知（採否連絡票） that the employer sends back to the office.
/// </summary>
public static class ReferralSlip
{
    private static readonly SKColor LabelShade = new(0xEE, 0xEE, 0xEE);
    private static readonly TextStyle Small = TextStyle.Body with { Size = 7.5f };
    private static readonly TextStyle Label = TextStyle.Body with { Size = 8.5f };
    private static readonly TextStyle Value = TextStyle.Body with { Size = 9.5f };

    public static byte[] Render(ReferralSlipData data, PdfDocumentInfo info) => Compose(data).ToPdf(info);

    internal static PdfComposer Compose(ReferralSlipData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pdf = new PdfComposer(PageSetup.A4 with { MarginTop = 34, MarginBottom = 34 }, new PageDecoration { PageNumbers = false });
        Front(pdf, data);
        pdf.Spacer(12);
        pdf.Rule(0.6f, dashed: true, caption: "きりとり線");
        pdf.Spacer(8);
        ReturnPart(pdf, data);
        if (pdf.PageCount > 1)
        {
            throw new InvalidOperationException("The referral slip no longer fits on one A4 page.");
        }

        return pdf;
    }

    private static void Front(PdfComposer pdf, ReferralSlipData d)
    {
        var office = d.Office;
        var employer = d.Employer;
        var numbers = d.ReferralNumber is null ? "" : $"紹介番号 {d.ReferralNumber}";
        pdf.Table(new PdfTable(1, 1) { BorderThickness = 0, Padding = 0 }
            .AddRow(new PdfCell(numbers) { Style = Small }, new PdfCell($"紹介日 {JapaneseFormat.Date(d.ReferredOn)}") { Style = Value with { Align = TextAlign.Right } }));
        pdf.Paragraph("紹　介　状", TextStyle.Body with { Size = 20, Align = TextAlign.Center, LineSpacing = 1.6f });
        pdf.Spacer(4);

        var contact = string.Join("　", new[] { employer.ContactDepartment, employer.ContactPerson + " 様" }.Where(s => !string.IsNullOrWhiteSpace(s)));
        pdf.Table(new PdfTable(1.25f, 1) { BorderThickness = 0, Padding = 0 }
            .AddRow(
                new PdfCell($"{employer.Name}　御中\n{contact}") { Style = TextStyle.Body with { Size = 12.5f, LineSpacing = 1.5f } },
                new PdfCell($"{office.Name}\n〒{office.PostalCode}　{office.Address}\n電話 {office.Phone}\n担当者 {office.Officer}") { Style = TextStyle.Body with { Size = 9, LineSpacing = 1.45f } }));
        pdf.Spacer(8);
        pdf.Paragraph("下記の者を紹介しますので、よろしくお願いいたします。", Value);
        pdf.Spacer(6);

        var seeker = d.Jobseeker;
        var table = new PdfTable(1.25f, 2.35f, 1.25f, 2.35f) { Style = Value, Padding = 3.5f };
        table.AddRow(L("求人番号"), d.JobNumber, L("紹介日"), JapaneseFormat.Date(d.ReferredOn));
        table.AddRow(L("事業所名"), Span(employer.Name, 3));
        table.AddRow(L("所在地"), Span($"〒{employer.PostalCode}　{employer.Address}", 3));
        table.AddRow(L("担当者"), string.Join("　", new[] { employer.ContactDepartment, employer.ContactPerson }.Where(s => !string.IsNullOrWhiteSpace(s))), L("電話"), employer.Phone ?? "");
        table.AddRow(L("職種"), Span(d.Occupation, 3));
        table.AddRow(L("ふりがな"), new PdfCell(seeker.Furigana) { Style = Small }, L("求職番号"), seeker.JobseekerNumber ?? "");
        table.AddRow(L("氏名"), new PdfCell(seeker.Name) { Style = Value with { Size = 12 } }, L(AgeLabel(seeker)), AgeText(seeker));
        table.AddRow(L("選考方法"), Span(d.SelectionMethod, 3));
        if (d.Interview is { } interview)
        {
            table.AddRow(L("面接日時"), Span(JapaneseFormat.DateTime(interview.At), 3));
            var place = interview.Directions is null ? interview.Place : $"{interview.Place}\n{interview.Directions}";
            table.AddRow(L("面接場所"), Span(place, 3));
        }

        if (!string.IsNullOrWhiteSpace(d.Remarks))
        {
            table.AddRow(L("備考"), Span(d.Remarks, 3));
        }

        pdf.Table(table);
        pdf.Spacer(6);
        var by = d.ReplyBy is { } reply ? $"{JapaneseFormat.Date(reply)}までに" : "選考後すみやかに";
        pdf.Paragraph(
            $"選考結果は、下記の紹介結果通知（採否連絡票）に記入のうえ、{by}当所あてにご返送いただくか、求人者マイページの選考結果登録でお知らせください。",
            Value);
    }

    private static void ReturnPart(PdfComposer pdf, ReferralSlipData d)
    {
        pdf.Table(new PdfTable(1, 1) { BorderThickness = 0, Padding = 0 }
            .AddRow(new PdfCell($"{d.Office.Name}　御中\n担当者 {d.Office.Officer}") { Style = Value with { LineSpacing = 1.5f } }, new PdfCell($"求人番号 {d.JobNumber}") { Style = Value with { Align = TextAlign.Right } }));
        pdf.Paragraph("紹介結果通知（採否連絡票）", TextStyle.Body with { Size = 15, Align = TextAlign.Center, LineSpacing = 1.7f });
        pdf.Paragraph("該当する□に記入してください。", Small with { LineSpacing = 1.8f });

        var grid = new PdfTable(1.25f, 2.35f, 1.25f, 2.35f) { Style = Value, Padding = 3.5f };
        grid.AddRow(L("氏名"), d.Jobseeker.Name, L("紹介日"), JapaneseFormat.Date(d.ReferredOn));
        grid.AddRow(L("職種"), Span(d.Occupation, 3));
        grid.AddRow(L("選考結果"), Span("□ 採用　　　□ 不採用　　　□ 辞退（保留）", 3, Value with { Size = 11 }, 22));
        grid.AddRow(L("採用日"), Blank("　　　　年　　　月　　　日"), L("労働条件の相違"), Blank("□ 無　　□ 有"));
        grid.AddRow(L("相違の内容"), Span("", 3, Value, 34));
        pdf.Table(grid);

        var reasons = new PdfTable(1.25f, 0.75f, 4.95f) { Style = Value, Padding = 3.5f };
        reasons.AddRow(
            L("不採用の理由\n（コード）"),
            new PdfCell("") { MinHeight = 30 },
            new PdfCell(Applications.SelectionReasons.PrintedList) { Style = Small });
        pdf.Table(reasons);

        var sign = new PdfTable(1.25f, 2.35f, 1.25f, 2.35f) { Style = Value, Padding = 3.5f };
        sign.AddRow(L("記入日"), Blank("　　　　年　　　月　　　日"), L("電話"), new PdfCell(d.Employer.Phone ?? "") { MinHeight = 22 });
        sign.AddRow(L("事業所名"), new PdfCell(d.Employer.Name) { MinHeight = 22 }, L("記入者\n（職・氏名）"), "");
        pdf.Table(sign);
    }

    private static PdfCell L(string text) => new(text) { Style = Label, Background = LabelShade };

    private static PdfCell Span(string text, int columns, TextStyle? style = null, float minHeight = 0) =>
        new(text) { ColumnSpan = columns, Style = style, MinHeight = minHeight };

    private static PdfCell Blank(string guide) => new(guide) { MinHeight = 22 };

    private static string AgeLabel(ReferralSlipJobseeker s) => s.BirthDate is null ? "年齢" : "生年月日";

    private static string AgeText(ReferralSlipJobseeker s) => (s.BirthDate, s.Age) switch
    {
        ({ } birth, { } age) => $"{JapaneseFormat.Date(birth)}生（{age}歳）",
        ({ } birth, null) => $"{JapaneseFormat.Date(birth)}生",
        (null, { } age) => $"{age}歳",
        _ => "",
    };
}
