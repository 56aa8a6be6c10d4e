using System.Diagnostics;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;

namespace HelloWork.Web.Mail;

/// <summary>
/// Tells the administrators' mail page (/admin/mail) that the outbox changed, live (R-LIVE-1): a stored notice of kind
/// <see cref="NoticeKind.MailQueueChanged"/> to <see cref="Recipients.Admins"/>, so a page that was disconnected catches up
/// by sequence like any live page (R-LIVE-2). Sending is fast, so the worker's rounds only mark the signal and it is written
/// at most once a second while mail flows, at once when the queue goes idle, and at once after a failure or a bounce.
/// Resends and bounces that arrive later write their notice in their own transaction (<see cref="AnnounceAsync"/>).
/// </summary>
public sealed class MailQueueSignal(Operations ops)
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);

    private readonly Stopwatch since = Stopwatch.StartNew();
    private int dirty;
    private int urgent;

    /// <summary>A round changed rows; <paramref name="urgent"/>: some failed or bounced.</summary>
    public void Changed(bool urgent)
    {
        Volatile.Write(ref dirty, 1);
        if (urgent)
        {
            Volatile.Write(ref this.urgent, 1);
        }
    }

    /// <summary>Writes the notice if something changed and it is time: the queue is idle, something failed, or a second passed.</summary>
    public async Task FlushAsync(bool idle, CancellationToken ct)
    {
        if (Volatile.Read(ref dirty) == 0 || (!idle && Volatile.Read(ref urgent) == 0 && since.Elapsed < MinimumGap))
        {
            return;
        }
        if (Interlocked.Exchange(ref dirty, 0) == 0)
        {
            return; // another worker loop took it
        }
        Volatile.Write(ref urgent, 0);
        since.Restart();
        try
        {
            await ops.RunAsync(Actor.System, AnnounceAsync, ct);
        }
        catch
        {
            Volatile.Write(ref dirty, 1); // told at the next round instead
            throw;
        }
    }

    /// <summary>The notice itself, inside the caller's transaction.</summary>
    public static Task AnnounceAsync(Work w) => w.Notices.AddAsync(Recipients.Admins, NoticeKind.MailQueueChanged, null, null);
}
