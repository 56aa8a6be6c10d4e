using HelloWork.Testing;
using HelloWork.Tests.Domain.Law;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// R-LAW-6: the staff review card shows the legal findings beside the fields with their citations, and never says
/// 問題なし while a finding exists. The three offers of the issue (時給900円 in 東京都, 固定残業代 20,000 yen for 20 hours, 1号 with 定年 なし)
/// sit in staff1's queue as they were submitted before this checker existed; the administrator's page lists the minimum wages.
/// Screenshots at 1280×800 and 390×844.
/// </summary>
public sealed class LawReviewBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = 10_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_review_card_cites_the_law_beside_the_fields_and_never_says_no_problem_while_a_finding_exists(int width, int height)
    {
        var tag = $"{width}-{Random.Shared.Next(100_000, 999_999)}";
        var titles = new[] { $"ホールスタッフ（時給{tag}）", $"配送スタッフ（固定残業{tag}）", $"一般事務（年齢{tag}）" };
        var issues = new[] { LawCases.IssueHourly900(), LawCases.IssueFixedOvertime(), LawCases.IssueAgeWithoutRetirement() };
        for (var i = 0; i < 3; i++)
        {
            await SubmittedAsync(titles[i], issues[i]);
        }

        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, $"law-review-{width}", width, height);
        await staff.SignInAsync("staff1@example.jp");
        await staff.VisitAsync("/staff/review");
        var s = staff.Page;
        // The queue pages and closes each offer to a summary (issue 25): the reviewer filters to these three and opens each.
        await s.GetByLabel("絞り込み").FillAsync(tag);
        var cards = titles.Select(t => s.Locator(".mud-card").Filter(new() { Has = s.GetByRole(AriaRole.Heading, new() { Name = t }) })).ToArray();
        foreach (var card in cards)
        {
            await Assertions.Expect(card).ToBeVisibleAsync(Arrives);
            await Assertions.Expect(card.GetByTestId("review-summary")).ToContainTextAsync("要");
            await card.GetByRole(AriaRole.Button, new() { Name = "審査する" }).ClickAsync();
            await Assertions.Expect(card.GetByTestId("finding-count")).ToContainTextAsync("法令・記載の指摘があります");
            await Assertions.Expect(card).Not.ToContainTextAsync("問題なし");
        }
        await Assertions.Expect(cards[0].Locator(".hw-finding[data-code=BelowMinimumWage]")).ToContainTextAsync("東京都の最低賃金（1,226円）を下回っています");
        await Assertions.Expect(cards[0].Locator(".hw-finding[data-code=BelowMinimumWage]")).ToContainTextAsync("最低賃金法 第4条第1項");
        await Assertions.Expect(cards[1].Locator(".hw-finding[data-code=FixedOvertimeBelowPremium]")).ToContainTextAsync("22,500円以上");
        await Assertions.Expect(cards[1].Locator(".hw-finding[data-code=FixedOvertimeBelowPremium]")).ToContainTextAsync("労働基準法 第37条第1項");
        var age = cards[2].Locator(".hw-finding[data-code=AgeException1NeedsRetirementAge]");
        await Assertions.Expect(age).ToContainTextAsync("労働施策総合推進法施行規則 第1条の3第1項第1号");
        // Beside its field: the finding sits in the row of the 年齢 field.
        await Assertions.Expect(cards[2].Locator("tr").Filter(new() { Has = s.GetByRole(AriaRole.Rowheader, new() { Name = "年齢" }) }).Locator(".hw-finding"))
            .ToHaveCountAsync(1);
        await cards[2].ScrollIntoViewIfNeededAsync();
        await staff.CheckPageAsync();
        Directory.CreateDirectory(PortalBrowser.ScreenshotFolder);
        await cards[1].ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotFolder, $"law-review-{width}-card.png") });
    }

    [Fact]
    public async Task The_administrator_sees_the_minimum_wage_table_a_wrong_date_is_refused_next_to_its_field_and_another_administrators_page_shows_an_addition_live_R_LAW_1_R_LIVE_1()
    {
        await using var admin = await PortalBrowser.OpenAsync(portal, chromium, "law-admin-minimum-wages");
        await admin.SignInAsync("admin@example.jp");
        await admin.VisitAsync("/admin/minimum-wages");
        var a = admin.Page;
        await Assertions.Expect(a.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("最低賃金の管理");
        await Assertions.Expect(a.GetByRole(AriaRole.Row).Filter(new() { HasText = "東京都" }).Filter(new() { HasText = "1,226円" })).ToBeVisibleAsync(Arrives);
        await a.GetByLabel("発効日").FillAsync("2026/10/01");
        await a.GetByTestId("mw-add").ClickAsync();
        await Assertions.Expect(a.GetByText("日付は 2026-10-01 の形式で入力してください。")).ToBeVisibleAsync(Arrives);
        await admin.CheckPageAsync();
        Assert.Equal(0, await portal.QueryAsync(db => db.MinimumWageRates.CountAsync(Ct)));

        // Another administrator's open page (on a phone) shows a figure added here without reloading (R-LAW-1, R-LIVE-1).
        await using var narrow = await PortalBrowser.OpenAsync(portal, chromium, "law-admin-minimum-wages-390", 390, 844);
        await narrow.SignInAsync("admin@example.jp");
        await narrow.VisitAsync("/admin/minimum-wages");
        var n = narrow.Page;
        await Assertions.Expect(n.GetByRole(AriaRole.Row).Filter(new() { HasText = "北海道" }).Filter(new() { HasText = "1,234円" })).ToHaveCountAsync(0);
        await a.GetByLabel("都道府県").ClickAsync();
        await a.GetByRole(AriaRole.Option).Filter(new() { HasText = "北海道" }).First.ClickAsync();
        await a.GetByLabel("最低賃金（時間額").FillAsync("1234");
        await a.GetByLabel("発効日").FillAsync("2027-10-01");
        await a.GetByLabel("出典").FillAsync("北海道労働局 公示");
        await a.GetByTestId("mw-add").ClickAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Row).Filter(new() { HasText = "北海道" }).Filter(new() { HasText = "1,234円" })).ToBeVisibleAsync(Arrives);
        await Assertions.Expect(n.GetByRole(AriaRole.Row).Filter(new() { HasText = "北海道" }).Filter(new() { HasText = "1,234円" })).ToBeVisibleAsync(Arrives);
        Assert.Equal(1, await portal.QueryAsync(db => db.MinimumWageRates.CountAsync(Ct)));
        await Assertions.Expect(a.GetByText("入力してください", new() { Exact = true })).ToHaveCountAsync(0); // the emptied form is not marked as missing
        await Assertions.Expect(a.GetByLabel("出典")).ToHaveValueAsync("");
        await narrow.CheckPageAsync();
    }

    /// <summary>An offer of employer1's establishment in the review queue, stored with the issue's sheet as before this checker.</summary>
    private async Task SubmittedAsync(string title, JobSheet issue)
    {
        await portal.QueryAsync(async db =>
        {
            var est = await db.Establishments.SingleAsync(e => e.Name == "株式会社みらい商事", Ct);
            var lawful = SampleSheets.Build(new Random(19), Vocabulary.Occupations[0], Vocabulary.Places[0], est.Name, est.Kana, est.Address, est.Employees);
            lawful = lawful with { Work = lawful.Work with { JobTitle = title } };
            var offer = new JobOffer(est.Id, OfferChannel.Online, lawful, DateTimeOffset.UtcNow);
            offer.Submit(DateTimeOffset.UtcNow);
            db.JobOffers.Add(offer);
            await db.SaveChangesAsync(Ct);
            db.Entry(offer).Property(o => o.Sheet).CurrentValue = LawCheckerTests.Merge(lawful, issue);
            await db.SaveChangesAsync(Ct);
            return 0;
        });
    }
}
