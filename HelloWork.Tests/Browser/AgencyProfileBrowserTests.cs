using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Agencies;

namespace HelloWork.Tests.Browser;

/// <summary>The agency's profile screens as a person uses them (R-AGY-2, R-AGY-3): the list links each profile by the agency's
/// token, the profile page shows the provided fields and sends guidance, an empty message is refused, and a token that is not the
/// agency's ends in the not-found view. Each visit is screenshotted and axe-checked.</summary>
public sealed class AgencyProfileBrowserTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Agency1_opens_a_profile_by_its_token_sends_guidance_and_a_foreign_token_is_not_found()
    {
        // A demo jobseeker without an account whose consent covers local governments only: agency1's, and no other test's.
        var (agencyId, person) = await portal.QueryAsync(async db => (
            await db.Users.Where(u => u.Email == "agency1@example.jp").Select(u => u.AgencyId!.Value).FirstAsync(Ct),
            await db.Jobseekers.Where(j => j.Consent == ProvisionConsent.LocalGovernmentsOnly && !db.Users.Any(u => u.JobseekerId == j.Id))
                .OrderBy(j => j.Id).Select(j => j.Id).FirstAsync(Ct)));
        var tokens = portal.Services.GetRequiredService<OpaqueTokens>();
        var token = (await tokens.ForAsync(TokenHolder.Agency, agencyId, Ct)).Issue(person);

        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "agency-profile");
        await browser.SignInAsync("agency1@example.jp");
        await browser.VisitAsync("/agency/profiles");
        var page = browser.Page;
        var first = page.Locator("main a[href^='/agency/profiles/profile?p=']").First;
        await Assertions.Expect(first).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9_-]{22}$"));
        await first.ClickAsync();
        await page.WaitForURLAsync("**/agency/profiles/profile?p=*", PortalBrowser.Committed);
        await Assertions.Expect(page.GetByText("求職者情報の詳細")).ToBeVisibleAsync();
        await browser.CheckPageAsync();

        await browser.VisitAsync("/agency/profiles/profile?p=" + Uri.EscapeDataString(token));
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "職歴" })).ToBeVisibleAsync();
        var before = await portal.QueryAsync(db => db.GuidanceMessages.CountAsync(m => m.JobseekerId == person, Ct));
        await page.GetByRole(AriaRole.Button, new() { Name = "案内メッセージを送る" }).ClickAsync();
        await Assertions.Expect(page.GetByText("入力してください").First).ToBeVisibleAsync();
        await browser.CheckPageAsync();
        Assert.Equal(before, await portal.QueryAsync(db => db.GuidanceMessages.CountAsync(m => m.JobseekerId == person, Ct)));

        await page.GetByLabel("メッセージ").FillAsync("文京区の就労支援セミナー（12月10日）のご案内です。");
        await page.GetByRole(AriaRole.Button, new() { Name = "案内メッセージを送る" }).ClickAsync();
        await Assertions.Expect(page.GetByText("案内メッセージを送信しました。")).ToBeVisibleAsync();
        await browser.CheckPageAsync();
        Assert.Equal(before + 1, await portal.QueryAsync(db => db.GuidanceMessages.CountAsync(m => m.JobseekerId == person, Ct)));

        // agency2's token for the same person names nothing for agency1.
        var agency2 = await portal.QueryAsync(db => db.Users.Where(u => u.Email == "agency2@example.jp").Select(u => u.AgencyId!.Value).FirstAsync(Ct));
        var foreign = (await tokens.ForAsync(TokenHolder.Agency, agency2, Ct)).Issue(person);
        await browser.VisitAsync("/agency/profiles/profile?p=" + Uri.EscapeDataString(foreign));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("求職者情報が見つかりません");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "案内メッセージを送る" })).ToHaveCountAsync(0);
    }
}
