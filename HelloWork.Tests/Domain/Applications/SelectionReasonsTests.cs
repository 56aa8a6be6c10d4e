using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Domain.Applications;

/// <summary>R-RES-2: the reasons for not hiring are one fixed code list; code 8 is the applicant's withdrawal (R-CAN-2).</summary>
public sealed class SelectionReasonsTests
{
    [Fact]
    public void Code_8_is_the_applicant_said_they_withdraw()
    {
        var reason = SelectionReasons.Find(8);

        Assert.NotNull(reason);
        Assert.Equal("本人から応募辞退の連絡があった", reason.Japanese);
        Assert.Equal(8, SelectionReasons.ApplicantWithdrew);
    }

    [Fact]
    public void Codes_are_unique_and_every_reason_has_a_Japanese_and_an_English_text()
    {
        Assert.Equal(SelectionReasons.All.Count, SelectionReasons.All.Select(r => r.Code).Distinct().Count());
        Assert.All(SelectionReasons.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Japanese));
            Assert.False(string.IsNullOrWhiteSpace(r.English));
        });
    }

    [Fact]
    public void A_code_outside_the_list_is_refused_as_a_reason()
    {
        var application = new Application(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ApplicationMethod.SelfApplication, null, "志望動機", Jst(2026, 11, 1));

        var refusal = Assert.Throws<DomainException>(() =>
            application.RegisterResult(ResultOutcome.NotHired, 99, false, null, null, ResultChannel.EmployerOnline, Jst(2026, 11, 5)));

        Assert.Equal("ReasonRequired", refusal.Code);
        Assert.Equal(ApplicationStatus.InSelection, application.Status);
    }

    [Fact]
    public void A_non_hire_with_reason_8_records_a_withdrawal()
    {
        var application = new Application(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ApplicationMethod.SelfApplication, null, "志望動機", Jst(2026, 11, 1));

        application.RegisterResult(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null, ResultChannel.EmployerOnline, Jst(2026, 11, 5));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(8, application.ReasonCode);
    }
}
