using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Jobseekers;

namespace HelloWork.Tests.Browser;

/// <summary>The profile page on the real portal: it opens for a jobseeker with the registration facts (R-ACC-2), passes axe (R-UI-1),
/// and shows the domain's refusals next to their fields without saving anything (R-ERR-1).</summary>
public sealed class ProfileBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task The_profile_page_shows_the_registration_and_refusals_next_to_their_fields()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "profile-jobseeker2");
        await browser.SignInAsync("jobseeker2@example.jp");
        await browser.VisitAsync("/jobseeker/profile");
        var page = browser.Page;

        Assert.Equal("求職者情報", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
        Assert.Contains("年", await page.GetByTestId("valid-until").InnerTextAsync());
        Assert.Contains((await page.GetByTestId("registration-status").InnerTextAsync()).Trim(), new[] { "有効", "無効" });
        Assert.Equal("オンライン登録者", (await page.GetByTestId("tier").InnerTextAsync()).Trim()); // demo jobseeker 2 is HWIS-only
        Assert.Equal(6, await page.GetByRole(AriaRole.Radio).CountAsync()); // the four consent categories of R-AGY-2, 障害の有無 yes/no

        var selfPr = page.GetByRole(AriaRole.Textbox, new() { Name = "自己PR", Exact = true });
        var storedPr = await selfPr.InputValueAsync();
        var storedZip = await page.GetByLabel("郵便番号").InputValueAsync();
        await page.GetByLabel("郵便番号").FillAsync("12");
        await page.GetByTestId("save-contact").ClickAsync();
        await Assertions.Expect(page.GetByText("郵便番号は 123-4567 の形式で入力してください。")).ToBeVisibleAsync();

        // R-ERR-1: the browser holds a paste at the field's limit (the server refuses more, see the domain tests) and says so.
        await selfPr.FillAsync(new string('あ', 2001));
        await selfPr.BlurAsync();
        Assert.Equal(2000, (await selfPr.InputValueAsync()).Length);
        await Assertions.Expect(page.GetByText("2000文字以内で入力してください。")).ToBeVisibleAsync();
        await browser.CheckPageAsync();

        // Nothing was saved: a fresh visit shows the stored values.
        await browser.VisitAsync("/jobseeker/profile");
        Assert.Equal(storedZip, await page.GetByLabel("郵便番号").InputValueAsync());
        Assert.Equal(storedPr, await selfPr.InputValueAsync());
    }
}
