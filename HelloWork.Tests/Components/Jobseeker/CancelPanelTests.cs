using Bunit;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Web.Components.Jobseeker;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Components.Jobseeker;

/// <summary>
/// 応募の取消 (R-CAN-1/2) on the jobseeker's application detail: the panel exists only inside the 24 hours, counts them down on the
/// portal's clock and disappears the moment they end, without a reload; a cancel that the domain refuses says why and changes nothing;
/// a cancel for someone else's application is refused (R-ACC-4).
/// </summary>
public sealed class CancelPanelTests : ComponentTest
{
    private async Task<Guid> ApplyAsync() =>
        await World.Applications.ApplyAsync(World.JobseekerActor2,
            new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

    private Task<MyApplicationDetail> DetailAsync(Guid id) => new MyApplications(World.Ops).DetailAsync(World.JobseekerActor2, id, Ct);

    private Task<ApplicationStatus> StatusAsync(Guid id) =>
        World.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct));

    private IRenderedComponent<CancelPanel> ShowPanel(MyApplicationDetail detail, Action? changed = null) =>
        Show<CancelPanel>(p => p.Add(x => x.Detail, detail).Add(x => x.Changed, () => changed?.Invoke()));

    [Fact]
    public async Task Inside_the_24_hours_the_panel_offers_the_cancel_and_shows_the_time_left()
    {
        var detail = await DetailAsync(await ApplyAsync());
        SignIn(World.JobseekerActor2);

        var cut = ShowPanel(detail);

        Assert.Contains(Text<JobseekerText>("CancelWindow"), cut.Find("#cancel-window").TextContent, StringComparison.Ordinal);
        Assert.Equal(Text<JobseekerText>("RemainingDays", 1, 0), cut.Find("[role=timer]").TextContent);
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Contains(Text<JobseekerText>("CancelApplication"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_countdown_follows_the_portal_clock()
    {
        var detail = await DetailAsync(await ApplyAsync());
        SignIn(World.JobseekerActor2);
        var cut = ShowPanel(detail);

        World.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30));

        cut.WaitForAssertion(() => Assert.Equal(Text<JobseekerText>("RemainingMinutes", 30, 0), cut.Find("[role=timer]").TextContent));
    }

    [Fact]
    public async Task When_the_24_hours_end_the_button_goes_and_the_way_to_withdraw_is_shown_without_a_reload()
    {
        var detail = await DetailAsync(await ApplyAsync());
        SignIn(World.JobseekerActor2);
        var cut = ShowPanel(detail);

        World.Clock.Advance(TimeSpan.FromHours(24));

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("#cancel-window"));
            Assert.Contains(Text<JobseekerText>("AfterCancelWindow"), cut.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task One_second_before_the_end_the_cancel_is_still_offered()
    {
        var detail = await DetailAsync(await ApplyAsync());
        World.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        SignIn(World.JobseekerActor2);

        var cut = ShowPanel(detail);

        Assert.Equal(Text<JobseekerText>("RemainingMinutes", 0, 1), cut.Find("[role=timer]").TextContent);
    }

    [Fact]
    public async Task The_cancel_asks_first_and_back_leaves_the_application_as_it_was()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var cut = ShowPanel(await DetailAsync(id));

        cut.FindAll("button").Single(b => b.TextContent.Contains(Text<JobseekerText>("CancelApplication"), StringComparison.Ordinal)).Click();
        Assert.Contains(Text<JobseekerText>("CancelConfirm"), cut.Markup, StringComparison.Ordinal);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<JobseekerText>("Back")).Click();

        Assert.DoesNotContain(Text<JobseekerText>("CancelConfirm"), cut.Markup, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.InSelection, await StatusAsync(id));
    }

    [Fact]
    public async Task Confirming_cancels_the_application_and_tells_the_page()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var changed = 0;
        var cut = ShowPanel(await DetailAsync(id), () => changed++);

        cut.FindAll("button").Single(b => b.TextContent.Contains(Text<JobseekerText>("CancelApplication"), StringComparison.Ordinal)).Click();
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<JobseekerText>("CancelApplicationConfirm")).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(ApplicationStatus.Cancelled, await StatusAsync(id));
        Assert.Empty(cut.FindAll("#cancel-error"));
    }

    [Fact]
    public async Task A_cancel_the_domain_refuses_says_why_next_to_the_panel()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor2);
        var cut = ShowPanel(await DetailAsync(id));
        // Cancelled meanwhile in another tab: the panel still shows the window, the domain refuses the second cancel.
        await World.Applications.CancelAsync(World.JobseekerActor2, id, Ct);

        cut.FindAll("button").Single(b => b.TextContent.Contains(Text<JobseekerText>("CancelApplication"), StringComparison.Ordinal)).Click();
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<JobseekerText>("CancelApplicationConfirm")).ClickAsync(new());

        cut.WaitForAssertion(() => Assert.False(string.IsNullOrWhiteSpace(cut.Find("#cancel-error").TextContent)));
    }

    [Fact]
    public async Task Someone_elses_application_cannot_be_cancelled_from_the_panel()
    {
        var id = await ApplyAsync();
        SignIn(World.JobseekerActor1);
        var cut = ShowPanel(await DetailAsync(id));

        cut.FindAll("button").Single(b => b.TextContent.Contains(Text<JobseekerText>("CancelApplication"), StringComparison.Ordinal)).Click();
        var confirm = cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<JobseekerText>("CancelApplicationConfirm"));

        await confirm.ClickAsync(new());

        // Another person's application answers as one that does not exist, and nothing changes (R-ACC-4, R-ERR-1).
        Assert.Equal(Text<Ui>("Error.OutOfScope"), cut.Find("#cancel-error").TextContent.Trim());
        Assert.Equal(ApplicationStatus.InSelection, await StatusAsync(id));
    }

    [Fact]
    public async Task A_cancelled_application_shows_neither_the_cancel_nor_the_withdraw_advice()
    {
        var id = await ApplyAsync();
        await World.Applications.CancelAsync(World.JobseekerActor2, id, Ct);
        SignIn(World.JobseekerActor2);

        var cut = ShowPanel(await DetailAsync(id));

        Assert.Empty(cut.FindAll("#cancel-window"));
        Assert.DoesNotContain(Text<JobseekerText>("AfterCancelWindow"), cut.Markup, StringComparison.Ordinal);
    }
}
