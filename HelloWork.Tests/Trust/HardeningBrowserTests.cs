using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The Content-Security-Policy in a real browser: pages render, their interactive parts work over the Blazor
/// circuit, and the browser reports no violation — neither as a <c>securitypolicyviolation</c> event nor on the console.
/// Through <see cref="PortalBrowser"/>, so every page is also checked with axe.
/// </summary>
public sealed class HardeningBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task Pages_work_interactively_under_the_content_security_policy_without_a_single_violation()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "csp");
        var page = browser.Page;
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Enqueue($"{message.Type}: {message.Text}");
            }
        };
        // Collected in the page before any of its own scripts run (injected by the browser tool, outside the page's policy).
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
            """);

        await browser.VisitAsync("/search");
        await browser.SignInAsync("employer1@example.jp");
        await AssertInteractiveAsync(page);
        var violations = new List<string>(await page.EvaluateAsync<string[]>("window.__cspViolations"));

        // Client-side navigation over the circuit, then a full load of a live page (applicant list, SignalR updates).
        await page.GetByRole(AriaRole.Link, new() { Name = "応募者管理" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/employer/applicants", StringComparison.Ordinal), PortalBrowser.Committed);
        await browser.CheckPageAsync();
        violations.AddRange(await page.EvaluateAsync<string[]>("window.__cspViolations"));
        await browser.VisitAsync("/employer/offers");
        await AssertInteractiveAsync(page);
        violations.AddRange(await page.EvaluateAsync<string[]>("window.__cspViolations"));

        // Sign-out is a form post that must carry its antiforgery token (the endpoint refuses one without): it still works.
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", PortalBrowser.Committed);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "ログイン" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "ログイン" })).First).ToBeVisibleAsync();
        violations.AddRange(await page.EvaluateAsync<string[]>("window.__cspViolations"));

        Assert.Empty(violations);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        Assert.DoesNotContain(console, m => m.StartsWith("error", StringComparison.Ordinal) && m.Contains("blazor", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The app bar's menu button closes and opens the drawer: clicks handled by the server over the circuit (WebSocket).</summary>
    private static async Task AssertInteractiveAsync(IPage page)
    {
        var drawer = page.Locator(".mud-drawer").First;
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "メニュー" });
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        // Before the circuit is up a click does nothing; click again until the server answers (30 s at most).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await menu.ClickAsync();
            for (var i = 0; i < 30; i++)
            {
                if ((await drawer.GetAttributeAsync("class") ?? "").Contains("mud-drawer--closed", StringComparison.Ordinal))
                {
                    await menu.ClickAsync(); // and open again for what follows
                    await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
                    return;
                }
                await page.WaitForTimeoutAsync(100);
            }
            Assert.True(DateTime.UtcNow < deadline, "The menu button never closed the drawer: the page is not interactive.");
        }
    }
}
