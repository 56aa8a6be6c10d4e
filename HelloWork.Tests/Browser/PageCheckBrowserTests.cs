namespace HelloWork.Tests.Browser;

/// <summary>
/// The page check that every browser test relies on can fail (R-UI-1): a page that passes is made to break one WCAG rule at a
/// time, in the same document, and the check names the rule. The second break proves that axe, put into the document once, still
/// reads the page as it is now.
/// </summary>
public sealed class PageCheckBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task The_page_check_fails_on_an_accessibility_violation_and_names_the_rule()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "page-check");
        await browser.VisitAsync("/Account/Login");

        await browser.Page.EvaluateAsync("() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/favicon.svg' }))");
        var image = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(browser.CheckPageAsync);
        Assert.Contains("image-alt", image.Message);
        Assert.Contains("/Account/Login", image.Message);

        await browser.Page.EvaluateAsync("""
            () => { document.querySelector('main img').alt = 'ハローワーク'; document.querySelector('main').append(document.createElement('button')); }
            """);
        var button = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(browser.CheckPageAsync);
        Assert.Contains("button-name", button.Message);
        Assert.DoesNotContain("image-alt", button.Message);
    }
}
