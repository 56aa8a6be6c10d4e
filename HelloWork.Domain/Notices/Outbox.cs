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

    private readonly HashSet<string> _readSignals = [];
    private readonly List<LiveNotice> _topicSignals = [];

    public IReadOnlyList<Notice> Added => _added;

    /// <summary>What to publish after commit: the stored notices, then one read signal per recipient whose read state changed.</summary>
    public IReadOnlyList<LiveNotice> ToPublish =>
        [.. _added.Select(LiveNotice.From), .. _readSignals.Select(r => LiveNotice.ReadSignal(r, now)), .. _topicSignals];

    /// <summary>Tells every open page on <paramref name="topic"/>, after commit, that <paramref name="subjectId"/> changed (seats left,
    /// a slot taken): a signal, not a stored notice (<see cref="Topics"/>).</summary>
    public void Signal(string topic, NoticeKind kind, Guid subjectId)
    {
        if (!_topicSignals.Any(s => s.Recipient == topic && s.Kind == kind && s.SubjectId == subjectId))
        {
            _topicSignals.Add(LiveNotice.TopicSignal(topic, kind, subjectId, now));
        }
    }

    /// <summary>Tells the recipient's open pages, after commit, that something they show as read/unread changed (messages read
    /// on another page, R-MSG-2): a signal, not a stored notice.</summary>
    public void SignalRead(string recipient) => _readSignals.Add(recipient);

    /// <summary>Adds a notice of <paramref name="kind"/> about <paramref name="subjectId"/>; <paramref name="args"/> are data
    /// (names in <see cref="NoticeArg"/>), never wording or routes: the reader's page renders them (R-NTC-1).</summary>
    public async Task<Notice> AddAsync(string recipient, NoticeKind kind, Guid? subjectId, IReadOnlyDictionary<string, string>? args,
        CancellationToken ct = default)
    {
        if (!_counters.TryGetValue(recipient, out var counter))
        {
            counter = await db.NoticeCounters.FirstOrDefaultAsync(c => c.Recipient == recipient, ct)
                ?? db.NoticeCounters.Add(new NoticeCounter(recipient)).Entity;
            _counters[recipient] = counter;
        }
        var notice = new Notice(recipient, counter.Next(), kind, subjectId, args, now);
        db.Notices.Add(notice);
        _added.Add(notice);
        // Notice mails (R-MAIL-1, R-MAIL-3): by recipient and kind, in this same transaction.
        await Mail.MailQueue.ForNoticeAsync(db, notice, now, ct);
        return notice;
    }
}
