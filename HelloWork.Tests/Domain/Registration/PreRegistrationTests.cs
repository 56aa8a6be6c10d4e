using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Registration;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Registration;

/// <summary>The 求職申込書 online (R-REG-1): red and orange checks, steps saved and resumed; 事前登録 completed at the counter from its
/// 受付番号 and online completion where the office allows it (R-REG-2); later changes audited (R-ACC-2); nobody else's (R-ACC-4).</summary>
public sealed class PreRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A person registered only online (HWIS), the one who fills in the form at home.</summary>
    private static async Task<Actor> NewHwisJobseekerAsync(DomainWorld world, string name = "山本 さくら", string kana = "ヤマモト サクラ")
    {
        var j = await world.ArrangeAsync(db =>
        {
            var jobseeker = new Jobseeker(name, kana, new DateOnly(1994, 7, 1), null, null, null, world.Now);
            db.Jobseekers.Add(jobseeker);
            return Task.FromResult(jobseeker);
        });
        return new Actor(Guid.NewGuid(), Roles.Jobseeker, name, JobseekerId: j.Id);
    }

    private static ApplicationForm Filled(DomainWorld world) => ApplicationForms.Filled(JapanTime.DateOf(world.Now));

    private static Task FillAllStepsAsync(PreRegistrationService service, Actor actor, ApplicationForm form) =>
        ApplicationForms.FillAllStepsAsync(service, actor, form, Ct);

    [Fact]
    public async Task Red_findings_refuse_the_step_and_nothing_is_saved_R_REG_1()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = new PreRegistrationService(world.Ops);
        var actor = await NewHwisJobseekerAsync(world);
        var good = Filled(world);
        Assert.True((await service.SaveStepAsync(actor, ApplicationSteps.Career, good, finish: false, warningsConfirmed: false, Ct)).Saved);

        // A 職歴 that ends before it starts, and one in the future: red, and the saved 職歴 is the one before.
        var reversed = good with
        {
            Wishes = good.Wishes with
            {
                Career = [new CareerEntry(new DateOnly(2020, 4, 1), new DateOnly(2019, 3, 1), "株式会社ひかり", "営業", CareerEmploymentType.Regular, LeavingReason.PersonalReasons)],
            },
        };
        var refused = await service.SaveStepAsync(actor, ApplicationSteps.Career, reversed, finish: false, warningsConfirmed: true, Ct);
        Assert.False(refused.Saved);
        Assert.Contains(refused.Findings, f => f.Field == "Career.0.To" && f.Code == ErrorCodes.DateRangeReversed && f.IsWrong);
        Assert.Equal(good.Wishes.Career, (await service.ReadAsync(actor, Ct)).Form.Wishes.Career);

        // Four occupations: more than the form's three.
        var four = good with { Wishes = good.Wishes with { MoreOccupations = ["経理事務", "受付", "営業事務"] } };
        var tooMany = await service.SaveStepAsync(actor, ApplicationSteps.Occupation, four, finish: false, warningsConfirmed: true, Ct);
        Assert.False(tooMany.Saved);
        Assert.Contains(tooMany.Findings, f => f.Field == "MoreOccupations" && f.Code == ErrorCodes.TooManyChoices && f.Limit == 3);

        // 在職中 with an end month contradicts itself.
        var stillEmployedEnded = good with
        {
            Wishes = good.Wishes with
            {
                Career = [new CareerEntry(new DateOnly(2020, 4, 1), new DateOnly(2021, 3, 1), "株式会社ひかり", "営業", CareerEmploymentType.Regular, LeavingReason.StillEmployed)],
            },
        };
        Assert.Contains((await service.SaveStepAsync(actor, ApplicationSteps.Career, stillEmployedEnded, false, true, Ct)).Findings,
            f => f.Field == "Career.0.Reason" && f.Code == ErrorCodes.LeavingReasonMismatch);

        // The profile page's own save path follows the same rules: the lists are checked in one place.
        var viaProfile = await Assert.ThrowsAsync<DomainException>(() =>
            new JobseekerProfileService(world.Ops).UpdateWishesAsync(actor, reversed.Wishes, Ct));
        Assert.Equal(("Career.0.To", ErrorCodes.DateRangeReversed), (viaProfile.Field, viaProfile.Code));
        Assert.Equal(good.Wishes.Career, (await service.ReadAsync(actor, Ct)).Form.Wishes.Career);
    }

    [Fact]
    public async Task A_draft_keeps_a_step_with_required_entries_missing_but_next_refuses_it_R_REG_1()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = new PreRegistrationService(world.Ops);
        var actor = await NewHwisJobseekerAsync(world);
        var partial = Filled(world) with { Wishes = new JobseekerWishes { DesiredHours = "午前のみ" } };

        var next = await service.SaveStepAsync(actor, ApplicationSteps.Occupation, partial, finish: true, warningsConfirmed: false, Ct);
        Assert.False(next.Saved);
        Assert.Contains(next.Findings, f => f.Field == "DesiredOccupation" && f.Missing);

        var draft = await service.SaveStepAsync(actor, ApplicationSteps.Occupation, partial, finish: false, warningsConfirmed: false, Ct);
        Assert.True(draft.Saved);
        Assert.False(draft.Done);
        var mine = await service.ReadAsync(actor, Ct);
        Assert.Equal("午前のみ", mine.Form.Wishes.DesiredHours); // resumed later from here
        Assert.False(mine.IsDone(ApplicationSteps.Occupation));

        // A step saves only its own fields: the occupation step does not touch the contact details or the wage.
        Assert.Null(mine.Form.Phone);
        Assert.Null(mine.Form.Wishes.DesiredMonthlyWage);
    }

    [Fact]
    public async Task Orange_findings_are_saved_and_the_step_is_done_only_once_confirmed_R_REG_1()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = new PreRegistrationService(world.Ops);
        var actor = await NewHwisJobseekerAsync(world);
        var form = Filled(world);

        var noCareer = form with { Wishes = form.Wishes with { Career = [] } };
        var unconfirmed = await service.SaveStepAsync(actor, ApplicationSteps.Career, noCareer, finish: true, warningsConfirmed: false, Ct);
        Assert.True(unconfirmed.Saved);
        Assert.False(unconfirmed.Done);
        Assert.Contains(unconfirmed.Findings, f => f.Level == FindingLevel.Warning && f.Code == "NoCareer");
        Assert.True((await service.SaveStepAsync(actor, ApplicationSteps.Career, noCareer, finish: true, warningsConfirmed: true, Ct)).Done);

        // Overlapping jobs, a wage with an extra zero and a 受給資格 decided over a year ago: orange, never red.
        var overlap = form with
        {
            Wishes = form.Wishes with
            {
                Career = [form.Wishes.Career[0], form.Wishes.Career[1] with { From = new DateOnly(2021, 4, 1) }],
                DesiredMonthlyWage = 2_400_000,
            },
            Benefit = new BenefitEligibility(true, 120, JapanTime.DateOf(world.Now).AddDays(-400)),
        };
        Assert.Contains((await service.SaveStepAsync(actor, ApplicationSteps.Career, overlap, true, false, Ct)).Findings,
            f => f.Level == FindingLevel.Warning && f.Field == "Career.1.From" && f.Code == "CareerOverlap");
        Assert.Contains((await service.SaveStepAsync(actor, ApplicationSteps.PlaceAndWage, overlap, true, false, Ct)).Findings,
            f => f.Level == FindingLevel.Warning && f.Code == "WageToConfirm");
        var benefit = await service.SaveStepAsync(actor, ApplicationSteps.Benefit, overlap, true, false, Ct);
        Assert.True(benefit.Saved);
        Assert.Contains(benefit.Findings, f => f.Level == FindingLevel.Warning && f.Code == "BenefitPeriodMayHaveEnded");
        Assert.Equal(120, (await service.ReadAsync(actor, Ct)).Form.Benefit.PrescribedDays); // the lead's BenefitEligibility, on the jobseeker
    }

    [Fact]
    public async Task Staff_of_the_chosen_office_complete_it_at_the_counter_from_the_receipt_number_without_retyping_R_REG_2_R_ACC_4()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = new PreRegistrationService(world.Ops);
        var actor = await NewHwisJobseekerAsync(world);
        var form = Filled(world);
        await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync(actor, world.Office1.Id, Ct)); // nothing filled in yet
        await FillAllStepsAsync(service, actor, form);

        var sent = await service.SubmitAsync(actor, world.Office1.Id, Ct);
        Assert.Matches(@"^\d{4}-\d{4}$", sent.ReceiptNumber);
        Assert.Null(sent.JobseekerNumber); // office 13010 completes at the counter
        Assert.Equal(PreRegistrationStatus.Submitted, (await service.ReadAsync(actor, Ct)).Status);
        Assert.Single(await world.WithDbAsync(db => db.Notices.Where(n => n.Recipient == Recipients.Office(world.Office1.Id)
            && n.Kind == NoticeKind.JobApplicationSubmitted).ToListAsync(Ct)));

        // Found by number and by name at office 13010; staff of office 27010 neither find nor open it (R-ACC-4).
        Assert.Equal(sent.ReceiptNumber, Assert.Single(await service.FindAsync(world.StaffActor1, sent.ReceiptNumber, Ct)).ReceiptNumber);
        Assert.Single(await service.FindAsync(world.StaffActor1, "山本さくら", Ct));
        Assert.Empty(await service.FindAsync(world.StaffActor2, sent.ReceiptNumber, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.OpenAsync(world.StaffActor2, sent.ReceiptNumber, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.CompleteAtCounterAsync(world.StaffActor2, sent.ReceiptNumber, true, IdentityDocument.DriversLicence, Ct));
        Assert.DoesNotContain(await service.QueueAsync(world.StaffActor2, Ct), q => q.ReceiptNumber == sent.ReceiptNumber);

        var opened = await service.OpenAsync(world.StaffActor1, sent.ReceiptNumber, Ct);
        Assert.Equal(form.Wishes.Career, opened.Form.Wishes.Career);

        // Identity first: without the check, or without the document, nothing changes.
        var unchecked_ = await Assert.ThrowsAsync<DomainException>(() => service.CompleteAtCounterAsync(world.StaffActor1, sent.ReceiptNumber, false, IdentityDocument.DriversLicence, Ct));
        Assert.Equal((ErrorCodes.IdentityNotChecked, "IdentityChecked"), (unchecked_.Code, unchecked_.Field));
        await Assert.ThrowsAsync<DomainException>(() => service.CompleteAtCounterAsync(world.StaffActor1, sent.ReceiptNumber, true, null, Ct));
        Assert.Equal(JobseekerTier.HwisOnly, (await service.ReadAsync(actor, Ct)).Tier);

        var number = await service.CompleteAtCounterAsync(world.StaffActor1, sent.ReceiptNumber, true, IdentityDocument.MyNumberCard, Ct);
        Assert.StartsWith("13010-9", number);
        var mine = await service.ReadAsync(actor, Ct);
        Assert.Equal((JobseekerTier.Full, number, PreRegistrationStatus.Completed), (mine.Tier, mine.JobseekerNumber, mine.Status));
        Assert.Equal(JsonSerializer.Serialize(form.Wishes), JsonSerializer.Serialize(mine.Form.Wishes)); // what was typed at home is the registration: nothing retyped
        Assert.Equal(form.Benefit, mine.Form.Benefit);
        await Assert.ThrowsAsync<DomainException>(() => service.CompleteAtCounterAsync(world.StaffActor1, sent.ReceiptNumber, true, IdentityDocument.MyNumberCard, Ct));

        var audit = await world.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains(AuditActions.JobApplicationSubmitted, audit);
        Assert.Contains(AuditActions.JobApplicationViewed, audit);
        Assert.Contains(AuditActions.JobApplicationCompletedAtCounter, audit);
        Assert.Contains(AuditActions.JobseekerRegisteredAtOffice, audit);
    }

    [Fact]
    public async Task Where_the_office_allows_it_the_form_completes_online_and_issues_a_jobseeker_number_R_REG_2()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = new PreRegistrationService(world.Ops);
        var supervisor = world.StaffActor2 with { IsSupervisor = true };

        // Only a supervisor of the office (or an administrator) changes the setting.
        await Assert.ThrowsAsync<ScopeException>(() => service.SetOnlineCompletionAsync(world.StaffActor2, world.Office2.Id, true, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.SetOnlineCompletionAsync(supervisor, world.Office1.Id, true, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.SetOnlineCompletionAsync(world.EmployerActor1, world.Office2.Id, true, Ct));
        await service.SetOnlineCompletionAsync(supervisor, world.Office2.Id, true, Ct);
        Assert.True(await service.CompletesOnlineAsync(world.StaffActor2, Ct));

        var actor = await NewHwisJobseekerAsync(world, "中村 大和", "ナカムラ ヤマト");
        await FillAllStepsAsync(service, actor, Filled(world));
        var sent = await service.SubmitAsync(actor, world.Office2.Id, Ct);
        Assert.NotNull(sent.JobseekerNumber);
        Assert.StartsWith("27010-9", sent.JobseekerNumber);
        var mine = await service.ReadAsync(actor, Ct);
        Assert.Equal((JobseekerTier.Full, true, PreRegistrationStatus.Completed), (mine.Tier, mine.CompletedOnline, mine.Status));

        var line = Assert.Single(await service.QueueAsync(world.StaffActor2, Ct), q => q.ReceiptNumber == sent.ReceiptNumber);
        Assert.True(line.CompletedOnline);
        Assert.Equal(sent.JobseekerNumber, line.JobseekerNumber);
        Assert.Empty(await service.QueueAsync(world.StaffActor1, Ct)); // another office's queue does not show it (R-ACC-4)
        Assert.Contains(await world.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.JobApplicationCompleted).Select(n => n.Recipient).ToListAsync(Ct)),
            r => r == Recipients.User(actor.UserId));
        await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync(actor, world.Office2.Id, Ct)); // once only
    }

    [Fact]
    public async Task Nobody_but_the_person_reads_or_changes_the_form_and_later_changes_are_audited_R_ACC_2_R_ACC_4()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = new PreRegistrationService(world.Ops);
        var actor = await NewHwisJobseekerAsync(world);
        var form = Filled(world);
        await service.SaveStepAsync(actor, ApplicationSteps.Career, form, false, false, Ct);

        await Assert.ThrowsAsync<ScopeException>(() => service.ReadAsync(world.EmployerActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.ReadAsync(world.StaffActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.SaveStepAsync(world.StaffActor1, ApplicationSteps.Career, form, false, false, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.QueueAsync(world.EmployerActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.QueueAsync(world.JobseekerActor1, Ct));
        Assert.DoesNotContain((await service.ReadAsync(world.JobseekerActor2, Ct)).Form.Wishes.Career, c => c.EmployerName == "株式会社さくら商事");

        // A registered person changes the 職歴 later through the same step; each change is audited without the data (R-AUD-1).
        var before = await world.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.JobApplicationStepSaved, Ct));
        var changed = form with { Wishes = form.Wishes with { Career = [.. form.Wishes.Career.Take(1)] } };
        Assert.True((await service.SaveStepAsync(world.JobseekerActor1, ApplicationSteps.Career, changed, true, true, Ct)).Done);
        var entries = await world.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.JobApplicationStepSaved).ToListAsync(Ct));
        Assert.Equal(before + 1, entries.Count);
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("さくら商事", StringComparison.Ordinal));
        Assert.Single((await service.ReadAsync(world.JobseekerActor1, Ct)).Form.Wishes.Career);
    }
}
