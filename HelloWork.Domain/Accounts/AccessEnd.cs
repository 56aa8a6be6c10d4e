using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Domain.Accounts;

/// <summary>
/// Ends a person's live access at the root: whenever a save removes an account or gives it a new security stamp (a login
/// user disabled or removed by the employer, a password change, a sign-out of every session, Identity's own stamp updates),
/// an <see cref="LiveNotice.AccessEnded"/> signal goes out on the live bus — before the save, so on every node it is handled
/// before any notice committed after the change — and every node ends that person's hub connections and interactive pages
/// (R-ACC-4). Every way an account is changed goes through a <c>HelloWorkDb</c>, so none can forget it.
/// If the save then fails, the person's connections were ended for nothing and simply connect again with their still-valid
/// session; the opposite order could let a notice through.
/// </summary>
public sealed class AccessEndInterceptor(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Accounts ended by saves inside a transaction that has not committed yet: signalled again at commit. Keyed by the
    /// transaction, not the context: a pooled context outlives its transactions, and one rolled back must leave nothing behind for
    /// the context's next use (a weak key: a transaction that never commits drops out with it).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Data.Common.DbTransaction, List<(Guid, string?)>> _pending = [];

    /// <summary>Accounts ended by a save outside a transaction (the save is its own): signalled again once it has saved. Set by
    /// every save of the context, so a failed save leaves nothing for the next.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, IReadOnlyList<(Guid, string?)>> _afterSave = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await SignalAsync(eventData.Context);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SignalAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    /// <summary>
    /// Signalled a second time once the change is committed: a connection that registered between the first signal and the
    /// commit read the old stamp when it checked, so it is ended by this one. The accounts are the ones found before the save
    /// (<see cref="SignalAsync"/>): once saved, the change tracker holds them as unchanged.
    /// </summary>
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TakeAfterSave(context) is { Count: > 0 } ending)
        {
            await PublishAsync(ending);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && TakeAfterSave(context) is { Count: > 0 } ending)
        {
            PublishAsync(ending).GetAwaiter().GetResult();
        }
        return result;
    }

    private IReadOnlyList<(Guid, string?)>? TakeAfterSave(DbContext context)
    {
        lock (_afterSave)
        {
            return _afterSave.TryGetValue(context, out var ending) && _afterSave.Remove(context) ? ending : null;
        }
    }

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        List<(Guid, string?)>? ending;
        lock (_pending)
        {
            if (_pending.TryGetValue(transaction, out ending))
            {
                _pending.Remove(transaction);
            }
        }
        if (ending is { Count: > 0 })
        {
            await PublishAsync(ending);
        }
    }

    /// <summary>A new transaction starts with nothing pending: PostgreSQL's provider reuses its transaction objects, so an entry left by
    /// one that was rolled back or never committed must not be signalled at the next commit of the object's next use.</summary>
    public System.Data.Common.DbTransaction TransactionStarted(System.Data.Common.DbConnection connection, TransactionEndEventData eventData,
        System.Data.Common.DbTransaction result)
    {
        Forget(result);
        return result;
    }

    public ValueTask<System.Data.Common.DbTransaction> TransactionStartedAsync(System.Data.Common.DbConnection connection, TransactionEndEventData eventData,
        System.Data.Common.DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(result);
        return ValueTask.FromResult(result);
    }

    private void Forget(System.Data.Common.DbTransaction transaction)
    {
        lock (_pending)
        {
            _pending.Remove(transaction);
        }
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    /// <summary>The accounts whose access this save ends: removed, or with a security stamp other than the one they had.</summary>
    /// <remarks>Detects changes of the tracked accounts only: <c>Entries&lt;AppUser&gt;()</c> would first detect changes of every
    /// tracked entity, which the save itself does again right after this (its interceptors run first), so every save paid for it twice.</remarks>
    public static IReadOnlyList<(Guid UserId, string? NewStamp)> Ending(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var users = tracker.Entries<AppUser>().ToList();
            if (detect)
            {
                users.ForEach(e => e.DetectChanges());
            }
            return
            [
                .. users
                    .Where(e => e.State == EntityState.Deleted
                        || (e.State == EntityState.Modified && e.Property(u => u.SecurityStamp) is { IsModified: true } stamp
                            && !Equals(stamp.OriginalValue, stamp.CurrentValue)))
                    .Select(e => (e.Entity.Id, e.State == EntityState.Deleted ? null : e.Entity.SecurityStamp))
                    .Distinct(),
            ];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Signals the accounts this save ends, before it, and keeps them for the second signal: at commit when the save is
    /// part of a transaction, right after the save when it is its own.</summary>
    private async Task SignalAsync(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var ending = Ending(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            if (ending.Count > 0)
            {
                lock (_pending)
                {
                    _pending.GetOrCreateValue(transaction).AddRange(ending);
                }
            }
        }
        else
        {
            lock (_afterSave)
            {
                _afterSave.AddOrUpdate(context, ending);
            }
        }
        if (ending.Count > 0)
        {
            await PublishAsync(ending);
        }
    }

    private async Task PublishAsync(IReadOnlyList<(Guid UserId, string? NewStamp)> ending)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<ILiveBus>().PublishAsync([.. ending.Select(e => LiveNotice.AccessEnded(e.UserId, e.NewStamp, now))], CancellationToken.None);
    }
}
