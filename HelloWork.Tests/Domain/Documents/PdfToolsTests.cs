using System.Diagnostics;
using HelloWork.Domain.Documents.JobSheets;
using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.Documents.ReferralSlips;
using HelloWork.Tests.Domain.Documents.JobSheets;
using HelloWork.Tests.Domain.Documents.ReferralSlips;
using SkiaSharp;

namespace HelloWork.Tests.Domain.Documents;

/// <summary>
/// Outside checks, by the tools a reader of the PDF would use (poppler-utils and qpdf, installed by test.sh): the
/// file passes <c>qpdf --check</c>, <c>pdffonts</c> shows only embedded subsets with a ToUnicode map, and every page renders
/// with <c>pdftoppm</c> with nothing drawn in the outer band of the sheet (nothing runs off the page).
/// </summary>
public sealed class PdfToolsTests
{
    private static readonly PdfDocumentInfo Info = new("HelloWork PDF tools check", "ハローワーク品川", "HelloWork", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9)));

    public static TheoryData<string> Documents() => ["referral-slip", "job-sheet-short", "job-sheet-long"];

    private static byte[] Render(string name) => name switch
    {
        "referral-slip" => ReferralSlip.Render(ReferralSlipTests.Sample(), Info),
        "job-sheet-short" => JobSheet.Render(JobSheetTests.Sample(), Info),
        "job-sheet-long" => JobSheet.Render(JobSheetTests.LongSample(), Info),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Qpdf_finds_no_error(string name)
    {
        using var folder = new TempFolder();
        var file = folder.Write(name + ".pdf", Render(name));

        var (exit, output) = await RunAsync("qpdf", "--check", file);

        Assert.True(exit == 0, $"qpdf --check {name}: exit {exit}\n{output}");
        Assert.Contains("No syntax or stream encoding errors", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Pdffonts_shows_only_embedded_subsets_with_unicode_maps(string name)
    {
        using var folder = new TempFolder();
        var file = folder.Write(name + ".pdf", Render(name));

        var (exit, output) = await RunAsync("pdffonts", file);

        Assert.Equal(0, exit);
        // name  type  encoding  emb sub uni  object ID: after the two header lines, one row per font.
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches("^[A-Z]{6}\\+", columns[0]); // the subset tag
            Assert.Equal(["yes", "yes", "yes"], columns[^5..^2]);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_page_renders_and_nothing_is_drawn_outside_the_margins(string name)
    {
        using var folder = new TempFolder();
        var pdf = Render(name);
        var file = folder.Write(name + ".pdf", pdf);
        using var inspector = new PdfInspector(pdf);

        var (exit, output) = await RunAsync("pdftoppm", "-r", "50", "-png", file, Path.Combine(folder.Path, "page"));

        Assert.True(exit == 0, $"pdftoppm {name}: exit {exit}\n{output}");
        var pngs = Directory.GetFiles(folder.Path, "page-*.png").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(inspector.Pages.Count, pngs.Count);
        foreach (var png in pngs)
        {
            using var bitmap = SKBitmap.Decode(png);
            // The layout keeps at least 10 mm from every edge (A4 at 50 dpi ≈ 413 × 585 px; 10 mm ≈ 20 px): a 12 px band
            // around the sheet must be paper only.
            const int band = 12;
            for (var y = 0; y < bitmap.Height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    if (x >= band && x < bitmap.Width - band && y >= band && y < bitmap.Height - band)
                    {
                        continue;
                    }
                    var c = bitmap.GetPixel(x, y);
                    Assert.True(c.Red > 250 && c.Green > 250 && c.Blue > 250, $"{Path.GetFileName(png)}: ink at ({x}, {y}) in the outer band");
                }
            }
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (test.sh installs qpdf and poppler-utils): {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("hellowork-pdf-").FullName;

        public string Write(string name, byte[] bytes)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(file, bytes);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
