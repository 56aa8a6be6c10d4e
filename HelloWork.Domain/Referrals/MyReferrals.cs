using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Referrals;

/// <summary>One online referral as its jobseeker sees it (R-REF-3/4).</summary>
public sealed record MyReferralView(Guid Id, Guid JobOfferId, string JobNumber, string Title, string? EmployerName, string OfficeName, string StaffName,
    DateTimeOffset SentAt, DateTimeOffset Deadline, ReferralStatus Status, bool OfferOpen, bool AcceptsDocuments, Guid? ApplicationId);

/// <summary>Why a jobseeker does or does not receive online referrals (R-ACC-1/2).</summary>
public enum ReferralAvailability
{
    Available = 0,

    /// <summary>オンライン登録者: register at a Hello Work office first.</summary>
    HwisOnly = 1,

    /// <summary>The person switched the registration off, or it has lapsed (R-ACC-2).</summary>
    RegistrationInvalid = 2,
}

public sealed record MyReferrals(ReferralAvailability Availability, IReadOnlyList<MyReferralView> Items);

/// <summary>The referral board of a jobseeker's mypage: their own referrals only (R-ACC-4), proposals first by deadline.</summary>
public sealed class MyReferralsQuery(Operations ops)
{
    public Task<MyReferrals> ListAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var now = ops.Clock.GetUtcNow();
        var js = await db.Jobseekers.FirstAsync(j => j.Id == jobseekerId, ct);
        var availability = js.Tier != JobseekerTier.Full ? ReferralAvailability.HwisOnly
            : !js.IsRegistrationValid(now) ? ReferralAvailability.RegistrationInvalid : ReferralAvailability.Available;
        var viewer = new SearchViewer(jobseekerId, js.Tier == JobseekerTier.Full, false, false, null);
        var rows = await (from r in db.Referrals
                          join o in db.JobOffers on r.JobOfferId equals o.Id
                          join f in db.Offices on r.OfficeId equals f.Id
                          where r.JobseekerId == jobseekerId && r.Kind == ReferralKind.Online
                          orderby r.SentAt descending
                          select new { r, o.JobNumber, o.Title, o.EstablishmentName, o.EstablishmentId, o.Scope, o.AcceptsDocuments, o.Status, o.ValidUntil, Office = f.Name })
            .Take(200).ToListAsync(ct);
        var today = JapanTime.DateOf(now);
        var items = rows.Select(x => new MyReferralView(x.r.Id, x.r.JobOfferId, x.JobNumber ?? "", x.Title,
                viewer.ShowsName(x.Scope, x.EstablishmentId) ? x.EstablishmentName : null, x.Office, x.r.StaffName, x.r.SentAt, x.r.Deadline,
                x.r.StatusAt(now), x.Status == OfferStatus.Published && x.ValidUntil >= today, x.AcceptsDocuments, x.r.ApplicationId))
            .OrderBy(v => v.Status == ReferralStatus.Proposed ? 0 : 1).ThenBy(v => v.Status == ReferralStatus.Proposed ? v.Deadline : DateTimeOffset.MaxValue)
            .ToList();
        return new MyReferrals(availability, items);
    }, ct);
}
