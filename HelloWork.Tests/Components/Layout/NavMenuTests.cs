using Bunit;
using HelloWork.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Components.Layout;

/// <summary>
/// The side menu, one component written as MudNavMenu's markup (docs/BENCHMARKS.md, "The circuit, second round"): each role sees
/// its own entries only (R-ACC-4: the menu offers no other role's pages), and the entry of the page shown is marked as NavLink
/// marked it (class <c>active</c>, <c>aria-current="page"</c>), following the address as it changes.
/// </summary>
public sealed class NavMenuTests : ComponentTest
{
    private static string[] Hrefs(IRenderedComponent<NavMenu> cut) => [.. cut.FindAll("nav a.mud-nav-link").Select(a => a.GetAttribute("href")!)];

    private static string[] Current(IRenderedComponent<NavMenu> cut) =>
        [.. cut.FindAll("nav a.mud-nav-link.active[aria-current=page]").Select(a => a.GetAttribute("href")!)];

    [Fact]
    public void A_jobseeker_sees_the_jobseeker_menu_only_and_the_page_shown_is_marked_as_the_address_changes()
    {
        SignIn(World.JobseekerActor1);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/jobseeker/applications");

        var cut = Show<NavMenu>();

        var hrefs = Hrefs(cut);
        Assert.Contains("/jobseeker", hrefs);
        Assert.Contains("/jobseeker/applications", hrefs);
        Assert.Contains("/account/mail", hrefs);
        Assert.DoesNotContain(hrefs, h => h.StartsWith("/employer", StringComparison.Ordinal) || h.StartsWith("/staff", StringComparison.Ordinal)
            || h.StartsWith("/admin", StringComparison.Ordinal) || h.StartsWith("/agency/", StringComparison.Ordinal) || h.StartsWith("Account/", StringComparison.Ordinal));
        Assert.Equal(["/jobseeker/applications"], Current(cut)); // the home entry matches its whole path only

        navigation.NavigateTo("/jobseeker/applications/0c6b8a4e-0000-0000-0000-000000000001?tab=messages");
        cut.WaitForAssertion(() => Assert.Equal(["/jobseeker/applications"], Current(cut))); // and the pages below an entry

        navigation.NavigateTo("/jobseeker");
        cut.WaitForAssertion(() => Assert.Equal(["/jobseeker"], Current(cut)));
        Assert.Equal(Text<HelloWork.Web.Resources.Ui>("JobseekerHome"), cut.Find("nav a.active .mud-nav-link-text").TextContent);
    }

    [Fact]
    public void Staff_see_the_staff_menu_only()
    {
        SignIn(World.StaffActor1);

        var hrefs = Hrefs(Show<NavMenu>());

        Assert.Contains("/staff/review", hrefs);
        Assert.Contains("/staff/referrals/new", hrefs);
        Assert.DoesNotContain(hrefs, h => h.StartsWith("/jobseeker", StringComparison.Ordinal) || h.StartsWith("/employer", StringComparison.Ordinal)
            || h.StartsWith("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visitor_sees_sign_in_and_registration_and_no_signed_in_entry()
    {
        var cut = Show<NavMenu>();

        var hrefs = Hrefs(cut);
        Assert.Equal(["/", "/search", "Account/Login", "Account/Register", "Account/RegisterEmployer", "Account/RegisterAgency", "/agencies/lookup", "/evaluation"], hrefs);
        Assert.Equal(["/"], Current(cut));
    }
}
