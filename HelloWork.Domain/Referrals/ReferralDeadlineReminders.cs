using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Referrals;

/// <summary>
/// Tells the jobseeker two days before a proposed referral's deadline (R-REF-3) that it is near: a notice of kind
/// <see cref="NoticeKind.ReferralDeadlineSoon"/> to each of the jobseeker's accounts, which mails by each person's choice
/// (R-MAIL-3) through the notice outbox (R-MAIL-1). Once per referral: the referral's <see cref="Referral.DeadlineRemindedAt"/>
/// is set by a conditional UPDATE in the notice's transaction, so a second sweep, a restart or a second node writes nothing.
/// A referral whose reminder time passed while the portal was down is reminded at the next sweep if its deadline is still ahead.
/// </summary>
public sealed class ReferralDeadlineReminders(Operations ops)
{
    public static readonly TimeSpan LeadTime = TimeSpan.FromDays(2);

    /// <summary>Writes the reminders that are due now; returns how many referrals were reminded.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = ops.Clock.GetUtcNow();
        var horizon = now + LeadTime;
        var due = await ops.ReadAsync(db => db.Referrals
            .Where(r => r.Status == ReferralStatus.Proposed && r.DeadlineRemindedAt == null && r.Deadline > now && r.Deadline <= horizon)
            .OrderBy(r => r.Deadline).Select(r => r.Id).ToListAsync(ct), ct);
        var reminded = 0;
        foreach (var id in due)
        {
            reminded += await ops.RunAsync(Actor.System, w => RemindAsync(w, id, ct), ct);
        }
        return reminded;
    }

    private static async Task<int> RemindAsync(Work w, Guid referralId, CancellationToken ct)
    {
        var horizon = w.Now + LeadTime;
        // The claim: only the sweep whose UPDATE takes the row writes the notice (PostgreSQL re-reads the row after another
        // node's commit and finds it taken; SQLite runs writers one at a time).
        var claimed = await w.Db.Referrals
            .Where(r => r.Id == referralId && r.Status == ReferralStatus.Proposed && r.DeadlineRemindedAt == null && r.Deadline > w.Now && r.Deadline <= horizon)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeadlineRemindedAt, w.Now), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var referral = await w.Db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.JobseekerId, r.JobOfferId, r.Deadline }).FirstAsync(ct);
        var offer = await w.Db.JobOffers.Where(o => o.Id == referral.JobOfferId).Select(o => new { o.Title, o.JobNumber }).FirstAsync(ct);
        var userIds = await w.Db.Users.Where(u => u.JobseekerId == referral.JobseekerId).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in userIds)
        {
            await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.ReferralDeadlineSoon, referralId, new Dictionary<string, string>
            {
                [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "",
                [NoticeArg.Date] = NoticeArg.DateValue(JapanTime.DateOf(referral.Deadline.AddTicks(-1))),
            }, ct);
        }
        return 1;
    }
}
