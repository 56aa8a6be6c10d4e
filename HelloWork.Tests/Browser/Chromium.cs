using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(HelloWork.Tests.Browser.Chromium))]

namespace HelloWork.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download cannot reach the internet here; test.sh
/// installs the package when it is missing). One browser per test run, launched on first use; each test gets its own
/// context through <see cref="PortalBrowser"/>.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly SemaphoreSlim launching = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task<IBrowser> GetAsync()
    {
        if (browser is not null)
        {
            return browser;
        }
        await launching.WaitAsync();
        try
        {
            if (browser is null)
            {
                if (!File.Exists(ExecutablePath))
                {
                    Assert.Fail($"{ExecutablePath} is missing: run ./test.sh, which installs Debian's chromium package.");
                }
                playwright = await Playwright.CreateAsync();
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = Arguments,
                });
            }
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        launching.Dispose();
    }
}
