using HelloWork.Domain.Applications;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// The jobseeker's journeys that issue 25 changed, as a person walks them on a 390×844 phone and at 1280×800 (R-UI-1, R-ERR-1); every
/// page passes the page check (axe, fit, Japanese labels) on the way:
/// registration refuses hiragana フリガナ and a missing consent beside their fields, then signs the person in at once (no second sign-in);
/// search on a phone shows the results first with the form folded behind a button; the list of applications is cards on a phone with the
/// live cancel countdown (R-CAN-1); a self-application is reviewed before it is sent (R-SELF-1).
/// </summary>
public sealed class SeekerJourneyBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task Registration_refuses_hiragana_and_a_missing_consent_then_signs_the_person_in_at_once()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "seeker-register-390", 390, 844);
        var page = browser.Page;
        await browser.VisitAsync("/Account/Register");
        var email = Registrations.NewEmail("journey");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Registrations.GoodPassword);
        await page.Locator("#name").FillAsync("試験 花子");
        await page.Locator("#kana").FillAsync("しけん はなこ");
        await page.Locator("#birth").FillAsync("1990-04-01");

        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await browser.CheckPageAsync();

        var kanaField = page.Locator(".hw-field", new() { Has = page.Locator("#kana") });
        await Assertions.Expect(kanaField).ToContainTextAsync("フリガナは全角カタカナで入力してください（ひらがなは使えません）。");
        var termsField = page.Locator(".hw-field", new() { Has = page.Locator("#terms") });
        await Assertions.Expect(termsField).ToContainTextAsync("同意がないと登録できません。");

        await page.Locator("#password").FillAsync(Registrations.GoodPassword); // a password field is never sent back
        await page.Locator("#kana").FillAsync("シケン ハナコ");
        await page.Locator("#terms").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/jobseeker", PortalBrowser.Committed);
        await browser.CheckPageAsync();

        await Assertions.Expect(page.Locator("#registered")).ToContainTextAsync("マイページを開設し、ログインしました。");
        await browser.CheckAtSizeAsync(1280, 800);
    }

    [Fact]
    public async Task On_a_phone_the_results_come_first_and_the_form_folds_behind_a_button()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "seeker-search-390", 390, 844);
        var page = browser.Page;

        await browser.VisitAsync("/search?q=%E4%BA%8B%E5%8B%99"); // 事務

        var form = page.Locator("#search-form");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "検索条件を変更" });
        await Assertions.Expect(form).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        var count = await page.Locator("h2[role=status]").BoundingBoxAsync();
        Assert.True(count is not null && count.Y + count.Height < 844, $"the result count is below the first screen (at {count?.Y})");
        var firstCard = await page.Locator("section[aria-label='検索結果'] > *").First.BoundingBoxAsync();
        Assert.True(firstCard is not null && firstCard.Y < 844, $"the first result starts below the first screen (at {firstCard?.Y})");

        await toggle.ClickAsync();
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "検索条件を閉じる" })).ToHaveAttributeAsync("aria-expanded", "true");
        await browser.CheckPageAsync();

        // At 1280 the form stays open beside the results and the button is not there; the detailed conditions' labels show whole.
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await browser.CheckPageAsync();
        await Assertions.Expect(page.Locator("#search-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "検索条件を変更" })).ToBeHiddenAsync();
        await page.Locator("#search-form").GetByText("詳細検索条件", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("label", new() { HasText = "就業開始（以降）" })).ToBeVisibleAsync();
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#search-form label.mud-input-label')]
                .filter(l => l.getBoundingClientRect().width > 0 && l.scrollWidth > l.clientWidth + 1).map(l => l.textContent.trim())
            """);
        Assert.True(cut.Length == 0, "labels cut at 1280: " + string.Join(", ", cut));
        await browser.CheckPageAsync();
    }

    [Fact]
    public async Task On_a_phone_the_applications_are_cards_with_the_live_cancel_countdown()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "seeker-applications-390", 390, 844);
        var page = browser.Page;
        await browser.SignInAsync("jobseeker1@example.jp");

        await browser.VisitAsync("/jobseeker/applications");

        // The demo keeps one of jobseeker1's applications inside its 24 hours (README).
        var timer = page.Locator(".hw-applications tbody [role=timer]").First;
        await Assertions.Expect(timer).ToContainTextAsync("残り");
        Assert.Equal("block", await page.Locator(".hw-applications tbody tr").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Assertions.Expect(page.Locator(".hw-applications thead")).Not.ToBeInViewportAsync();
        await browser.CheckAtSizeAsync(1280, 800);
        Assert.Equal("table-row", await page.Locator(".hw-applications tbody tr").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
    }

    [Fact]
    public async Task A_self_application_is_reviewed_before_it_is_sent()
    {
        var jobNumber = await OpenSelfApplicationOfferAsync();
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "seeker-selfapply-390", 390, 844);
        var page = browser.Page;
        await browser.SignInAsync("jobseeker2@example.jp");
        await browser.VisitAsync($"/jobs/{jobNumber}/apply");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "上記を理解したうえで、オンライン自主応募します" }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "志望動機" }).FillAsync("これまでの経験を活かしたく応募しました。");
        await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).ClickAsync();

        var review = page.Locator("#apply-review");
        await Assertions.Expect(review).ToContainTextAsync("これまでの経験を活かしたく応募しました。");
        await browser.CheckPageAsync();
        Assert.False(await AppliedAsync(jobNumber)); // nothing is sent before 応募する

        await page.GetByRole(AriaRole.Button, new() { Name = "応募する", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/jobseeker/applications/", StringComparison.Ordinal), PortalBrowser.Committed);
        await browser.CheckPageAsync();
        Assert.True(await AppliedAsync(jobNumber));
    }

    private Task<bool> AppliedAsync(string jobNumber) => portal.QueryAsync(db =>
        db.Applications.AnyAsync(a => db.JobOffers.Any(o => o.Id == a.JobOfferId && o.JobNumber == jobNumber)
            && db.Users.Any(u => u.Email == "jobseeker2@example.jp" && u.JobseekerId == a.JobseekerId) && a.Status == ApplicationStatus.InSelection));

    /// <summary>A published offer that takes self-applications and that jobseeker2 has not applied to, picked at random among them so
    /// that another run on the same portal takes another.</summary>
    private async Task<string> OpenSelfApplicationOfferAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var offers = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published && o.JobNumber != null
            && !db.Applications.Any(a => a.JobOfferId == o.Id && db.Users.Any(u => u.Email == "jobseeker2@example.jp" && u.JobseekerId == a.JobseekerId)))
            .ToListAsync());
        var open = offers.Where(o => o.AcceptsSelfApplication(now)).ToList();
        Assert.NotEmpty(open);
        return open[Random.Shared.Next(open.Count)].JobNumber!;
    }
}
