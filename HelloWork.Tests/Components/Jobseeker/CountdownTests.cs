using Bunit;
using HelloWork.Web.Components.Jobseeker;
using HelloWork.Web.Resources;

namespace HelloWork.Tests.Components.Jobseeker;

/// <summary>The live remaining time of R-CAN-1 and R-REF-3: read from the portal's clock, ticking each second, telling its parent
/// exactly once when the deadline passes.</summary>
public sealed class CountdownTests : ComponentTest
{
    private IRenderedComponent<Countdown> ShowCountdown(TimeSpan left, Action? expired = null) =>
        Show<Countdown>(p => p.Add(x => x.Deadline, World.Clock.GetUtcNow() + left).Add(x => x.OnExpired, () => expired?.Invoke()));

    [Fact]
    public void Days_hours_and_minutes_are_shown_by_size()
    {
        Assert.Equal(Text<JobseekerText>("RemainingDays", 2, 3), ShowCountdown(TimeSpan.FromHours(51.5)).Find("[role=timer]").TextContent);
        Assert.Equal(Text<JobseekerText>("RemainingHours", 5, 7), ShowCountdown(new TimeSpan(5, 7, 30)).Find("[role=timer]").TextContent);
        Assert.Equal(Text<JobseekerText>("RemainingMinutes", 59, 30), ShowCountdown(new TimeSpan(0, 59, 30)).Find("[role=timer]").TextContent);
    }

    [Fact]
    public void It_ticks_each_second_of_the_fake_clock()
    {
        var cut = ShowCountdown(TimeSpan.FromSeconds(10));

        World.Clock.Advance(TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() => Assert.Equal(Text<JobseekerText>("RemainingMinutes", 0, 7), cut.Find("[role=timer]").TextContent));
    }

    [Fact]
    public void The_parent_hears_once_when_the_deadline_passes()
    {
        var expired = 0;
        var cut = ShowCountdown(TimeSpan.FromSeconds(2), () => expired++);

        World.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, expired);
        World.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal(1, expired));
        World.Clock.Advance(TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() => Assert.Equal(Text<JobseekerText>("RemainingMinutes", 0, 0), cut.Find("[role=timer]").TextContent));
        Assert.Equal(1, expired);
    }

    [Fact]
    public void A_deadline_already_past_shows_zero_and_raises_nothing()
    {
        var expired = 0;
        var cut = ShowCountdown(-TimeSpan.FromMinutes(1), () => expired++);

        World.Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(Text<JobseekerText>("RemainingMinutes", 0, 0), cut.Find("[role=timer]").TextContent);
        Assert.Equal(0, expired);
    }
}
