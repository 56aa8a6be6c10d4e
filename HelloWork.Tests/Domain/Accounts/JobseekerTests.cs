using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Domain.Accounts;

/// <summary>R-ACC-1: a mypage is HWIS-only until staff register the person at an office; R-ACC-2: the person's valid/invalid switch.</summary>
public sealed class JobseekerTests
{
    private static readonly DateTimeOffset Now = Jst(2026, 11, 23, 10);

    [Fact]
    public void A_jobseeker_who_registers_online_is_HWIS_only_and_cannot_receive_referrals()
    {
        var jobseeker = Samples.Jobseeker(Now);

        Assert.Equal(JobseekerTier.HwisOnly, jobseeker.Tier);
        Assert.Null(jobseeker.JobseekerNumber);
        Assert.Null(jobseeker.HomeOfficeId);
        Assert.True(jobseeker.IsRegistrationValid(Now));
        Assert.False(jobseeker.CanReceiveReferrals(Now));
    }

    [Fact]
    public void Registration_at_an_office_makes_the_mypage_full_with_a_jobseeker_number_and_a_home_office()
    {
        var office = Samples.Office("13010");
        var jobseeker = Samples.Jobseeker(Now);

        jobseeker.RegisterAtOffice(office, Now);

        Assert.Equal(JobseekerTier.Full, jobseeker.Tier);
        Assert.Equal("13010-00000001", jobseeker.JobseekerNumber);
        Assert.Equal(office.Id, jobseeker.HomeOfficeId);
        Assert.True(jobseeker.CanReceiveReferrals(Now));
    }

    [Fact]
    public void A_full_registration_cannot_be_registered_again()
    {
        var office = Samples.Office();
        var jobseeker = Samples.Jobseeker(Now);
        jobseeker.RegisterAtOffice(office, Now);

        Assert.Equal("AlreadyRegisteredAtOffice", Assert.Throws<DomainException>(() => jobseeker.RegisterAtOffice(office, Now)).Code);
    }

    [Fact]
    public void Switching_the_registration_invalid_stops_referrals_and_switching_it_valid_resumes_them()
    {
        var jobseeker = Samples.Jobseeker(Now);
        jobseeker.RegisterAtOffice(Samples.Office(), Now);

        jobseeker.SetRegistrationActive(false, Now);
        Assert.False(jobseeker.IsRegistrationValid(Now));
        Assert.False(jobseeker.CanReceiveReferrals(Now));

        jobseeker.SetRegistrationActive(true, Now.AddDays(1));
        Assert.True(jobseeker.IsRegistrationValid(Now.AddDays(1)));
        Assert.True(jobseeker.CanReceiveReferrals(Now.AddDays(1)));
    }

    [Fact]
    public void Registration_is_valid_until_the_end_of_the_month_after_next_in_Japan_time()
    {
        var jobseeker = Samples.Jobseeker(Now);
        jobseeker.RegisterAtOffice(Samples.Office(), Now);

        Assert.Equal(new DateOnly(2027, 1, 31), jobseeker.RegistrationValidUntil);
        Assert.True(jobseeker.CanReceiveReferrals(Jst(2027, 1, 31, 23, 59, 59)));
        Assert.False(jobseeker.CanReceiveReferrals(Jst(2027, 2, 1)));
    }

    [Fact]
    public void Switching_an_expired_registration_valid_again_renews_its_validity()
    {
        var jobseeker = Samples.Jobseeker(Now);
        var later = Jst(2027, 3, 10, 9);

        jobseeker.SetRegistrationActive(true, later);

        Assert.Equal(new DateOnly(2027, 5, 31), jobseeker.RegistrationValidUntil);
        Assert.True(jobseeker.IsRegistrationValid(later));
    }

    [Fact]
    public void The_name_of_a_jobseeker_is_checked_by_the_domain() =>
        Assert.Equal("NameInvalidCharacters", Assert.Throws<DomainException>(() => Samples.Jobseeker(Now, "<script>x</script>")).Code);
}
