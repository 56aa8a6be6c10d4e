using HelloWork.Domain.Applications;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// R-CHG-1, R-CHG-2: employer1 changes the wage of a published offer through the same entry screens; staff1 sees the change in the
/// review queue as a difference against the published version and accepts it; the job number and the application stay, and the
/// jobseeker's open application page shows the change live, without a reload. The employer's applicant detail then shows the
/// version applied to, and the result form prefills 相違 from it. Screenshots of each page at 1280×800 and 390×844.
/// </summary>
public sealed class OfferChangeBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Shows = new() { Timeout = 15_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact] // R-CHG-1, R-CHG-2, R-LIVE-1
    public async Task A_published_offer_is_changed_from_entry_to_acceptance_the_applicant_stays_and_sees_it_live_and_the_result_form_prefills_discrepancy()
    {
        var title = $"経理事務（変更{Random.Shared.Next(100_000, 999_999)}）";
        var (offerId, jobNumber, applicationId, oldWage) = await PublishedWithApplicationAsync(title);

        // The jobseeker's application page is open on a phone before anything changes.
        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, "offer-change-jobseeker-390", 390, 844);
        await jobseeker.SignInAsync("jobseeker1@example.jp");
        await jobseeker.VisitAsync($"/jobseeker/applications/{applicationId}");
        var j = jobseeker.Page;
        await Assertions.Expect(j.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(j.GetByTestId("offer-changed")).ToHaveCountAsync(0);

        // The employer starts the change and raises the wage on screen 4 of the same entry screens.
        await using var employer = await PortalBrowser.OpenAsync(portal, chromium, "offer-change-employer");
        await employer.SignInAsync("employer1@example.jp");
        await employer.VisitAsync($"/employer/offers/{offerId}");
        var e = employer.Page;
        await e.GetByRole(AriaRole.Button, new() { Name = "求人内容を変更する" }).ClickAsync();
        await e.WaitForURLAsync($"**/employer/offers/{offerId}/edit/1", PortalBrowser.Committed);
        await employer.CheckPageAsync();
        await Assertions.Expect(e.GetByTestId("change-status")).ToBeVisibleAsync(Arrives);
        await employer.VisitAsync($"/employer/offers/{offerId}/edit/4");
        var newWage = oldWage + 30_000;
        var baseMin = e.GetByLabel("基本給（下限・円）", new() { Exact = true });
        await baseMin.FillAsync(newWage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await baseMin.PressAsync("Tab");
        var baseMax = e.GetByLabel("基本給（上限・円）", new() { Exact = true });
        if (int.TryParse(await baseMax.InputValueAsync(), out var max) && max < newWage)
        {
            await baseMax.FillAsync((newWage + 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await baseMax.PressAsync("Tab");
        }
        await ConfirmedAsync(e, "次へ", $"() => location.pathname.endsWith('/edit/5')");
        await e.WaitForURLAsync($"**/employer/offers/{offerId}/edit/5", PortalBrowser.Committed);
        // The published version is untouched while the change waits.
        var pending = await portal.QueryAsync(db => db.JobOffers.AsNoTracking().SingleAsync(o => o.Id == offerId, Ct));
        Assert.Equal(oldWage, pending.Sheet.Wages.BaseMin);
        Assert.Equal(newWage, pending.PendingSheet!.Wages.BaseMin);

        await employer.VisitAsync($"/employer/offers/{offerId}");
        await Assertions.Expect(e.GetByTestId("sheet-changes").Locator("tr[data-field='Wages.BaseMin']")).ToBeVisibleAsync(Arrives);
        await ConfirmedAsync(e, "変更を申し込む", "() => document.body.innerText.includes('変更内容をハローワークで審査中です。')");
        await Assertions.Expect(e.GetByText("変更内容をハローワークで審査中です。", new() { Exact = false })).ToBeVisibleAsync(Arrives);
        await employer.CheckPageAsync();
        await e.SetViewportSizeAsync(390, 844);
        await employer.CheckPageAsync();

        // Staff review the change as a difference and accept it.
        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, "offer-change-staff");
        await staff.SignInAsync("staff1@example.jp");
        await staff.VisitAsync("/staff/review");
        var s = staff.Page;
        await s.GetByLabel("絞り込み").FillAsync(title); // the queue pages, oldest first (issue 25)
        var card = s.Locator(".mud-card").Filter(new() { Has = s.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await Assertions.Expect(card.GetByTestId("change-badge")).ToContainTextAsync(jobNumber, Shows);
        await card.GetByRole(AriaRole.Button, new() { Name = "審査する" }).ClickAsync(); // closed to a summary (issue 25)
        var wageRow = card.GetByTestId("sheet-changes").Locator("tr[data-field='Wages.BaseMin']");
        await Assertions.Expect(wageRow).ToContainTextAsync(newWage.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(wageRow).ToContainTextAsync(oldWage.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(card).ToContainTextAsync("応募中・紹介中の求職者に次の変更が通知されます：賃金");
        await card.ScrollIntoViewIfNeededAsync();
        await staff.CheckPageAsync();
        await s.SetViewportSizeAsync(390, 844);
        await staff.CheckPageAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "変更を受理" }).ClickAsync();
        await s.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "変更を受理" }).ClickAsync(); // asked once more (issue 25)
        await Assertions.Expect(card).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        // The jobseeker's open page shows the change without a reload (R-CHG-2, R-LIVE-1).
        await Assertions.Expect(j.GetByTestId("offer-changed").Locator("tr[data-field='Wages.BaseMin']")).ToBeVisibleAsync(Arrives);
        await jobseeker.CheckPageAsync();
        var accepted = await portal.QueryAsync(db => db.JobOffers.AsNoTracking().SingleAsync(o => o.Id == offerId, Ct));
        Assert.Equal((jobNumber, newWage, 2), (accepted.JobNumber, accepted.Sheet.Wages.BaseMin, accepted.Version));
        var application = await portal.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, Ct));
        Assert.Equal((offerId, ApplicationStatus.InSelection, 1), (application.JobOfferId, application.Status, application.OfferVersion));

        // The employer's applicant detail shows the version applied to; hiring at the new wage prefills 相違 有 (R-CHG-2).
        await e.SetViewportSizeAsync(1280, 800);
        await employer.VisitAsync($"/employer/applicants/{applicationId}");
        await Assertions.Expect(e.GetByTestId("applied-version")).ToContainTextAsync("この応募は第1版の求人票に対するものです", Shows);
        await e.GetByRole(AriaRole.Radio, new() { Name = "採用", Exact = true }).CheckAsync();
        await Assertions.Expect(e.GetByTestId("discrepancy-prefill")).ToContainTextAsync("応募時の求人票と相違はありません", Shows);
        var wage = e.GetByLabel("賃金（基本給＋定額的に支払われる手当）", new() { Exact = true });
        await wage.FillAsync((oldWage + 200_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await wage.PressAsync("Tab");
        await Assertions.Expect(e.GetByTestId("discrepancy-prefill")).ToContainTextAsync("応募時の求人票と相違があります：賃金", Shows);
        await Assertions.Expect(e.GetByRole(AriaRole.Radio, new() { Name = "相違あり", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(e.GetByLabel("相違の内容", new() { Exact = false })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("賃金"));
        await employer.CheckPageAsync();
        await e.SetViewportSizeAsync(390, 844);
        await employer.CheckPageAsync();
    }

    /// <summary>Clicks <paramref name="button"/>; when orange findings ask to be confirmed first (上記の内容を確認しました), confirms them and
    /// clicks again, as a person would. <paramref name="done"/> is a script that is true once the click has gone through.</summary>
    private static async Task ConfirmedAsync(IPage page, string button, string done)
    {
        const string Confirm = "上記の内容を確認しました";
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForFunctionAsync($"() => ({done})() || document.body.innerText.includes('{Confirm}')", null, new() { Timeout = 15_000 });
        if (!await page.EvaluateAsync<bool>($"({done})"))
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = Confirm }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await page.WaitForFunctionAsync(done, null, new() { Timeout = 15_000 });
        }
    }

    /// <summary>A published offer of employer1's establishment (office 13010, staff1's) and jobseeker1's open application to it.</summary>
    private async Task<(Guid OfferId, string JobNumber, Guid ApplicationId, int Wage)> PublishedWithApplicationAsync(string title) =>
        await portal.QueryAsync(async db =>
        {
            var est = await db.Establishments.SingleAsync(x => x.Name == "株式会社みらい商事", Ct);
            // Tracked: accepting takes the office's next 求人番号, and the serial must be saved with it (read untracked, the portal's
            // next acceptance at this office took the same number and failed on the unique index).
            var office = await db.Offices.AsTracking().SingleAsync(o => o.Id == est.OfficeId, Ct);
            var sheet = SampleSheets.Build(new Random(23), Vocabulary.Occupations[0], Vocabulary.Places[0], est.Name, est.Kana, est.Address, est.Employees);
            sheet = sheet with
            {
                Work = sheet.Work with { JobTitle = title },
                Wages = sheet.Wages with { Form = WageForm.Monthly, BaseMin = 220_000, BaseMax = 260_000 },
                Basics = sheet.Basics with { OnlineSelfApplication = true, Scope = PublicationScope.PublicWithName },
            };
            var offer = new JobOffer(est.Id, OfferChannel.Online, sheet, DateTimeOffset.UtcNow);
            offer.Submit(DateTimeOffset.UtcNow);
            offer.Accept(office, DateTimeOffset.UtcNow);
            db.JobOffers.Add(offer);
            var jobseekerId = await db.Users.Where(u => u.Email == "jobseeker1@example.jp").Select(u => u.JobseekerId!.Value).SingleAsync(Ct);
            var application = new Application(offer.Id, est.Id, jobseekerId, ApplicationMethod.SelfApplication, null, "経理の経験を活かしたいと考えています。",
                DateTimeOffset.UtcNow, offerVersion: offer.Version);
            db.Applications.Add(application);
            await db.SaveChangesAsync(Ct);
            return (offer.Id, offer.JobNumber!, application.Id, 220_000);
        });
}
