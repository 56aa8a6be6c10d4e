using Bunit;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Web.Components.Pages.Employer.Applicants;
using HelloWork.Web.Resources;
using ApplicantGrid = HelloWork.Web.Components.Pages.Employer.Applicants.ApplicantList;

namespace HelloWork.Tests.Components.Employer;

/// <summary>
/// 応募者管理 (R-APP-2): the employer's grid over the real query: its own establishment's applicants only (R-ACC-4), filters and
/// sorting on the server, a reversed date range refused above the grid (R-ERR-1), and a new application arriving live, marked
/// and announced (R-LIVE-1).
/// </summary>
public sealed class ApplicantGridTests : ComponentTest
{
    private static readonly string[] People = ["青木 一郎|アオキ イチロウ", "渡辺 花子|ワタナベ ハナコ", "小川 次郎|オガワ ジロウ"];

    /// <summary>Three more jobseekers apply to offer 1, an hour apart, in the order of <see cref="People"/>.</summary>
    private async Task<List<Guid>> ApplyAllAsync()
    {
        var ids = new List<Guid>();
        foreach (var person in People)
        {
            var (name, kana) = (person.Split('|')[0], person.Split('|')[1]);
            var jobseeker = new HelloWork.Domain.Accounts.Jobseeker(name, kana, new DateOnly(1992, 1, 1), null, null, null, World.Clock.GetUtcNow());
            await World.WithDbAsync(db =>
            {
                db.Jobseekers.Add(jobseeker);
                return db.SaveChangesAsync(Ct);
            });
            var actor = new Actor(Guid.NewGuid(), Roles.Jobseeker, name, JobseekerId: jobseeker.Id);
            ids.Add(await World.Applications.ApplyAsync(actor, new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct));
            World.Clock.Advance(TimeSpan.FromHours(1));
        }
        return ids;
    }

    private IRenderedComponent<ApplicantGrid> ShowGrid()
    {
        SignIn(World.EmployerActor1);
        var cut = Show<ApplicantGrid>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".hw-applicants table")));
        return cut;
    }

    private static List<string> Names(IRenderedComponent<ApplicantGrid> cut) =>
        [.. cut.FindAll("tbody tr td a").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0)];

    private static Task FilterAsync(IRenderedComponent<ApplicantGrid> cut, Func<ApplicantQuery, ApplicantQuery> change)
    {
        var filters = cut.FindComponent<ApplicantFilters>();
        return cut.InvokeAsync(() => filters.Instance.FilterChanged.InvokeAsync(change(filters.Instance.Filter)));
    }

    [Fact]
    public async Task The_grid_lists_the_establishments_applicants_newest_first()
    {
        await ApplyAllAsync();

        var cut = ShowGrid();

        cut.WaitForAssertion(() => Assert.Equal(["小川 次郎", "渡辺 花子", "青木 一郎"], Names(cut)));
    }

    [Fact]
    public async Task Another_establishments_applicants_are_not_listed()
    {
        await ApplyAllAsync();
        await World.Applications.ApplyAsync(World.JobseekerActor2, new ApplyInput(World.Offer2.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

        var cut = ShowGrid();

        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Count));
        Assert.DoesNotContain(World.Jobseeker2.Name, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_name_orders_by_kana_on_the_server()
    {
        await ApplyAllAsync();
        var cut = ShowGrid();

        var header = cut.FindAll("th").First(th => th.TextContent.Contains(Text<EmployerText>("ApplicantName"), StringComparison.Ordinal));
        await header.QuerySelector("button.hw-sort")!.ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(["青木 一郎", "小川 次郎", "渡辺 花子"], Names(cut)));
    }

    /// <summary>R-APP-2: the list pages on the server (twenty a page), the page's checkbox selects that page's rows only, the native
    /// filter select reloads from the first page, and a sorted column says its order to screen readers.</summary>
    [Fact]
    public async Task The_list_pages_on_the_server_selects_a_page_and_filters_through_its_own_inputs()
    {
        for (var i = 0; i < 8; i++)
        {
            await ApplyAllAsync();
        }
        var cut = ShowGrid();
        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut).Count));
        // 24 of ours; the world's own applications to the establishment come on top.
        var total = await World.WithDbAsync(db => Task.FromResult(db.Applications.Count(a => a.EstablishmentId == World.Establishment1.Id)));
        Assert.Contains(Text<EmployerText>("PageInfo", 1, 20, total), cut.Markup, StringComparison.Ordinal);
        Assert.Equal("descending", cut.FindAll("th[aria-sort]").Single().GetAttribute("aria-sort"));

        await cut.Find($"button[aria-label='{Text<EmployerText>("NextPage")}']").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal(total - 20, Names(cut).Count));
        Assert.Contains(Text<EmployerText>("PageInfo", 21, total, total), cut.Markup, StringComparison.Ordinal);
        Assert.True(cut.Find($"button[aria-label='{Text<EmployerText>("NextPage")}']").HasAttribute("disabled"));

        await cut.Find("thead input[type=checkbox]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        Assert.Contains(Text<EmployerText>("SelectedCount", total - 20, total), cut.Markup, StringComparison.Ordinal);
        Assert.All(cut.FindAll("tbody input[type=checkbox]"), box => Assert.True(box.HasAttribute("checked")));
        Assert.Contains("ids=", cut.Find("a[data-testid=export-csv]").GetAttribute("href"), StringComparison.Ordinal);

        await cut.Find("#filter-status").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = nameof(ApplicationStatus.Cancelled) });
        cut.WaitForAssertion(() => Assert.Contains(Text<EmployerText>("NoApplicants"), cut.Markup, StringComparison.Ordinal));
        Assert.Contains(Text<EmployerText>("SelectedCount", 0, 0), cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_filter_keeps_only_matching_applicants()
    {
        var ids = await ApplyAllAsync();
        await World.Applications.CancelAsync(new Actor(Guid.NewGuid(), Roles.Jobseeker, "x",
            JobseekerId: await World.WithDbAsync(db => Task.FromResult(db.Applications.Single(a => a.Id == ids[1]).JobseekerId))), ids[1], Ct);
        var cut = ShowGrid();

        await FilterAsync(cut, f => f with { Status = ApplicationStatus.Cancelled });

        cut.WaitForAssertion(() => Assert.Equal(["渡辺 花子"], Names(cut)));
        Assert.Contains(Text<EmployerText>("SelectedCount", 0, 1), cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offer_filter_lists_only_that_offers_applicants()
    {
        await ApplyAllAsync();
        var cut = ShowGrid();

        await FilterAsync(cut, f => f with { JobOfferId = Guid.NewGuid() });

        cut.WaitForAssertion(() => Assert.Empty(Names(cut)));
        Assert.Contains(Text<EmployerText>("NoApplicants"), cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversed_date_range_is_refused_above_the_grid()
    {
        await ApplyAllAsync();
        var cut = ShowGrid();

        await FilterAsync(cut, f => f with { AppliedFrom = new DateOnly(2026, 12, 31), AppliedTo = new DateOnly(2026, 11, 1) });

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(cut.Find(".mud-alert-filled-error, .mud-alert[role=alert], [role=alert]").TextContent)));
        Assert.Empty(Names(cut));
    }

    [Fact]
    public async Task A_new_application_arrives_live_marked_and_announced()
    {
        await ApplyAllAsync();
        var cut = ShowGrid();
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Count));

        var id = await World.Applications.ApplyAsync(World.JobseekerActor2,
            new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(World.Jobseeker2.Name, Names(cut)[0]);
            Assert.Contains("hw-fresh", cut.FindAll("tbody tr")[0].ClassName ?? string.Empty, StringComparison.Ordinal);
        });
        // The announcement follows the grid's reload on the circuit: wait for it as for the row.
        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars,
            s => s.Message?.Contains(World.Jobseeker2.Name, StringComparison.Ordinal) == true));
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task A_cancellation_elsewhere_reloads_the_row_live()
    {
        var ids = await ApplyAllAsync();
        var cut = ShowGrid();
        var jobseekerId = await World.WithDbAsync(db => Task.FromResult(db.Applications.Single(a => a.Id == ids[2]).JobseekerId));

        await World.Applications.CancelAsync(new Actor(Guid.NewGuid(), Roles.Jobseeker, "x", JobseekerId: jobseekerId), ids[2], Ct);

        cut.WaitForAssertion(() => Assert.Contains(Text<EmployerText>("Enum.ApplicationStatus.Cancelled"), cut.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal));
    }
}
