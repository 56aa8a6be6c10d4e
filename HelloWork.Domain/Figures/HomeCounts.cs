using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Figures;

public sealed record JobseekerHomeCounts(string Name, JobseekerTier Tier, string? JobseekerNumber, bool RegistrationValid, DateOnly ValidUntil,
    int ProposedReferrals, int ActiveApplications, int UnreadMessages, int Favourites, int SavedSearches, int OpenRequests);

public sealed record EmployerHomeCounts(string EstablishmentName, string EstablishmentNumber, EstablishmentStatus Status, int Published, int Submitted,
    int Returned, int Drafts, int ApplicantsInSelection, int ApplicationsToday, int UnreadMessages);

public sealed record StaffHomeCounts(string OfficeName, string OfficeCode, int AwaitingReview, int EstablishmentsAwaiting, int ImagesAwaiting,
    int ReferralsAwaiting, int ReferralsEstablishedThisMonth, int ResultsThisMonth);

public sealed record AgencyHomeCounts(string AgencyName, AgencyKind Kind, AgencyStatus Status, int OffersProvided, int ProfilesProvided, int UnreadReplies);

public sealed record AdminHomeCounts(int Users, int PendingAgencies, int Offices, int Establishments);

/// <summary>The counts on each role's home page, each within the caller's scope (R-ACC-4).</summary>
public sealed class HomeCounts(Operations ops)
{
    public Task<JobseekerHomeCounts> ForJobseekerAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var id = actor.RequireJobseeker();
        var now = ops.Clock.GetUtcNow();
        var js = await db.Jobseekers.FirstAsync(j => j.Id == id, ct);
        var proposed = await db.Referrals.CountAsync(r => r.JobseekerId == id && r.Status == ReferralStatus.Proposed && r.Deadline > now, ct);
        var active = await db.Applications.CountAsync(a => a.JobseekerId == id && a.Status == ApplicationStatus.InSelection, ct);
        var unread = await db.Messages.CountAsync(m => m.ReadAt == null && m.From == MessageSide.Employer
            && db.Applications.Any(a => a.Id == m.ApplicationId && a.JobseekerId == id), ct);
        var favourites = await db.Favourites.CountAsync(f => f.JobseekerId == id, ct);
        var saved = await db.SavedSearches.CountAsync(s => s.JobseekerId == id, ct);
        var requests = await db.DirectRequests.CountAsync(r => r.JobseekerId == id && r.Status == Search.DirectRequestStatus.Sent, ct);
        return new JobseekerHomeCounts(js.Name, js.Tier, js.JobseekerNumber, js.IsRegistrationValid(now), js.RegistrationValidUntil,
            proposed, active, unread, favourites, saved, requests);
    }, ct);

    public Task<EmployerHomeCounts> ForEmployerAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var id = actor.RequireEstablishment();
        var now = ops.Clock.GetUtcNow();
        var today = JapanTime.Today(ops.Clock);
        var est = await db.Establishments.FirstAsync(e => e.Id == id, ct);
        var byStatus = await db.JobOffers.Where(o => o.EstablishmentId == id).GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var published = await db.JobOffers.CountAsync(o => o.EstablishmentId == id && o.Status == OfferStatus.Published && o.ValidUntil >= today, ct);
        var inSelection = await db.Applications.CountAsync(a => a.EstablishmentId == id && a.Status == ApplicationStatus.InSelection, ct);
        var startOfDay = JapanTime.StartOf(today);
        var todayCount = await db.Applications.CountAsync(a => a.EstablishmentId == id && a.AppliedAt >= startOfDay, ct);
        var unread = await db.Messages.CountAsync(m => m.ReadAt == null && m.From == MessageSide.Jobseeker
            && db.Applications.Any(a => a.Id == m.ApplicationId && a.EstablishmentId == id), ct);
        return new EmployerHomeCounts(est.Name, est.Number, est.Status, published, byStatus.GetValueOrDefault(OfferStatus.Submitted),
            byStatus.GetValueOrDefault(OfferStatus.Returned), byStatus.GetValueOrDefault(OfferStatus.Draft), inSelection, todayCount, unread);
    }, ct);

    public Task<StaffHomeCounts> ForStaffAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var now = ops.Clock.GetUtcNow();
        var today = JapanTime.Today(ops.Clock);
        var monthStart = JapanTime.StartOf(new DateOnly(today.Year, today.Month, 1));
        var office = await db.Offices.FirstAsync(o => o.Id == officeId, ct);
        var review = await db.JobOffers.CountAsync(o => o.Status == OfferStatus.Submitted
            && db.Establishments.Any(e => e.Id == o.EstablishmentId && e.OfficeId == officeId), ct);
        var establishments = await db.Establishments.CountAsync(e => e.OfficeId == officeId && e.Status == EstablishmentStatus.Provisional, ct);
        var images = await ImageReviewService.PendingOf(db, officeId).CountAsync(ct);
        var awaiting = await db.Referrals.CountAsync(r => r.OfficeId == officeId && r.Status == ReferralStatus.Proposed && r.Deadline > now, ct);
        var established = await db.Referrals.CountAsync(r => r.OfficeId == officeId && r.Status == ReferralStatus.Established && r.EstablishedAt >= monthStart, ct);
        var results = await db.Applications.CountAsync(a => a.ResultRegisteredAt >= monthStart
            && db.JobOffers.Any(o => o.Id == a.JobOfferId && o.AcceptingOfficeId == officeId), ct);
        return new StaffHomeCounts(office.Name, office.Code, review, establishments, images, awaiting, established, results);
    }, ct);

    public Task<AgencyHomeCounts> ForAgencyAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var id = actor.RequireAgency();
        var today = JapanTime.Today(ops.Clock);
        var agency = await db.Agencies.FirstAsync(a => a.Id == id, ct);
        var offers = await db.JobOffers.CountAsync(o => o.Status == OfferStatus.Published && o.ValidUntil >= today, ct);
        var profiles = agency.Status == AgencyStatus.Approved ? await Provision.Covered(db, agency).CountAsync(ct) : 0;
        var replies = await db.GuidanceMessages.CountAsync(m => m.AgencyId == id && m.FromJobseeker && m.ReadAt == null, ct);
        return new AgencyHomeCounts(agency.Name, agency.Kind, agency.Status, agency.Status == AgencyStatus.Approved ? offers : 0, profiles, replies);
    }, ct);

    public Task<AdminHomeCounts> ForAdminAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            throw new ScopeException("administration");
        }
        return ops.ReadAsync(async db => new AdminHomeCounts(await db.Users.CountAsync(ct), await db.Agencies.CountAsync(a => a.Status == AgencyStatus.Pending, ct),
            await db.Offices.CountAsync(ct), await db.Establishments.CountAsync(ct)), ct);
    }
}
