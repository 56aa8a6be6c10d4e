using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// One person at the portal in a fresh browser context. Every page it shows — <see cref="VisitAsync"/>, the page
/// <see cref="SignInAsync"/> lands on, or <see cref="CheckPageAsync"/> after a click — is screenshotted (full page) and checked with
/// axe-core: a violation of any impact fails the test (R-UI-1, WCAG 2.1 AA). Later page tests get both for free.
/// Screenshots go to <c>$TEST_SCREENSHOTS</c>, else to <c>screenshots/</c> beside the test assembly.
/// </summary>
public sealed partial class PortalBrowser : IAsyncDisposable
{
    /// <summary>axe-core itself (Deque's bundled copy). It is put into a document once, when the document is first checked: a page
    /// that moves on inside its circuit keeps it. Deque's Playwright wrapper sent the 550 KB script on every check and finished each
    /// run in a new browser page of its own (for frames, which the portal has none of): three quarters of Chromium's time in the
    /// page tour.</summary>
    private static readonly string AxeSource = new BundledAxeScriptProvider().GetScript();

    /// <summary>The rules of WCAG 2.1 A and AA, the level the portal is held to (R-UI-1), and violations only: axe then skips its
    /// best-practice rules and the detail of every passed check.</summary>
    private const string AxeRun = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.slice(0, 5).map(n => ({ target: JSON.stringify(n.target), html: n.html })),
          })));
        }
        """;

    private readonly IBrowserContext context;
    private readonly string name;
    private readonly List<string> missingAssets = [];
    private int shots;

    private PortalBrowser(IBrowserContext context, IPage page, Uri baseAddress, string name)
    {
        this.context = context;
        Page = page;
        BaseAddress = baseAddress;
        this.name = name;
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("TEST_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>How a test waits for the address a click leads to: until the new page is committed, not until its load event.
    /// A page that moves on inside its circuit has nothing to load, and a load event waited for after a navigation in the circuit
    /// timed out on loaded CI machines with nothing else wrong; <see cref="CheckPageAsync"/> settles the page after.</summary>
    public static PageWaitForURLOptions Committed { get; } = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Opens a context at the portal; <paramref name="name"/> prefixes the screenshot files.</summary>
    public static async Task<PortalBrowser> OpenAsync(PortalHost portal, Chromium chromium, string name, int width = 1280, int height = 800) =>
        await OpenAsync(await portal.StartAsync(), chromium, name, width, height);

    /// <summary>Opens a context at a portal host of the test's own (other settings than the shared one).</summary>
    public static async Task<PortalBrowser> OpenAsync(Uri baseAddress, Chromium chromium, string name, int width = 1280, int height = 800)
    {
        var browser = await chromium.GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000); // generous: CI machines have 2 cores
        var page = await context.NewPageAsync();
        var opened = new PortalBrowser(context, page, baseAddress, name);
        // What a page loads besides itself and its data (scripts, styles, images, the icon) must exist: a 404 there is a broken
        // page in the console of every visitor (R-UI-1).
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType is "stylesheet" or "script" or "image" or "font" or "manifest" or "other")
            {
                lock (opened.missingAssets)
                {
                    opened.missingAssets.Add($"{response.Status} {response.Url}");
                }
            }
        };
        return opened;
    }

    /// <summary>Goes to <paramref name="path"/> and checks the page it lands on.</summary>
    public async Task VisitAsync(string path)
    {
        await Page.GotoAsync(path);
        await CheckPageAsync();
    }

    /// <summary>Signs in through the real form (#email, #password, the ログイン button) and checks the page it lands on. The form
    /// itself is checked by the page tour and the sign-in tests; checked again before every sign-in, it was a fifth of the page
    /// checks of a run.</summary>
    public async Task SignInAsync(string email, string password = PortalHost.DemoPassword)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase), PortalBrowser.Committed);
        await CheckPageAsync();
    }

    /// <summary>Picks <paramref name="option"/> in a MudSelect (a combobox) and waits for the render of the choice, which closes the
    /// list. A field filled before that render arrives is reset by it (a wage typed right after choosing a prefecture was lost, and
    /// the orange check for it never came).</summary>
    public static async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        var open = select.Page.Locator(".mud-popover-open");
        await open.GetByText(option, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(open).ToHaveCountAsync(0);
    }

    /// <summary>Waits for the page to settle, saves a full-page screenshot and fails on any axe violation.</summary>
    public async Task CheckPageAsync()
    {
        // The page has loaded with what it shows: its load event, its fonts and the images in the window. Not "network idle", which
        // is half a second without a request after the last one, six hundred times a run, while a circuit's data comes over its
        // WebSocket, which that wait does not see anyway. A lazy image below the window (an establishment's gallery on a job page)
        // loads only when scrolled to: waiting for it timed out (CI failure).
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Page.WaitForFunctionAsync("""
            () => document.fonts.status === 'loaded'
              && [...document.images].every(i => i.complete || (i.loading === 'lazy' && i.getBoundingClientRect().top >= window.innerHeight))
            """);
        await Page.Locator("h1").First.WaitForAsync();
        // An interactive page is first prerendered: a click before its circuit has rendered is lost (the all-eight-screens test
        // timed out on 次へ that way on a loaded machine). The layout marks <main> once it renders in the circuit (App.razor marks
        // which pages will have one). Both marks are read in one step: read apart, a forced reload between them (an interactive
        // page's link to a static account page) left the check waiting for a circuit the static page never gets (CI failure).
        await Page.WaitForFunctionAsync(
            "() => document.body.dataset.renderMode === 'static' || document.querySelector('main[data-circuit=live]') !== null");
        var path = new Uri(Page.Url).AbsolutePath;
        var file = await ScreenshotAsync("");

        var violations = await AxeAsync();
        if (violations.Length > 0)
        {
            Assert.Fail($"Accessibility violations on {path} (screenshot {file}):\n{Describe(violations)}");
        }

        lock (missingAssets)
        {
            Assert.True(missingAssets.Count == 0, $"Assets missing on {path}: {string.Join(", ", missingAssets)}");
        }

        await CheckFitAsync();

        // A Japanese page speaks Japanese to a screen reader too (R-UI-1): no English label of MudBlazor's own (「Select row」,
        // 「Close」, 「Open」) or of ours. A label without Japanese that has an English word (four letters or more) fails; PDF, CSV
        // and numbers pass.
        var english = await Page.EvaluateAsync<string[]>("""
            () => document.documentElement.lang !== 'ja' ? [] : [...document.querySelectorAll('[aria-label], [title], [placeholder], [aria-roledescription]')]
                .filter(e => (e.closest('[lang]')?.lang ?? 'ja').startsWith('ja')) // the language switch's 「English」 is English on purpose (lang="en")
                .flatMap(e => ['aria-label', 'title', 'placeholder', 'aria-roledescription'].map(a => e.getAttribute(a)).filter(v => v)
                    .filter(v => !/[\u3000-\u9fff\uff00-\uffef]/.test(v) && !/^[a-z]+:\/\//.test(v) && /[A-Za-z]{4,}/.test(v)) // an address's example (https://) is no word
                    .map(v => `${e.tagName.toLowerCase()} "${v}"`))
            """);
        Assert.True(english.Length == 0, $"English labels on the Japanese page {path} (screenshot {file}): {string.Join(", ", english.Distinct())}");

        // Screen-reader-only text (a column header such as 操作) must not show: axe cannot tell, a page's style can.
        var shown = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.visually-hidden, .hw-visually-hidden')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 || r.height > 1; })
                .map(e => e.textContent.trim())
            """);
        Assert.True(shown.Length == 0, $"Screen-reader-only text shows on {path} (screenshot {file}): {string.Join(", ", shown)}");
    }

    /// <summary>The page as it is, at another window size (the tour's second size): a screenshot named after the width, and the fit
    /// check again.</summary>
    public async Task CheckAtSizeAsync(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await ScreenshotAsync($"-{width}");
        await CheckFitAsync();
    }

    /// <summary>A full-page screenshot once every transition has ended (a colour still fading in is seen, and checked by axe, half way:
    /// colour-contrast failure on /admin/mail while it faded); <paramref name="suffix"/> ends its name. Returns the file.</summary>
    private async Task<string> ScreenshotAsync(string suffix)
    {
        await Page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
        Directory.CreateDirectory(ScreenshotFolder);
        var slug = Slug().Replace(new Uri(Page.Url).AbsolutePath.Trim('/'), "-");
        var file = Path.Combine(ScreenshotFolder, $"{name}-{++shots:00}-{(slug.Length > 0 ? slug : "root")}{suffix}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>Nothing of the page is wider than the window or spills out of its own box (R-UI-1): a squeezed table, a chip
    /// over the next column, a label cut by its field. Content inside a box that scrolls or clips on purpose (a wide table's
    /// scroller, a screen-reader-only text) is that box's business.</summary>
    private async Task CheckFitAsync()
    {
        var misfits = await Page.EvaluateAsync<string[]>(FitScript);
        Assert.True(misfits.Length == 0,
            $"Not fitting on {new Uri(Page.Url).AbsolutePath} at {await Page.EvaluateAsync<int>("() => window.innerWidth")}px: {string.Join("; ", misfits)}");
    }

    private const string FitScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const found = [];
          const name = e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim()
            ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '') + ` "${(e.textContent || '').trim().slice(0, 24)}"`;
          const contained = e => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              const s = getComputedStyle(a);
              if (s.overflowX !== 'visible' || s.position === 'fixed') return true;
            }
            return false;
          };
          if (document.documentElement.scrollWidth > width + 1) {
            found.push(`the page is ${document.documentElement.scrollWidth - width}px wider than the window`);
          }
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            // Off the window altogether is on purpose (a skip link until it has focus); a grid's negative margins are its spacing.
            if (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.left >= width || contained(e)
                || e.classList.contains('mud-grid') || e.classList.contains('mud-grid-item')) continue;
            const s = getComputedStyle(e);
            if (s.visibility === 'hidden' || s.position === 'fixed') continue;
            const p = e.parentElement;
            const box = p && p !== document.body ? p.getBoundingClientRect() : null;
            // An icon button set on the edge of its field reaches past it by design (MudBlazor's Edge.End/Start).
            const edge = e.matches('[class*="mud-icon-button-edge"], [class*="mud-icon-button-edge"] *');
            if (r.right > width + 1 || r.left < -1) {
              found.push(`${name(e)} goes past the window (${Math.round(r.left)}..${Math.round(r.right)})`);
            } else if (box && !edge && box.width > 1 && (r.right > box.right + 1 || r.left < box.left - 1)) {
              found.push(`${name(e)} sticks ${Math.round(Math.max(r.right - box.right, box.left - r.left))}px out of ${name(p)}`);
            } else if (e.children.length === 0 && s.overflowX === 'visible' && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
              found.push(`${name(e)}: its text runs ${e.scrollWidth - e.clientWidth}px past its box`);
            }
            if (found.length >= 8) break;
          }
          return found;
        }
        """;

    /// <summary>The axe violations of the page as it is now (an empty array when it passes).</summary>
    private async Task<AxeViolation[]> AxeAsync()
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await Page.EvaluateAsync($"() => {{ {AxeSource} }}");
        }
        return JsonSerializer.Deserialize<AxeViolation[]>(await Page.EvaluateAsync<string>(AxeRun), JsonSerializerOptions.Web)!;
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, AxeNode[] Nodes);

    private sealed record AxeNode(string Target, string Html);

    private static string Describe(IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine($"- {v.Impact} {v.Id}: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes)
            {
                text.AppendLine($"    {node.Target}: {node.Html}");
            }
        }
        return text.ToString();
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Slug();

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
