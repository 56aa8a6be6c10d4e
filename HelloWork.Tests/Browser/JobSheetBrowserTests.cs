using System.Globalization;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// One job-sheet model, as a person sees it: the 求人票 page of a demo offer shows the rows of the one sheet view, in
/// Japanese by default and in English behind the switch (R-JOB-8, R-UI-1), on a desktop and on a 390-px phone without sideways
/// scrolling; the staff review card shows the same rows (screenshots in $TEST_SCREENSHOTS, axe-checked by PortalBrowser).
/// </summary>
public sealed class JobSheetBrowserTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string JobNumber, JobSheetSource Source)> DemoOfferAsync() => await portal.QueryAsync(async db =>
    {
        var offer = await db.JobOffers.Where(o => o.JobNumber!.StartsWith("13010-") && o.Status == OfferStatus.Published
            && o.Scope == PublicationScope.PublicWithName).OrderBy(o => o.JobNumber).FirstAsync(Ct);
        var establishment = await db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, Ct);
        var office = await db.Offices.FirstAsync(o => o.Id == offer.AcceptingOfficeId, Ct);
        return (offer.JobNumber!, JobSheetSource.Of(offer, establishment, office, showEmployerName: true));
    });

    private static async Task<List<(string Field, string Label, string Value)>> RowsAsync(PortalBrowser browser)
    {
        var rows = await browser.Page.Locator(".sheet-row").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.field, r.querySelector('dt').innerText, r.querySelector('dd').textContent])");
        return [.. rows.Select(r => (r[0], r[1].Trim(), r[2]))];
    }

    [Theory]
    [InlineData("ja-JP", 1280, 800)]
    [InlineData("ja-JP", 390, 844)]
    [InlineData("en", 1280, 800)]
    [InlineData("en", 390, 844)]
    public async Task The_job_sheet_page_shows_the_rows_of_the_one_view_in_the_readers_language(string culture, int width, int height)
    {
        var (jobNumber, source) = await DemoOfferAsync();
        var view = JobSheetView.Of(source, CultureInfo.GetCultureInfo(culture));
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, $"job-sheet-{culture}-{width}", width, height);
        await browser.Page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = browser.BaseAddress.ToString() }]);

        await browser.VisitAsync($"/jobs/{jobNumber}");

        Assert.Equal(view.Rows.Where(r => !r.IsBlank).Select(r => (r.Key, r.Label, r.Value)), await RowsAsync(browser));
        Assert.Equal(view.Sections.Where(s => s.Rows.Any(r => !r.IsBlank)).Select(s => s.Title),
            (await browser.Page.Locator(".sheet-section h2").AllInnerTextsAsync()).Select(t => t.Trim()));
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the {width}px screen.");
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotFolder, $"job-sheet-{culture}-{width}-viewport.png") });
    }

    [Fact]
    public async Task The_review_card_shows_the_rows_of_the_one_view_with_findings_beside_them()
    {
        var submitted = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Submitted
            && db.Establishments.Any(e => e.Id == o.EstablishmentId && db.Offices.Any(f => f.Id == e.OfficeId && f.Code == "13010")))
            .OrderBy(o => o.SubmittedAt).FirstOrDefaultAsync(Ct));
        Assert.NotNull(submitted);
        var establishmentNumber = await portal.QueryAsync(db => db.Establishments.Where(e => e.Id == submitted.EstablishmentId)
            .Select(e => e.Number).SingleAsync(Ct));
        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, "review-card");
        await staff.SignInAsync("staff1@example.jp");

        // The queue pages by ten and other tests submit to the same office: find this offer's card by its establishment and title.
        await staff.VisitAsync("/staff/review");
        await staff.Page.Locator(".hw-review-filter input").FillAsync(establishmentNumber);
        var item = staff.Page.Locator(".hw-review-card").Filter(new() { HasText = submitted.Title }).First;
        await item.GetByRole(AriaRole.Button, new() { Name = "審査する" }).ClickAsync();

        var view = JobSheetView.Of(submitted.Sheet, CultureInfo.GetCultureInfo("ja-JP"));
        var card = item.Locator(".sheet-findings").First;
        // The opened card renders its table after the click's round trip: wait for it before reading it.
        await Assertions.Expect(card.Locator("tbody tr[data-field] th").First).ToBeVisibleAsync();
        var labels = await card.Locator("tbody tr[data-field] th").AllInnerTextsAsync();
        Assert.Contains(view.Row("Work.FixedTerm").Label, labels);
        Assert.Contains(view.Row("Wages.BaseMin").Label, labels);
        await staff.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotFolder, "review-card-viewport.png") });
    }
}
