using HelloWork.Domain.Documents.Pdf;

namespace HelloWork.Tests.Domain.Documents.Pdf;

public class PdfComposerTests
{
    private static readonly PdfDocumentInfo Info = new("テスト文書", "ハローワーク品川", "HelloWork", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9)));

    [Fact]
    public void Text_extracts_exactly_including_kanji_that_share_a_glyph_with_a_radical()
    {
        var composer = new PdfComposer();
        composer.Paragraph("人は人、日本語の文章。月給 250,000円");
        using var pdf = new PdfInspector(composer.ToPdf(Info));

        pdf.AssertContains("人は人、日本語の文章。月給250,000円");
        Assert.DoesNotContain("⼈", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_font_is_a_small_subset()
    {
        var composer = new PdfComposer();
        composer.Paragraph("紹介状");
        var bytes = composer.ToPdf(Info);
        using var pdf = new PdfInspector(bytes);

        Assert.All(pdf.FontNames, name => Assert.Matches("^[A-Z]{6}\\+IPAexGothic", name));
        Assert.True(bytes.Length < 20_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Metadata_is_written_from_the_given_info()
    {
        var composer = new PdfComposer();
        composer.Paragraph("本文");
        using var pdf = new PdfInspector(composer.ToPdf(Info with { Subject = "件名" }));
        var information = pdf.Document.Information;

        Assert.Equal("テスト文書", information.Title);
        Assert.Equal("ハローワーク品川", information.Author);
        Assert.Equal("HelloWork", information.Creator);
        Assert.Equal("件名", information.Subject);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), information.GetCreatedDateTimeOffset()?.ToUniversalTime());
    }

    [Fact]
    public void Long_text_flows_onto_further_pages_with_page_numbers_and_header()
    {
        var composer = new PdfComposer(decoration: new PageDecoration { HeaderLeft = "求人票", HeaderRight = "求人番号 13010-12345678" });
        for (var i = 1; i <= 120; i++)
        {
            composer.Paragraph($"第{i}行　あいうえおかきくけこ");
        }

        using var pdf = new PdfInspector(composer.ToPdf(Info));

        Assert.True(pdf.Pages.Count >= 2);
        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            var page = PdfInspector.Squeeze(pdf.Pages[i]);
            Assert.Contains($"{i + 1}/{pdf.Pages.Count}", page, StringComparison.Ordinal);
            Assert.Contains("求人番号13010-12345678", page, StringComparison.Ordinal);
        }

        pdf.AssertContains("第1行");
        pdf.AssertContains("第120行");
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_content_area_except_header_and_footer()
    {
        var composer = new PdfComposer();
        var table = new PdfTable(1, 3);
        for (var i = 0; i < 60; i++)
        {
            table.AddRow($"項目{i}", string.Concat(Enumerable.Repeat("長い説明文です。", i % 7 + 1)));
        }

        composer.Table(table);
        var setup = composer.Setup;
        foreach (var page in composer.Pages)
        {
            foreach (var op in page.Ops)
            {
                var (top, bottom) = op switch
                {
                    TextOp t => (t.Baseline - t.Size, t.Baseline),
                    RectOp r => (r.Rect.Top, r.Rect.Bottom),
                    LineOp l => (Math.Min(l.Y1, l.Y2), Math.Max(l.Y1, l.Y2)),
                    _ => (0f, 0f),
                };
                Assert.InRange(top, setup.MarginTop - 0.1f, setup.Height - setup.MarginBottom + 0.1f);
                Assert.InRange(bottom, setup.MarginTop - 0.1f, setup.Height - setup.MarginBottom + 0.1f);
            }

            Assert.All(page.Texts, t => Assert.InRange(t.X + composer.Measure(t.Text, t.Size), setup.MarginLeft, setup.Width - setup.MarginRight + 0.1f));
        }

        Assert.True(composer.PageCount >= 2);
    }

    [Fact]
    public void Table_cells_wrap_inside_their_column()
    {
        var composer = new PdfComposer();
        var table = new PdfTable(1, 4) { Padding = 3 };
        table.AddRow("仕事内容", string.Concat(Enumerable.Repeat("商品の配送と倉庫内での仕分け作業、", 8)));
        composer.Table(table);

        var texts = composer.Pages[0].Texts.ToList();
        var valueLines = texts.Where(t => t.Text != "仕事内容").ToList();
        var columnLeft = composer.Setup.MarginLeft + composer.ContentWidth / 5;
        Assert.True(valueLines.Count > 1);
        Assert.All(valueLines, t =>
        {
            Assert.True(t.X >= columnLeft + 2.9f);
            Assert.True(t.X + composer.Measure(t.Text, t.Size) <= composer.Setup.MarginLeft + composer.ContentWidth - 2.9f);
        });
        Assert.Equal(string.Concat(Enumerable.Repeat("商品の配送と倉庫内での仕分け作業、", 8)), string.Concat(valueLines.Select(t => t.Text)));
    }

    [Fact]
    public void A_row_that_does_not_fit_moves_to_the_next_page_and_header_rows_repeat()
    {
        var composer = new PdfComposer();
        composer.Spacer(composer.RemainingHeight - 40);
        var table = new PdfTable(1, 1) { HeaderRows = 1 };
        table.AddRow("見出し左", "見出し右");
        table.AddRow("行1", "あ\nい\nう\nえ");

        composer.Table(table);

        Assert.Equal(2, composer.PageCount);
        Assert.Contains(composer.Pages[1].Texts, t => t.Text == "見出し左");
        Assert.Contains(composer.Pages[1].Texts, t => t.Text == "行1");
        Assert.DoesNotContain(composer.Pages[0].Texts, t => t.Text == "行1");
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_between_lines()
    {
        var composer = new PdfComposer();
        var table = new PdfTable(1, 3);
        var lines = Enumerable.Range(1, 100).Select(i => $"明細{i}").ToList();
        table.AddRow("特記事項", string.Join("\n", lines));

        composer.Table(table);

        Assert.True(composer.PageCount >= 2);
        var drawn = composer.Pages.SelectMany(p => p.Texts).Select(t => t.Text).Where(t => t.StartsWith("明細", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines, drawn);
    }

    [Fact]
    public void A_row_must_span_exactly_the_columns_of_the_table()
    {
        var table = new PdfTable(1, 1, 1);
        Assert.Throws<ArgumentException>(() => table.AddRow("a", "b"));
        table.AddRow(new PdfCell("a") { ColumnSpan = 2 }, "b");
    }

    [Fact]
    public void Documents_render_in_parallel()
    {
        var results = new byte[16][];
        Parallel.For(0, results.Length, i =>
        {
            var composer = new PdfComposer();
            composer.Paragraph($"並行{i}番目の文書");
            results[i] = composer.ToPdf(Info);
        });

        for (var i = 0; i < results.Length; i++)
        {
            using var pdf = new PdfInspector(results[i]);
            pdf.AssertContains($"並行{i}番目の文書");
        }
    }
}
