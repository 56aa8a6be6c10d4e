using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Jobseekers;

/// <summary>障害情報 of the jobseeker profile (REFERENCE.md registration screen 7, only when applicable): saved and cleared by its owner,
/// checked whole (R-ERR-1), never provided to agencies (R-AGY-2), never seen by another jobseeker or an employer the person did not choose
/// to tell (R-ACC-4), audited without its content.</summary>
public sealed class DisabilityTests
{
    private const string Accommodation = "聴覚障害のため、面接は筆談またはチャットでお願いします。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owner_saves_it_and_a_no_clears_every_field()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        Assert.Equal(DisabilityInfo.NotApplicable, (await profiles.ReadAsync(world.JobseekerActor1, Ct)).Disability);

        await profiles.UpdateDisabilityAsync(world.JobseekerActor1,
            new DisabilityInfo(true, DisabilityCertificate.Physical, " 4級 ", Accommodation), Ct);
        var saved = (await profiles.ReadAsync(world.JobseekerActor1, Ct)).Disability;
        Assert.Equal(new DisabilityInfo(true, DisabilityCertificate.Physical, "4級", Accommodation, DiscloseToEmployers: false), saved);

        await profiles.UpdateDisabilityAsync(world.JobseekerActor1, saved with { Applicable = false, DiscloseToEmployers = true }, Ct);
        Assert.Equal(DisabilityInfo.NotApplicable, (await profiles.ReadAsync(world.JobseekerActor1, Ct)).Disability);
        var stored = await world.WithDbAsync(db => db.Jobseekers.SingleAsync(j => j.Id == world.Jobseeker1.Id, Ct));
        Assert.Equal((false, DisabilityCertificate.Unstated, null, null, false),
            (stored.HasDisability, stored.DisabilityCertificate, stored.DisabilityGrade, stored.DisabilityAccommodation, stored.DisabilityDisclosed));

        // Both changes are audited, with nothing of the content.
        var audits = await world.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "JobseekerDisabilityUpdated").ToListAsync(Ct));
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Null(a.Detail));
        Assert.All(audits, a => Assert.Equal(world.Jobseeker1.Id, a.JobseekerId));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_field_and_nothing_changes()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        var actor = world.JobseekerActor1;
        var kept = new DisabilityInfo(true, DisabilityCertificate.MentalHealth, "2級", "通院のため月1回の休暇を希望します。", true);
        await profiles.UpdateDisabilityAsync(actor, kept, Ct);

        async Task RefusedAsync(DisabilityInfo bad, string code, string field)
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateDisabilityAsync(actor, bad, Ct));
            Assert.Equal((code, field), (e.Code, e.Field));
        }
        await RefusedAsync(new DisabilityInfo(true), "InvalidChoice", "DisabilityCertificate");
        await RefusedAsync(new DisabilityInfo(true, (DisabilityCertificate)42), "InvalidChoice", "DisabilityCertificate");
        await RefusedAsync(new DisabilityInfo(true, DisabilityCertificate.NoneOrApplying, "2級"), "DisabilityGradeWithoutCertificate", "DisabilityGrade");
        await RefusedAsync(new DisabilityInfo(true, DisabilityCertificate.Physical, new string('1', DisabilityInfo.MaxGrade + 1)), "TooLong", "DisabilityGrade");
        await RefusedAsync(new DisabilityInfo(true, DisabilityCertificate.Physical, "2\n級"), "InvalidCharacters", "DisabilityGrade");
        await RefusedAsync(new DisabilityInfo(true, DisabilityCertificate.Intellectual, null, new string('あ', DisabilityInfo.MaxAccommodation + 1)),
            "TooLong", "DisabilityAccommodation");
        await RefusedAsync(new DisabilityInfo(true, DisabilityCertificate.Intellectual, null, "配慮\u0007事項"), "InvalidCharacters", "DisabilityAccommodation");

        Assert.Equal(kept, (await profiles.ReadAsync(actor, Ct)).Disability);
        Assert.Equal(1, await world.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "JobseekerDisabilityUpdated", Ct)));
        // Exactly at the limits is fine.
        await profiles.UpdateDisabilityAsync(actor, new DisabilityInfo(true, DisabilityCertificate.NoneOrApplying, null,
            new string('あ', DisabilityInfo.MaxAccommodation)), Ct);
    }

    [Fact]
    public async Task Only_the_owner_reads_or_changes_it_and_agencies_never_receive_it()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        await profiles.UpdateDisabilityAsync(world.JobseekerActor1, new DisabilityInfo(true, DisabilityCertificate.Physical, "4級", Accommodation, true), Ct);
        await profiles.SetConsentAsync(world.JobseekerActor1, ProvisionConsent.LocalGovernmentsAndPrivate, Ct);

        Assert.Equal(DisabilityInfo.NotApplicable, (await profiles.ReadAsync(world.JobseekerActor2, Ct)).Disability);
        await Assert.ThrowsAsync<ScopeException>(() => profiles.UpdateDisabilityAsync(world.EmployerActor1, DisabilityInfo.NotApplicable, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => profiles.UpdateDisabilityAsync(world.StaffActor1, DisabilityInfo.NotApplicable, Ct));
        Assert.True((await profiles.ReadAsync(world.JobseekerActor1, Ct)).Disability.Applicable);

        // Provision to an agency the person consented to: the profile goes, the 障害情報 does not (in no form).
        var now = world.Clock.GetUtcNow();
        var agency = new Agency("文京区 就労支援課", AgencyKind.LocalGovernment, null, now);
        agency.Approve(now);
        await world.WithDbAsync(db => { db.Agencies.Add(agency); return db.SaveChangesAsync(Ct); });
        var providedProfiles = await new Provision(world.Ops, world.Tokens).ProfilesAsync(agency, 0, 100, Ct);
        Assert.Single(providedProfiles); // the profile is there, only anonymised (named by the agency's token, R-AGY-2)
        var provided = JsonSerializer.Serialize(providedProfiles,
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain(world.Jobseeker1.Id.ToString(), provided, StringComparison.OrdinalIgnoreCase);
        foreach (var sensitive in new[] { Accommodation, "4級", "Physical", "Disab", "障害" })
        {
            Assert.DoesNotContain(sensitive, provided, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_employer_sees_it_on_an_application_only_when_the_applicant_chose_to_disclose_it()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        var applicants = new EmployerApplicants(world.Ops);
        var id = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "応募します。", [],
            SelfApplicationAcknowledged: true), Ct);

        await profiles.UpdateDisabilityAsync(world.JobseekerActor1, new DisabilityInfo(true, DisabilityCertificate.Physical, "4級", Accommodation), Ct);
        Assert.Null((await applicants.DetailAsync(world.EmployerActor1, id, Ct))!.Disability); // the default: not disclosed

        await profiles.UpdateDisabilityAsync(world.JobseekerActor1, new DisabilityInfo(true, DisabilityCertificate.Physical, "4級", Accommodation, true), Ct);
        var shown = (await applicants.DetailAsync(world.EmployerActor1, id, Ct))!.Disability;
        Assert.Equal((DisabilityCertificate.Physical, "4級", Accommodation), (shown!.Certificate, shown.Grade, shown.Accommodation));
        await Assert.ThrowsAsync<ScopeException>(() => applicants.DetailAsync(world.EmployerActor2, id, Ct));

        // Withdrawing the disclosure (or answering "no") takes it back from the employer at once.
        await profiles.UpdateDisabilityAsync(world.JobseekerActor1, shown with { DiscloseToEmployers = false }, Ct);
        Assert.Null((await applicants.DetailAsync(world.EmployerActor1, id, Ct))!.Disability);
        await profiles.UpdateDisabilityAsync(world.JobseekerActor1, DisabilityInfo.NotApplicable, Ct);
        Assert.Null((await applicants.DetailAsync(world.EmployerActor1, id, Ct))!.Disability);
    }
}
