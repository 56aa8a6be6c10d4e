using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Jobseekers;

namespace HelloWork.Tests.Browser;

/// <summary>The 障害情報 section of the profile page on the real portal: asked only after 障害の有無 = あり, saved and shown again on a
/// fresh visit, not disclosed to employers unless switched on, cleared by なし; the page passes axe (R-UI-1).</summary>
public sealed class DisabilityBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task Disability_information_is_asked_only_when_applicable_saved_and_cleared()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "profile-disability-jobseeker2");
        await browser.SignInAsync("jobseeker2@example.jp");
        await browser.VisitAsync("/jobseeker/profile");
        var page = browser.Page;
        var section = page.GetByTestId("disability-section");
        await Assertions.Expect(section.GetByRole(AriaRole.Radio, new() { Name = "なし（登録しない）" })).ToBeCheckedAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Combobox)).ToHaveCountAsync(0); // nothing else is asked

        await section.GetByRole(AriaRole.Radio, new() { Name = "あり", Exact = true }).CheckAsync();
        var certificate = section.GetByRole(AriaRole.Combobox, new() { Name = "障害者手帳の種類" });
        await PortalBrowser.ChooseAsync(certificate, "療育手帳");
        await Assertions.Expect(certificate).ToHaveValueAsync("療育手帳");
        await section.GetByLabel("等級（任意）").FillAsync("B2");
        var accommodation = section.GetByRole(AriaRole.Textbox, new() { Name = "配慮してほしい事項" });
        await accommodation.FillAsync("作業手順は口頭だけでなく文書でも示していただけると助かります。");
        await accommodation.PressAsync("Tab");
        await Assertions.Expect(section.GetByRole(AriaRole.Switch).Or(section.GetByRole(AriaRole.Checkbox))).Not.ToBeCheckedAsync();
        await page.GetByTestId("save-disability").ClickAsync();
        await Assertions.Expect(page.GetByText("保存しました。")).ToBeVisibleAsync();
        await browser.CheckPageAsync();

        await browser.VisitAsync("/jobseeker/profile");
        section = page.GetByTestId("disability-section");
        await Assertions.Expect(section.GetByRole(AriaRole.Radio, new() { Name = "あり", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Combobox, new() { Name = "障害者手帳の種類" })).ToHaveValueAsync("療育手帳");
        await Assertions.Expect(section.GetByLabel("等級（任意）")).ToHaveValueAsync("B2");
        await Assertions.Expect(section.GetByRole(AriaRole.Textbox, new() { Name = "配慮してほしい事項" }))
            .ToHaveValueAsync("作業手順は口頭だけでなく文書でも示していただけると助かります。");

        await section.GetByRole(AriaRole.Radio, new() { Name = "なし（登録しない）" }).CheckAsync();
        await page.GetByTestId("save-disability").ClickAsync();
        await Assertions.Expect(page.GetByText("保存しました。")).ToBeVisibleAsync();
        await browser.VisitAsync("/jobseeker/profile");
        section = page.GetByTestId("disability-section");
        await Assertions.Expect(section.GetByRole(AriaRole.Radio, new() { Name = "なし（登録しない）" })).ToBeCheckedAsync();
        await section.GetByRole(AriaRole.Radio, new() { Name = "あり", Exact = true }).CheckAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Textbox, new() { Name = "配慮してほしい事項" })).ToHaveValueAsync(""); // cleared, not hidden
    }
}
