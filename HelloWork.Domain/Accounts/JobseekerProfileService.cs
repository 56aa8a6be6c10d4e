using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

/// <summary>What a jobseeker sees of their own registration (求職者情報). Nobody else's (R-ACC-4).</summary>
public sealed record JobseekerProfile(
    string Name,
    string Kana,
    DateOnly BirthDate,
    string? Phone,
    string? PostalCode,
    string? Address,
    JobseekerTier Tier,
    string? JobseekerNumber,
    bool RegistrationActive,
    DateOnly RegistrationValidUntil,
    bool RegistrationValid,
    ProvisionConsent Consent,
    bool ProfilePublic,
    JobseekerWishes Wishes,
    DateTimeOffset UpdatedAt,
    DisabilityInfo Disability);

/// <summary>
/// The jobseeker's own profile screens: the valid/invalid switch of the registration (R-ACC-2), the consent category for
/// information provision (R-AGY-2), the public-profile switch (R-SRC-3), wishes, qualifications, history, 障害情報, 自己PR and contact.
/// Every operation is scoped to the signed-in jobseeker (R-ACC-4) and every change is audited, without the changed
/// personal data in the audit entry.
/// </summary>
public sealed class JobseekerProfileService(Operations ops)
{
    public Task<JobseekerProfile> ReadAsync(Actor actor, CancellationToken ct = default)
    {
        var jobseekerId = actor.RequireJobseeker();
        return ops.ReadAsync(async db =>
        {
            var j = await db.Jobseekers.FirstOrDefaultAsync(x => x.Id == jobseekerId, ct) ?? throw new ScopeException("jobseeker profile");
            return new JobseekerProfile(j.Name, j.Kana, j.BirthDate, j.Phone, j.PostalCode, j.Address, j.Tier, j.JobseekerNumber,
                j.RegistrationActive, j.RegistrationValidUntil, j.IsRegistrationValid(ops.Clock.GetUtcNow()), j.Consent, j.ProfilePublic, j.Wishes, j.UpdatedAt,
                j.GetDisability());
        }, ct);
    }

    /// <summary>有効/無効の切替 (R-ACC-2). Switching back on after the validity date starts a new validity period.</summary>
    public Task SetRegistrationActiveAsync(Actor actor, bool active, CancellationToken ct = default) =>
        ChangeAsync(actor, "RegistrationSwitched", active ? "valid" : "invalid", (j, now) => j.SetRegistrationActive(active, now), ct);

    /// <summary>求職情報提供等: to whom the anonymised profile may be provided (R-AGY-2); takes effect on the next provision.</summary>
    public Task SetConsentAsync(Actor actor, ProvisionConsent consent, CancellationToken ct = default) =>
        ChangeAsync(actor, "ProvisionConsentChanged", consent.ToString(), (j, now) => j.SetConsent(consent, now), ct);

    /// <summary>求職情報の公開 (R-SRC-3).</summary>
    public Task SetProfilePublicAsync(Actor actor, bool isPublic, CancellationToken ct = default) =>
        ChangeAsync(actor, "ProfilePublicSwitched", isPublic ? "public" : "private", (j, now) => j.SetProfilePublic(isPublic, now), ct);

    public Task UpdateWishesAsync(Actor actor, JobseekerWishes wishes, CancellationToken ct = default) =>
        ChangeAsync(actor, "JobseekerWishesUpdated", null, (j, now) => j.UpdateWishes(wishes, now), ct);

    /// <summary>障害情報 (only when applicable). The audit entry names the change only: sensitive data never goes into the log.</summary>
    public Task UpdateDisabilityAsync(Actor actor, DisabilityInfo disability, CancellationToken ct = default) =>
        ChangeAsync(actor, "JobseekerDisabilityUpdated", null, (j, now) => j.UpdateDisability(disability, now), ct);

    public Task UpdateContactAsync(Actor actor, string? phone, string? postalCode, string? address, CancellationToken ct = default) =>
        ChangeAsync(actor, "JobseekerContactUpdated", null, (j, now) => j.UpdateContact(phone, postalCode, address, now), ct);

    private Task ChangeAsync(Actor actor, string action, string? detail, Action<Jobseeker, DateTimeOffset> change, CancellationToken ct) =>
        ops.RunAsync(actor, async w =>
        {
            var jobseekerId = actor.RequireJobseeker();
            var jobseeker = await w.Db.Jobseekers.FirstOrDefaultAsync(j => j.Id == jobseekerId, ct) ?? throw new ScopeException("jobseeker profile");
            change(jobseeker, w.Now);
            w.Audit(action, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, jobseeker.HomeOfficeId, detail);
        }, ct);
}
