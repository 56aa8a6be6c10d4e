using Bunit;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Web.Resources;
using ApplicationsPage = HelloWork.Web.Components.Pages.Jobseeker.ApplicationsPage;

namespace HelloWork.Tests.Components.Jobseeker;

/// <summary>
/// 応募状況一覧 (R-APP-1, R-CAN-1, R-RES-1, R-UI-1): each row says how long the application can still be cancelled, live on the
/// portal's clock, and once the employer has registered a result, the day it was registered; every cell carries its column's name
/// for the phone's card layout; another person's applications are not listed (R-ACC-4).
/// </summary>
public sealed class ApplicationsListTests : ComponentTest
{
    private async Task<Guid> ApplyAsync() =>
        await World.Applications.ApplyAsync(World.JobseekerActor2,
            new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

    private IRenderedComponent<ApplicationsPage> ShowList()
    {
        SignIn(World.JobseekerActor2);
        var cut = Show<ApplicationsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr")));
        return cut;
    }

    [Fact]
    public async Task A_new_application_shows_its_cancel_countdown_which_runs_and_ends_on_the_portal_clock()
    {
        await ApplyAsync();
        var cut = ShowList();

        Assert.Contains(Text<JobseekerText>("CancellableFor"), cut.Find("tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal(Text<JobseekerText>("RemainingDays", 1, 0), cut.Find("tbody [role=timer]").TextContent);

        World.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30));
        cut.WaitForAssertion(() => Assert.Equal(Text<JobseekerText>("RemainingMinutes", 30, 0), cut.Find("tbody [role=timer]").TextContent));

        World.Clock.Advance(TimeSpan.FromMinutes(30));
        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("tbody [role=timer]"));
            Assert.DoesNotContain(Text<JobseekerText>("CancellableFor"), cut.Find("tbody tr").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_registered_result_shows_its_date_instead_of_a_countdown()
    {
        var id = await ApplyAsync();
        World.Clock.Advance(TimeSpan.FromDays(3));
        var reason = SelectionReasons.All[1];
        await World.Applications.RegisterResultAsync(World.EmployerActor1, id, new ResultInput(ResultOutcome.NotHired, reason.Code, false, null, null), Ct);

        var cut = ShowList();

        var row = cut.Find("tbody tr").TextContent;
        Assert.Contains(Text<JobseekerText>("Status.NotHired"), row, StringComparison.Ordinal);
        Assert.Contains($"{Text<JobseekerText>("ResultRegisteredAt")} {JapanTime.Format(World.Clock.Today())}", row, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("tbody [role=timer]"));
    }

    [Fact]
    public async Task Every_cell_carries_the_name_of_its_column_for_the_phone_cards()
    {
        await ApplyAsync();
        var cut = ShowList();

        var headers = cut.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        var labels = cut.Find("tbody tr").QuerySelectorAll("td").Select(td => td.GetAttribute("data-label") ?? "").ToList();
        Assert.Equal(headers, labels);
    }

    [Fact]
    public async Task Someone_elses_applications_are_not_listed()
    {
        await ApplyAsync(); // jobseeker 2's
        SignIn(World.JobseekerActor1);

        var cut = Show<ApplicationsPage>();

        cut.WaitForAssertion(() => Assert.Contains(Text<JobseekerText>("NoApplications"), cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("tbody tr"));
    }
}
