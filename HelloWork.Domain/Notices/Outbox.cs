using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Notices;

/// <summary>
/// Collects the notices an operation causes, numbers them per recipient inside the operation's transaction,
/// and hands them to the live bus only after commit (ARCHITECTURE.md, "the way a change flows").
/// </summary>
public sealed class Outbox(HelloWorkDb db, DateTimeOffset now)
{
    private readonly List<Notice> _added = [];
    private readonly Dictionary<string, NoticeCounter> _counters = [];

    public IReadOnlyList<Notice> Added => _added;

    public async Task<Notice> AddAsync(string recipient, NoticeKind kind, string title, string body, string? link, Guid? subjectId,
        CancellationToken ct = default)
    {
        if (!_counters.TryGetValue(recipient, out var counter))
        {
            counter = await db.NoticeCounters.FirstOrDefaultAsync(c => c.Recipient == recipient, ct)
                ?? db.NoticeCounters.Add(new NoticeCounter(recipient)).Entity;
            _counters[recipient] = counter;
        }
        var notice = new Notice(recipient, counter.Next(), kind, title, body, link, subjectId, now);
        db.Notices.Add(notice);
        _added.Add(notice);
        // Notice mails (R-MAIL-1, R-MAIL-3): by recipient and kind, in this same transaction.
        await Mail.MailQueue.ForNoticeAsync(db, recipient, kind, link, subjectId, now, ct);
        return notice;
    }
}
