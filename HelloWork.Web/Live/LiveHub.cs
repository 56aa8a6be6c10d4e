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
public sealed class LiveHub(NoticeService notices, AccessEnds ends, IServiceProvider services) : Hub
{
    public const string Path = "/hubs/live";
    public const string Policy = "LiveHub";

    /// <summary>Client method for a new notice: one <see cref="LiveNotice"/>.</summary>
    public const string NoticeMethod = "notice";

    /// <summary>Client method for a read/unread change of a recipient (argument: the recipient key).</summary>
    public const string ReadMethod = "read";

    /// <summary>The most a single <see cref="CatchUp"/> returns; a client that gets this many asks again after the last.</summary>
    public const int CatchUpBatch = 500;

    private const string EndKey = "hw:access-end";

    public override async Task OnConnectedAsync()
    {
        var recipients = NoticeService.RecipientsOf(Caller());
        // The moment the person's access ends (AccessEnds, on whichever node it ends), the connection leaves its groups —
        // synchronously, so no push of this node reaches it after that — and is closed.
        var context = Context;
        var groups = Groups;
        var joined = new List<string>();
        if (AccessEnds.UserIdOf(context.User) is null)
        {
            throw new HubException("サインインが必要です。(sign-in required)");
        }
        context.Items[EndKey] = ends.Register(context.User!, () =>
        {
            lock (joined)
            {
                foreach (var group in joined)
                {
                    groups.RemoveFromGroupAsync(context.ConnectionId, group).GetAwaiter().GetResult();
                }
                joined.Clear();
            }
            context.Abort();
        });
        context.Items[EndKey + ":groups"] = joined;
        foreach (var recipient in recipients)
        {
            await JoinGroupAsync(recipient);
        }
        // Registered after the connect request's stamp check: an end committed in between is caught here.
        await RequireCurrentSessionAsync();
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        (Context.Items.TryGetValue(EndKey, out var registration) ? registration as IDisposable : null)?.Dispose();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Joins a recipient's group; refused for any group outside the caller's scope (R-ACC-4), and once the
    /// caller's access has ended.</summary>
    public async Task Join(string recipient)
    {
        await RequireCurrentSessionAsync();
        if (!NoticeService.RecipientsOf(Caller()).Contains(recipient))
        {
            throw new HubException("このグループには参加できません。(not in your scope)");
        }
        await JoinGroupAsync(recipient);
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
        await RequireCurrentSessionAsync();
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
        await RequireCurrentSessionAsync();
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

    private async Task JoinGroupAsync(string recipient)
    {
        var joined = (List<string>)Context.Items[EndKey + ":groups"]!;
        await Groups.AddToGroupAsync(Context.ConnectionId, recipient, Context.ConnectionAborted);
        lock (joined)
        {
            joined.Add(recipient);
        }
        if (Context.ConnectionAborted.IsCancellationRequested)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, recipient); // ended while joining
        }
    }

    /// <summary>Refuses (and closes the connection of) a caller whose account was disabled, removed or given a new
    /// password since the connection was made: the connection may not yet have been closed by the signal.</summary>
    private async Task RequireCurrentSessionAsync()
    {
        if (Context.User is not { } user || !await Accounts.SessionStamp.IsCurrentAsync(user, services, Context.ConnectionAborted))
        {
            (Context.Items.TryGetValue(EndKey, out var registration) ? registration as AccessEnds.Registration : null)?.End();
            Context.Abort();
            throw new HubException("サインインし直してください。(the session has ended)");
        }
    }

    private Actor Caller() => Context.User is { } user && Actor.From(user) is { } actor
        ? actor
        : throw new HubException("サインインが必要です。(sign-in required)");
}
