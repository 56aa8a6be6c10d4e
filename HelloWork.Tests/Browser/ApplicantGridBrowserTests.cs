using System.Text;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Employers;

namespace HelloWork.Tests.Browser;

/// <summary>employer1's applicant grid in a 1280×800 window (R-APP-2, R-UI-1): it fits without horizontal scrolling, select-all ticks the
/// page's rows and the bulk action downloads exactly those rows as a UTF-8 (BOM) CSV.</summary>
public sealed class ApplicantGridBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task The_grid_fits_1280_pixels_and_select_all_downloads_the_page_as_csv()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "employer-grid", 1280, 800);
        await browser.SignInAsync("employer1@example.jp");
        await browser.VisitAsync("/employer/applicants");
        var page = browser.Page;
        var rows = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link) });
        await Assertions.Expect(rows).ToHaveCountAsync(20, new() { Timeout = 10_000 });
        await browser.CheckPageAsync();

        // The page does not scroll sideways and every column of the table, the last one included, lies inside the window.
        var fit = await page.EvaluateAsync<double[]>(
            "() => { const t = document.querySelector('.hw-applicants table'); const d = document.scrollingElement;" +
            " const last = document.querySelector('.hw-applicants thead tr:first-child > th:last-child');" +
            " return [d.scrollWidth - d.clientWidth, t.getBoundingClientRect().right, last.getBoundingClientRect().right, window.innerWidth]; }");
        Assert.True(fit[0] == 0 && fit[1] <= fit[3] && fit[2] <= fit[3], $"page overflow {fit[0]}, table right {fit[1]}, last column right {fit[2]}, window {fit[3]}");

        var export = page.GetByTestId("export-csv");
        await Assertions.Expect(export).ToBeDisabledAsync();
        await page.Locator("thead").GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await Assertions.Expect(page.GetByText("選択中 20人", new() { Exact = false })).ToBeVisibleAsync();
        var names = await rows.GetByRole(AriaRole.Link).AllInnerTextsAsync();
        await browser.CheckPageAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Equal("応募者一覧.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        // The page's rows, in the grid's order (newest application first), one each.
        Assert.Equal(names.Select(n => n.Trim()), lines.Skip(1).Select(l => l.Split(',')[1]));
    }

    /// <summary>R-UI-1: on a 390-pixel phone each applicant is a card (every cell as wide as its card, under its column's name), and the
    /// jobseeker's list of applications is the same kind of card: no table squeezed until a column is a character wide.</summary>
    [Fact]
    public async Task On_a_phone_each_applicant_and_each_application_is_a_card()
    {
        const string Cards = "() => [...document.querySelectorAll('.hw-cards tbody tr')].map(tr => { const w = tr.getBoundingClientRect().width;" +
            " return Math.min(...[...tr.children].map(td => td.getBoundingClientRect().width / w)); })";
        await using (var employer = await PortalBrowser.OpenAsync(portal, chromium, "employer-cards", 390, 844))
        {
            await employer.SignInAsync("employer1@example.jp");
            await employer.VisitAsync("/employer/applicants");
            await Assertions.Expect(employer.Page.Locator(".hw-cards tbody tr a")).Not.ToHaveCountAsync(0);
            var widths = await employer.Page.EvaluateAsync<double[]>(Cards);
            Assert.NotEmpty(widths);
            Assert.All(widths, w => Assert.True(w > 0.8, $"a cell is {w:P0} of its card"));
        }
        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, "jobseeker-cards", 390, 844);
        await jobseeker.SignInAsync("jobseeker1@example.jp");
        await jobseeker.VisitAsync("/jobseeker/applications");
        var rows = await jobseeker.Page.EvaluateAsync<double[]>(Cards);
        Assert.NotEmpty(rows);
        Assert.All(rows, w => Assert.True(w > 0.8, $"a cell is {w:P0} of its card"));
    }
}
