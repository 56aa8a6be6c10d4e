using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Domain.Applications;

/// <summary>R-CAN-1: within 24 hours after applying the jobseeker can cancel; the action disappears the moment the window closes.</summary>
public sealed class CancelWindowTests
{
    private static readonly DateTimeOffset AppliedAt = Jst(2026, 11, 23, 10);

    private static Application NewApplication() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ApplicationMethod.SelfApplication, null, "貴社の製品に関心があり応募しました。", AppliedAt);

    [Fact]
    public void Cancel_is_allowed_one_tick_before_24_hours_have_passed()
    {
        var application = NewApplication();
        var justBefore = AppliedAt.AddHours(24).AddTicks(-1);

        Assert.True(application.CanCancel(justBefore));
        Assert.Equal(TimeSpan.FromTicks(1), application.CancelTimeLeft(justBefore));
        application.Cancel(justBefore);

        Assert.Equal(ApplicationStatus.Cancelled, application.Status);
        Assert.Equal(justBefore, application.CancelledAt);
    }

    [Fact]
    public void Cancel_is_refused_at_exactly_24_hours()
    {
        var application = NewApplication();
        var deadline = AppliedAt.AddHours(24);

        Assert.Equal(deadline, application.CancelDeadline);
        Assert.False(application.CanCancel(deadline));
        Assert.Equal(TimeSpan.Zero, application.CancelTimeLeft(deadline));
        var refusal = Assert.Throws<DomainException>(() => application.Cancel(deadline));
        Assert.Equal("CancelWindowClosed", refusal.Code);
        Assert.Equal(ApplicationStatus.InSelection, application.Status);
    }

    [Fact]
    public void Cancel_is_refused_after_24_hours()
    {
        var application = NewApplication();

        var refusal = Assert.Throws<DomainException>(() => application.Cancel(AppliedAt.AddHours(24).AddSeconds(1)));

        Assert.Equal("CancelWindowClosed", refusal.Code);
    }

    [Fact]
    public void The_remaining_time_counts_down_from_24_hours()
    {
        var application = NewApplication();

        Assert.Equal(TimeSpan.FromHours(24), application.CancelTimeLeft(AppliedAt));
        Assert.Equal(TimeSpan.FromMinutes(30), application.CancelTimeLeft(AppliedAt.AddHours(23.5)));
    }

    [Fact]
    public void A_cancelled_application_cannot_be_cancelled_again()
    {
        var application = NewApplication();
        application.Cancel(AppliedAt.AddHours(1));

        Assert.False(application.CanCancel(AppliedAt.AddHours(2)));
        Assert.Equal("ApplicationNotInSelection", Assert.Throws<DomainException>(() => application.Cancel(AppliedAt.AddHours(2))).Code);
    }
}
