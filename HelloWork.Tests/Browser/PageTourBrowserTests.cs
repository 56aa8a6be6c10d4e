using HelloWork.Tests.Trust;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// Every page of the portal, as a person of the role that may open it sees it, on a 390×844 phone and at 1280×800 (R-UI-1):
/// the pages are the route-by-identity matrix's page rows, each visited by the first demo account of the first role that may
/// open it (with an object that account owns), so a new page is toured as soon as it has its row. On each: the page check of
/// <see cref="PortalBrowser.CheckPageAsync"/> (settled, a screenshot, axe with the WCAG 2.1 AA rules, nothing of the page's own
/// too wide for the window or spilling out of its box) at the phone size, and a screenshot and the fit check again at 1280.
/// Every page is visited even when one fails; the failure lists them all.
/// </summary>
[RunsLong]
public sealed class PageTourBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly SemaphoreSlim Making = new(1, 1);
    private static MatrixWorld? world;

    public static TheoryData<string> Roles => [.. MatrixTable.Columns];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_a_role_may_open_fits_a_phone_and_a_desktop_and_passes_the_accessibility_check(string column)
    {
        var world = await WorldAsync(portal);
        var pages = PagesOf(world, column);
        if (pages.Count == 0)
        {
            return; // every page this role may open is opened first by another role
        }
        var identity = pages[0].Identity;
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, $"tour-{identity.Name.Split('@')[0]}-390", 390, 844);
        if (!identity.IsAnonymous)
        {
            await browser.SignInAsync(identity.Name);
        }

        var failures = new List<string>();
        foreach (var (path, _) in pages)
        {
            try
            {
                await browser.Page.SetViewportSizeAsync(390, 844);
                await browser.VisitAsync(path);
                await browser.CheckAtSizeAsync(1280, 800);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or PlaywrightException or TimeoutException)
            {
                failures.Add($"{path}: {string.Join(" ", e.Message.Split('\n', StringSplitOptions.TrimEntries).Take(4))}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {pages.Count} pages of {column} fail:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>The pages the role opens in the tour: each page row whose first role with an "ok" cell is this one, visited by the
    /// first account of the role with an object it may open (its own where the cell is own/foreign).</summary>
    private static List<(string Path, MatrixIdentity Identity)> PagesOf(MatrixWorld world, string column)
    {
        var pages = new List<(string, MatrixIdentity)>();
        foreach (var row in MatrixTable.Rows.Where(r => r.Route.StartsWith("PAGE ", StringComparison.Ordinal)))
        {
            var visit = MatrixTable.Columns
                .SelectMany(c => world.Identities.Where(i => i.Column == c))
                .SelectMany(i => MatrixTests.ObjectsOf(world, row).Select(o => (Identity: i, Object: o)))
                .FirstOrDefault(v => MatrixTable.Expected(row, v.Identity.Column, v.Object is not null && v.Object.Owners.Contains(v.Identity.Name),
                    v.Identity.Actor?.IsSupervisor == true) == "ok");
            if (visit.Identity?.Column == column)
            {
                pages.Add((MatrixTests.PathOf(row, visit.Object), visit.Identity));
            }
        }
        // One account per role walks the tour.
        if (pages.Select(p => p.Item2).Distinct().Count() > 1)
        {
            throw new InvalidOperationException($"The {column} pages need two accounts: {string.Join(", ", pages.Select(p => $"{p.Item1} as {p.Item2.Name}"))}");
        }
        return pages;
    }

    private static async Task<MatrixWorld> WorldAsync(PortalHost portal)
    {
        await Making.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return world ??= await MatrixWorld.CreateAsync(portal);
        }
        finally
        {
            Making.Release();
        }
    }
}
