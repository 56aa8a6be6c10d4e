using System.Runtime.CompilerServices;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HelloWork.Web.Live;

/// <summary>
/// The live channel for non-Blazor clients (tests, a future mobile app) at <c>/hubs/live</c>, signed in with the bearer
/// token from <c>/api/auth/login</c> (sent as <c>access_token</c>) or the portal cookie. A connection joins the groups of
/// its own recipient keys (person, establishment, office, agency); every other join is refused on the server (R-ACC-4).
/// Pushes (<see cref="NoticeMethod"/>) are a hint; <see cref="CatchUp"/> reads the truth from the database (R-LIVE-2).
/// </summary>
[Authorize(Policy = Policy)]
public sealed class LiveHub(NoticeService notices) : Hub
{
    public const string Path = "/hubs/live";
    public const string Policy = "LiveHub";

    /// <summary>Client method for a new notice: one <see cref="LiveNotice"/>.</summary>
    public const string NoticeMethod = "notice";

    /// <summary>Client method for a read/unread change of a recipient (argument: the recipient key).</summary>
    public const string ReadMethod = "read";

    /// <summary>The most a single <see cref="CatchUp"/> returns; a client that gets this many asks again after the last.</summary>
    public const int CatchUpBatch = 500;

    public override async Task OnConnectedAsync()
    {
        foreach (var recipient in NoticeService.RecipientsOf(Caller()))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, recipient, Context.ConnectionAborted);
        }
        await base.OnConnectedAsync();
    }

    /// <summary>Joins a recipient's group; refused for any group outside the caller's scope (R-ACC-4).</summary>
    public async Task Join(string recipient)
    {
        if (!NoticeService.RecipientsOf(Caller()).Contains(recipient))
        {
            throw new HubException("このグループには参加できません。(not in your scope)");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, recipient, Context.ConnectionAborted);
    }

    /// <summary>The recipient keys this connection was joined to on connect.</summary>
    public IReadOnlyList<string> Recipients() => NoticeService.RecipientsOf(Caller());

    /// <summary>
    /// Everything after <paramref name="afterSeq"/> for one recipient, in sequence order, at most <see cref="CatchUpBatch"/>
    /// (R-LIVE-2). A client keeps the last sequence it handled, ignores pushes at or below it, and calls this on reconnect
    /// and whenever a push skips a number: so each notice is handled exactly once, in order.
    /// </summary>
    public async Task<List<LiveNotice>> CatchUp(string recipient, long afterSeq)
    {
        try
        {
            return await notices.SinceAsync(Caller(), recipient, afterSeq, CatchUpBatch, Context.ConnectionAborted);
        }
        catch (ScopeException)
        {
            throw new HubException("このお知らせは参照できません。(not in your scope)");
        }
    }

    /// <summary>The same as <see cref="CatchUp"/> as a stream, without the batch limit.</summary>
    public async IAsyncEnumerable<LiveNotice> CatchUpStream(string recipient, long afterSeq,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var actor = Caller();
        if (!NoticeService.RecipientsOf(actor).Contains(recipient))
        {
            throw new HubException("このお知らせは参照できません。(not in your scope)");
        }
        while (true)
        {
            var batch = await notices.SinceAsync(actor, recipient, afterSeq, CatchUpBatch, cancellationToken);
            foreach (var n in batch)
            {
                yield return n;
                afterSeq = n.Seq;
            }
            if (batch.Count < CatchUpBatch)
            {
                yield break;
            }
        }
    }

    private Actor Caller() => Context.User is { } user && Actor.From(user) is { } actor
        ? actor
        : throw new HubException("サインインが必要です。(sign-in required)");
}
