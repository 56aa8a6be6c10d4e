using Bunit;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Notices;
using HelloWork.Web.Components.Layout;
using HelloWork.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Components.Layout;

/// <summary>
/// The notice bell (R-NTC-1, R-LIVE-1): the signed-in person's unread count, live as notices arrive and as they are read anywhere;
/// only their own notices count (R-ACC-4); a circuit refused by the page limit shows no bell and reads nothing.
/// </summary>
public sealed class NoticeBellTests : ComponentTest
{
    private Task ApplyAsync(HelloWork.Domain.Common.Actor who) =>
        World.Applications.ApplyAsync(who, new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

    private static string Label(IRenderedComponent<NoticeBell> cut) => cut.Find("a[aria-label], button[aria-label]").GetAttribute("aria-label")!;

    [Fact]
    public async Task The_bell_shows_the_unread_count_of_the_signed_in_employer()
    {
        await ApplyAsync(World.JobseekerActor1);
        await ApplyAsync(World.JobseekerActor2);
        SignIn(World.EmployerActor1);

        var cut = Show<NoticeBell>();

        cut.WaitForAssertion(() => Assert.EndsWith(" 2）", Label(cut), StringComparison.Ordinal));
        Assert.Contains("2", cut.Find(".mud-badge").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_notices_the_badge_is_hidden()
    {
        SignIn(World.EmployerActor1);

        var cut = Show<NoticeBell>();

        Assert.EndsWith(" 0）", Label(cut), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".mud-badge.mud-badge-visible, .mud-badge-visible"));
    }

    [Fact]
    public async Task A_new_notice_raises_the_count_live()
    {
        SignIn(World.EmployerActor1);
        var cut = Show<NoticeBell>();
        Assert.EndsWith(" 0）", Label(cut), StringComparison.Ordinal);

        await ApplyAsync(World.JobseekerActor2);

        cut.WaitForAssertion(() => Assert.EndsWith(" 1）", Label(cut), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_the_notices_elsewhere_lowers_the_count_live()
    {
        await ApplyAsync(World.JobseekerActor1);
        await ApplyAsync(World.JobseekerActor2);
        SignIn(World.EmployerActor1);
        var cut = Show<NoticeBell>();
        cut.WaitForAssertion(() => Assert.EndsWith(" 2）", Label(cut), StringComparison.Ordinal));

        await Services.GetRequiredService<NoticeService>().MarkAllReadAsync(World.EmployerActor1, Ct);

        cut.WaitForAssertion(() => Assert.EndsWith(" 0）", Label(cut), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_establishments_notices_do_not_count()
    {
        SignIn(World.EmployerActor2);
        var cut = Show<NoticeBell>();

        await ApplyAsync(World.JobseekerActor2); // to establishment 1's offer

        // The notice has been delivered (establishment 1's count is 1) and establishment 2's bell still says 0.
        Assert.Equal(1, await Services.GetRequiredService<NoticeService>().UnreadCountAsync(World.EmployerActor1, Ct));
        Assert.EndsWith(" 0）", Label(cut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_circuit_refused_by_the_page_limit_shows_no_bell()
    {
        await ApplyAsync(World.JobseekerActor2);
        SignIn(World.EmployerActor1);
        Services.GetRequiredService<CircuitAdmission>().Refused = true; // as CircuitLimitHandler sets it before anything renders

        var cut = Show<NoticeBell>();

        Assert.Empty(cut.FindAll("a, button"));
        Assert.Empty(cut.FindAll(".mud-badge"));
    }
}
