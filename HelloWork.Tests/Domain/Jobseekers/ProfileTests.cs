using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Jobseekers;

/// <summary>The jobseeker's own profile (求職者情報): R-ACC-2 switch, R-AGY-2 consent, R-SRC-3 public switch, wishes and contact; scope (R-ACC-4) and bad input (R-ERR-1).</summary>
public sealed class ProfileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jobseeker2_cannot_read_or_change_jobseeker1s_profile()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);

        var mine = await profiles.ReadAsync(world.JobseekerActor2, Ct);
        Assert.Equal("田中 蓮", mine.Name); // jobseeker 2 reads only their own
        await profiles.SetConsentAsync(world.JobseekerActor2, ProvisionConsent.PrivateOnly, Ct);
        await profiles.UpdateContactAsync(world.JobseekerActor2, "090-3333-4444", null, null, Ct);

        var one = await profiles.ReadAsync(world.JobseekerActor1, Ct);
        Assert.Equal(ProvisionConsent.None, one.Consent);
        Assert.Equal("090-1111-2222", one.Phone);
        Assert.Equal("佐藤 結衣", one.Name);
        Assert.NotNull(one.JobseekerNumber);
        Assert.Equal(JobseekerTier.Full, one.Tier);

        // Other roles have no jobseeker profile at all.
        await Assert.ThrowsAsync<ScopeException>(() => profiles.ReadAsync(world.EmployerActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => profiles.SetRegistrationActiveAsync(world.StaffActor1, false, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => profiles.UpdateContactAsync(world.EmployerActor1, "03-1234-5678", null, null, Ct));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_field_and_nothing_is_saved()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        var actor = world.JobseekerActor1;
        var before = await profiles.ReadAsync(actor, Ct);
        var audits = await world.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));

        var wage = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateWishesAsync(actor,
            new JobseekerWishes { DesiredOccupation = "一般事務", Qualifications = "簿記2級", DesiredMonthlyWage = -1 }, Ct));
        Assert.Equal(nameof(JobseekerWishes.DesiredMonthlyWage), wage.Field);
        var pr = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateWishesAsync(actor,
            new JobseekerWishes { DesiredOccupation = "一般事務", SelfPr = new string('あ', 2001) }, Ct));
        Assert.Equal(("TooLong", nameof(JobseekerWishes.SelfPr)), (pr.Code, pr.Field));
        var pref = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateWishesAsync(actor,
            new JobseekerWishes { DesiredPrefecture = "東京" }, Ct));
        Assert.Equal(nameof(JobseekerWishes.DesiredPrefecture), pref.Field);
        var zip = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateContactAsync(actor, "03-9999-0000", "1130", "東京都", Ct));
        Assert.Equal(("PostalCodeFormat", "PostalCode"), (zip.Code, zip.Field));
        var phone = await Assert.ThrowsAsync<DomainException>(() => profiles.UpdateContactAsync(actor, "<b>090</b>", null, null, Ct));
        Assert.Equal("Phone", phone.Field);
        await Assert.ThrowsAsync<DomainException>(() => profiles.SetConsentAsync(actor, (ProvisionConsent)9, Ct));

        var after = await profiles.ReadAsync(actor, Ct);
        Assert.Equal(before, after with { Wishes = before.Wishes });
        Assert.Equal(before.Wishes, after.Wishes);
        Assert.Equal(audits, await world.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Consent_change_takes_effect_on_the_next_provision_and_is_audited()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        var now = world.Clock.GetUtcNow();
        var local = new Agency("文京区 就労支援課", AgencyKind.LocalGovernment, null, now);
        var priv = new Agency("株式会社キャリアブリッジ", AgencyKind.PrivatePaid, "13-ユ-300001", now);
        local.Approve(now);
        priv.Approve(now);
        await world.WithDbAsync(db => { db.Agencies.AddRange(local, priv); return db.SaveChangesAsync(Ct); });
        var provision = new Provision(world.Ops, world.Tokens);
        Assert.Empty(await provision.ProfilesAsync(local, 0, 100, Ct)); // 提供しない is the default

        await profiles.UpdateWishesAsync(world.JobseekerActor1, new JobseekerWishes
        {
            DesiredOccupation = "一般事務", DesiredPrefecture = "東京都", DesiredMonthlyWage = 220_000, DesiredEmploymentType = "正社員",
            DesiredHours = "9:00〜17:00", Qualifications = "日商簿記2級", Experience = "経理事務 5年", WorkHistory = "2015-2020 株式会社A",
        }, Ct);
        await profiles.SetConsentAsync(world.JobseekerActor1, ProvisionConsent.LocalGovernmentsOnly, Ct);

        var provided = Assert.Single(await provision.ProfilesAsync(local, 0, 100, Ct));
        Assert.Equal(("一般事務", 220_000), (provided.DesiredOccupation, provided.DesiredMonthlyWage));
        Assert.Empty(await provision.ProfilesAsync(priv, 0, 100, Ct));

        await profiles.SetConsentAsync(world.JobseekerActor1, ProvisionConsent.PrivateOnly, Ct);
        Assert.Empty(await provision.ProfilesAsync(local, 0, 100, Ct));
        Assert.Single(await provision.ProfilesAsync(priv, 0, 100, Ct));

        var actions = await world.WithDbAsync(db => db.AuditEntries.Where(a => a.JobseekerId == world.Jobseeker1.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        // Each provision of the profile to an agency is audited too, for the jobseeker's access log (R-AUD-1).
        Assert.Equal(["JobseekerWishesUpdated", "ProvisionConsentChanged", "ProfileProvided", "ProvisionConsentChanged", "ProfileProvided"], actions);
    }

    [Fact]
    public async Task The_registration_switch_and_public_switch_are_the_persons_own_and_an_expired_registration_restarts()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new JobseekerProfileService(world.Ops);
        var actor = world.JobseekerActor1;
        var start = await profiles.ReadAsync(actor, Ct);
        Assert.True(start.RegistrationValid);
        Assert.Equal(new DateOnly(2027, 1, 31), start.RegistrationValidUntil); // end of the month after next

        await profiles.SetRegistrationActiveAsync(actor, false, Ct);
        Assert.False((await profiles.ReadAsync(actor, Ct)).RegistrationValid);
        await profiles.SetProfilePublicAsync(actor, true, Ct);
        Assert.True((await profiles.ReadAsync(actor, Ct)).ProfilePublic);

        world.Clock.Advance(TimeSpan.FromDays(90)); // past the validity date
        await profiles.SetRegistrationActiveAsync(actor, true, Ct);
        var again = await profiles.ReadAsync(actor, Ct);
        Assert.True(again.RegistrationValid);
        Assert.Equal(new DateOnly(2027, 4, 30), again.RegistrationValidUntil);
    }
}
