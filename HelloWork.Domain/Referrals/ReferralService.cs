using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Referrals;

public sealed record ReferralInput(Guid JobOfferId, Guid JobseekerId, EmployerConfirmation Confirmation, string? ConfirmationNote, DateOnly? Deadline = null);

/// <summary>Online Hello Work referral by staff (R-REF-1..3) and counter referral (R-APP-1).</summary>
public sealed class ReferralService(Operations ops)
{
    /// <summary>Sends an offer to a full jobseeker's mypage with an application deadline (default 7 days, R-REF-3). Refused for an
    /// HWIS-only or invalid registration (R-ACC-1/2), an offer that is not open or expires before the deadline, and a second live
    /// referral or a live application for the same pair.</summary>
    public Task<Guid> SendAsync(Actor actor, ReferralInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var (offer, jobseeker) = await CheckPairAsync(w, input, ct);
        var deadline = input.Deadline is { } date ? JapanTime.EndOf(date) : w.Now + Referral.DefaultApplicationPeriod;
        if (deadline > JapanTime.EndOf(offer.ValidUntil!.Value))
        {
            throw new DomainException(ErrorCodes.DeadlineAfterValidity, nameof(input.Deadline));
        }
        var referral = new Referral(offer.Id, jobseeker.Id, officeId, actor.UserId, actor.Name, ReferralKind.Online, input.Confirmation,
            input.ConfirmationNote, w.Now, deadline, offer.Version);
        w.Db.Referrals.Add(referral);
        jobseeker.ExtendOnActivity(w.Now);
        var userIds = await w.Db.Users.Where(u => u.JobseekerId == jobseeker.Id).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in userIds)
        {
            await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.ReferralProposed, referral.Id, new Dictionary<string, string>
                {
                    [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "",
                    [NoticeArg.Date] = NoticeArg.DateValue(JapanTime.DateOf(deadline.AddTicks(-1))),
                }, ct);
        }
        await w.Notices.AddAsync(Recipients.Office(officeId), NoticeKind.ReferralSent, referral.Id,
            new Dictionary<string, string> { [NoticeArg.JobNumber] = offer.JobNumber ?? "" }, ct);
        w.Audit(AuditActions.ReferralSent, nameof(Referral), referral.Id, jobseeker.Id, officeId, input.Confirmation.ToString());
        return referral.Id;
    }, ct);

    /// <summary>窓口紹介: staff issue a slip at the counter; the application exists at once (R-APP-1).</summary>
    public Task<Guid> CounterReferralAsync(Actor actor, ReferralInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var (offer, jobseeker) = await CheckPairAsync(w, input, ct);
        var referral = new Referral(offer.Id, jobseeker.Id, officeId, actor.UserId, actor.Name, ReferralKind.Counter, input.Confirmation,
            input.ConfirmationNote, w.Now, w.Now.AddMinutes(1), offer.Version);
        var hasMypage = await w.Db.Users.AnyAsync(u => u.JobseekerId == jobseeker.Id, ct);
        var application = new Application(offer.Id, offer.EstablishmentId, jobseeker.Id, ApplicationMethod.CounterReferral, referral.Id, "", w.Now, hasMypage,
            offer.Version);
        referral.Establish(application.Id, w.Now);
        w.Db.Referrals.Add(referral);
        w.Db.Applications.Add(application);
        await w.Notices.AddAsync(Recipients.Establishment(offer.EstablishmentId), NoticeKind.ApplicationReceived, application.Id, new Dictionary<string, string>
        {
            [NoticeArg.Method] = application.Method.ToString(), [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.OfferTitle] = offer.Title,
            [NoticeArg.ApplicantName] = jobseeker.Name,
        }, ct);
        w.Audit(AuditActions.CounterReferral, nameof(Referral), referral.Id, jobseeker.Id, officeId);
        return referral.Id;
    }, ct);

    /// <summary>The jobseeker declines a proposal.</summary>
    public Task DeclineAsync(Actor actor, Guid referralId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var referral = await w.Db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId && r.JobseekerId == jobseekerId, ct)
            ?? throw new ScopeException("referral");
        referral.Decline(w.Now);
        await w.Notices.AddAsync(Recipients.Office(referral.OfficeId), NoticeKind.ReferralDeclined, referral.Id, NoticeArg.None, ct);
        w.Audit(AuditActions.ReferralDeclined, nameof(Referral), referral.Id, jobseekerId, referral.OfficeId);
    }, ct);

    private static async Task<(JobOffers.JobOffer Offer, Jobseeker Jobseeker)> CheckPairAsync(Work w, ReferralInput input, CancellationToken ct)
    {
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == input.JobOfferId, ct) ?? throw new DomainException(ErrorCodes.OfferNotFound, nameof(input.JobOfferId));
        var jobseeker = await w.Db.Jobseekers.FirstOrDefaultAsync(j => j.Id == input.JobseekerId, ct) ?? throw new DomainException(ErrorCodes.JobseekerNotFound, nameof(input.JobseekerId));
        if (!offer.IsOpen(w.Now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen, nameof(input.JobOfferId));
        }
        if (jobseeker.Tier != JobseekerTier.Full)
        {
            throw new DomainException(ErrorCodes.JobseekerNotRegisteredAtOffice, nameof(input.JobseekerId));
        }
        if (!jobseeker.IsRegistrationValid(w.Now))
        {
            throw new DomainException(ErrorCodes.JobseekerRegistrationInvalid, nameof(input.JobseekerId));
        }
        var now = w.Now;
        var live = await w.Db.Referrals.AnyAsync(r => r.JobOfferId == offer.Id && r.JobseekerId == jobseeker.Id
            && r.Status == ReferralStatus.Proposed && r.Deadline > now, ct);
        if (live || await w.Db.Applications.AnyAsync(a => a.JobOfferId == offer.Id && a.JobseekerId == jobseeker.Id && a.Status == ApplicationStatus.InSelection, ct))
        {
            throw new DomainException(ErrorCodes.ReferralAlreadyLive, nameof(input.JobseekerId));
        }
        // Staff look-ups of a jobseeker outside their office are audited.
        if (jobseeker.HomeOfficeId != w.Actor.OfficeId)
        {
            w.Audit(AuditActions.JobseekerOutsideOfficeAccessed, nameof(Jobseeker), jobseeker.Id, jobseeker.Id);
        }
        return (offer, jobseeker);
    }
}
