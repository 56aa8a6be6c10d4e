using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Messaging;

public sealed record MessageView(Guid Id, MessageSide From, string Body, DateTimeOffset SentAt, bool IsRead);

/// <summary>Why a thread is closed for new messages (R-MSG-1); null while it is open.</summary>
public enum ThreadClosedReason
{
    ResultRegistered = 1,
    DeadlinePassed = 2,
    ApplicationCancelled = 3,
    NoMypage = 4,
}

/// <summary>Messages between an employer and an applicant (R-MSG-1/2), one thread per application. With a
/// <see cref="MessageSendLimit"/> (the host registers one from <c>RateLimits:Messages</c>) a person sending faster than the
/// limit is refused with <c>TooManyRequests</c> before anything is written.</summary>
public sealed class MessageService(Operations ops, MessageSendLimit? sendLimit = null)
{
    /// <summary>R-MSG-1: possible while the applicant has a mypage, the application is in selection (not after the result), and
    /// until the end of the month 3 months after the offer became invalid.</summary>
    public static ThreadClosedReason? ClosedReason(Application application, JobOffers.JobOffer offer, DateTimeOffset now) =>
        application.Status == ApplicationStatus.Cancelled ? ThreadClosedReason.ApplicationCancelled
        : application.HasResult ? ThreadClosedReason.ResultRegistered
        : !offer.WithinAfterInvalidWindow(now) ? ThreadClosedReason.DeadlinePassed
        : !application.ApplicantHasMypage ? ThreadClosedReason.NoMypage
        : null;

    public Task<Guid> SendAsync(Actor actor, Guid applicationId, string body, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var (application, side) = await ThreadOfAsync(w, applicationId, ct);
        sendLimit?.Limit.Take(actor.UserId.ToString(), nameof(body));
        var offer = await w.Db.JobOffers.FirstAsync(o => o.Id == application.JobOfferId, ct);
        if (ClosedReason(application, offer, w.Now) is { } reason)
        {
            throw new DomainException("MessagingClosed." + reason, nameof(body));
        }
        var message = new Message(application.Id, side, actor.UserId, body, w.Now);
        w.Db.Messages.Add(message);
        if (side == MessageSide.Employer)
        {
            var userIds = await w.Db.Users.Where(u => u.JobseekerId == application.JobseekerId).Select(u => u.Id).ToListAsync(ct);
            foreach (var userId in userIds)
            {
                await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.MessageReceived, application.Id,
                    new Dictionary<string, string> { [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "" }, ct);
            }
        }
        else
        {
            await w.Notices.AddAsync(Recipients.Establishment(application.EstablishmentId), NoticeKind.MessageReceived, application.Id,
                new Dictionary<string, string> { [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "" }, ct);
        }
        return message.Id;
    }, ct);

    /// <summary>The thread, oldest first; the other side's messages are marked read (R-MSG-2 unread counts).</summary>
    public Task<List<MessageView>> ReadThreadAsync(Actor actor, Guid applicationId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var (application, side) = await ThreadOfAsync(w, applicationId, ct);
        var messages = await w.Db.Messages.Where(m => m.ApplicationId == application.Id).OrderBy(m => m.SentAt).ToListAsync(ct);
        var views = messages.Select(m => new MessageView(m.Id, m.From, m.Body, m.SentAt, m.ReadAt is not null || m.From == side)).ToList();
        var unread = messages.Where(m => m.From != side && m.ReadAt is null).ToList();
        foreach (var m in unread)
        {
            m.MarkRead(w.Now);
        }
        if (unread.Count > 0 && side == MessageSide.Employer)
        {
            // The establishment's other open applicant lists clear the row's unread mark (R-MSG-2, R-LIVE-1).
            w.Notices.SignalRead(Recipients.Establishment(application.EstablishmentId));
        }
        return views;
    }, ct);

    private static async Task<(Application Application, MessageSide Side)> ThreadOfAsync(Work w, Guid applicationId, CancellationToken ct)
    {
        var application = await w.Db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, ct) ?? throw new ScopeException("message thread");
        if (w.Actor.IsJobseeker && application.JobseekerId == w.Actor.JobseekerId)
        {
            return (application, MessageSide.Jobseeker);
        }
        if (w.Actor.IsEmployer && application.EstablishmentId == w.Actor.EstablishmentId)
        {
            return (application, MessageSide.Employer);
        }
        throw new ScopeException("message thread");
    }
}
