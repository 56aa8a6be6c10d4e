using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

/// <summary>What staff see of a jobseeker they looked up (personal data: the look-up is audited, R-AUD-1).</summary>
public sealed record JobseekerCard(Guid JobseekerId, string Name, string Kana, DateOnly BirthDate, int Age, JobseekerTier Tier, string? JobseekerNumber,
    string? HomeOfficeName, bool InOwnOffice, bool RegistrationValid, DateOnly RegistrationValidUntil, string DesiredOccupation, string DesiredPrefecture);

/// <summary>
/// Staff find a jobseeker by the mypage's e-mail address and register an HWIS-only registrant at their office, which makes the
/// mypage full: a jobseeker number and a home office (R-ACC-1). Every look-up is recorded, and one outside the caller's office
/// says so (R-AUD-1).
/// </summary>
public sealed class OfficeRegistration(Operations ops)
{
    public Task<JobseekerCard?> FindByEmailAsync(Actor actor, string email, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var normalized = Text.Require(email, "Email", 256).ToUpperInvariant();
        var jobseekerId = await w.Db.Users.Where(u => u.NormalizedEmail == normalized && u.JobseekerId != null).Select(u => u.JobseekerId).FirstOrDefaultAsync(ct);
        if (jobseekerId is not { } id)
        {
            w.Audit(AuditActions.JobseekerLookupNoMatch, nameof(Jobseeker), Guid.Empty, detail: "email");
            return null;
        }
        var card = await CardAsync(w, id, officeId, ct);
        w.Audit(card.InOwnOffice ? "JobseekerViewed" : "JobseekerOutsideOfficeViewed", nameof(Jobseeker), id, id, detail: "email");
        return card;
    }, ct);

    /// <summary>A jobseeker chosen from matching suggestions or the board; audited like a look-up.</summary>
    public Task<JobseekerCard?> ViewAsync(Actor actor, Guid jobseekerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        if (!await w.Db.Jobseekers.AnyAsync(j => j.Id == jobseekerId, ct))
        {
            return null;
        }
        var card = await CardAsync(w, jobseekerId, officeId, ct);
        w.Audit(card.InOwnOffice ? "JobseekerViewed" : "JobseekerOutsideOfficeViewed", nameof(Jobseeker), jobseekerId, jobseekerId);
        return (JobseekerCard?)card;
    }, ct);

    /// <summary>求職登録 at the caller's office (R-ACC-1): HWIS-only → full, with a jobseeker number of this office.</summary>
    public Task<string> RegisterAtOfficeAsync(Actor actor, Guid jobseekerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var jobseeker = await w.Db.Jobseekers.FirstOrDefaultAsync(j => j.Id == jobseekerId, ct) ?? throw new DomainException(ErrorCodes.JobseekerNotFound);
        var office = await w.Db.Offices.FirstAsync(o => o.Id == officeId, ct);
        jobseeker.RegisterAtOffice(office, w.Now);
        w.Audit(AuditActions.JobseekerRegisteredAtOffice, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, detail: jobseeker.JobseekerNumber);
        return jobseeker.JobseekerNumber!;
    }, ct);

    private static async Task<JobseekerCard> CardAsync(Work w, Guid id, Guid officeId, CancellationToken ct)
    {
        var j = await w.Db.Jobseekers.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var officeName = j.HomeOfficeId is { } home ? await w.Db.Offices.Where(o => o.Id == home).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        return new JobseekerCard(j.Id, j.Name, j.Kana, j.BirthDate, j.AgeOn(JapanTime.DateOf(w.Now)), j.Tier, j.JobseekerNumber, officeName,
            j.HomeOfficeId == officeId, j.IsRegistrationValid(w.Now), j.RegistrationValidUntil, j.Wishes.DesiredOccupation, j.Wishes.DesiredPrefecture);
    }
}
