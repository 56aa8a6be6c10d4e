using HelloWork.Domain.Audit;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelloWork.Domain.Common;

/// <summary>One domain operation's unit of work: a short-lived context, a transaction, the outbox, the audit trail.</summary>
public sealed class Work(HelloWorkDb db, Outbox outbox, Actor actor, DateTimeOffset now)
{
    public HelloWorkDb Db { get; } = db;
    public Outbox Notices { get; } = outbox;
    public Actor Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Appends an audit entry in the same transaction (R-AUD-1).</summary>
    public void Audit(string action, string subjectType, Guid subjectId, Guid? jobseekerId = null, Guid? officeId = null, string? detail = null) =>
        Db.AuditEntries.Add(new AuditEntry(Actor.UserId == Guid.Empty ? null : Actor.UserId, Actor.Role, action, subjectType, subjectId,
            jobseekerId, officeId ?? Actor.OfficeId, detail, Now));

    /// <summary>
    /// Holds the row of <typeparamref name="TEntity"/> with key <paramref name="id"/> until this operation commits, so that
    /// operations which count what hangs on that row and then add to it (a per-row limit) run one after another for that
    /// row, and only for that row. On PostgreSQL (read committed) two transactions would otherwise both count the same
    /// rows and both insert: <c>SELECT … FOR UPDATE</c> makes the second wait for the first to commit, and its count, a
    /// new statement, then sees the first one's row. SQLite needs nothing: <c>BeginTransaction</c> there is
    /// <c>BEGIN IMMEDIATE</c>, so writing operations already run one at a time.
    /// </summary>
    public async Task LockAsync<TEntity>(Guid id, CancellationToken ct = default) where TEntity : class
    {
        if (!Db.Database.IsNpgsql())
        {
            return;
        }
        var entity = Db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!;
        var sql = Db.GetService<ISqlGenerationHelper>();
        // Table and column names come from the model (quoted by the provider); the key goes as a parameter.
        var lockRow = $"SELECT 1 FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(key)} = {{0}} FOR UPDATE";
        await Db.Database.ExecuteSqlRawAsync(lockRow, [id], ct);
    }
}

/// <summary>
/// Runs domain operations: each gets its own context from the factory (never one per circuit), runs in one transaction
/// with the notices it causes (an outbox), and publishes them on the live bus after commit.
/// </summary>
public sealed class Operations(IDbContextFactory<HelloWorkDb> factory, TimeProvider clock, ILiveBus bus)
{
    /// <summary>How often an operation runs again when someone else took the same counter or serial first: enough for every staff
    /// member of a busy office accepting at the same moment (six at once in AcceptRaceTests, on PostgreSQL).</summary>
    private const int MaxAttempts = 10;

    /// <summary>
    /// SQLite's one writer, taken in this process before <c>BEGIN IMMEDIATE</c>: operations that would write at the same time queue
    /// here and each starts the moment the one before it has committed. Without it they queue inside Microsoft.Data.Sqlite, which
    /// answers a busy database by sleeping and trying again (docs/BENCHMARKS.md, issue 26, third round), so that the writer lock
    /// often stood idle while they slept. It only orders what SQLite orders anyway: other processes and the writes that do not go
    /// through here (Identity's stores) still meet SQLite's own lock. PostgreSQL locks rows, not the database, and does not take it.
    /// </summary>
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <summary>Set while this flow holds <see cref="_sqliteWriter"/>: an operation started inside another one does not wait for its
    /// own caller (it would wait for ever); it meets SQLite's lock as it did before.</summary>
    private static readonly AsyncLocal<bool> HoldsWriter = new();

    private static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(30);

    public TimeProvider Clock => clock;

    public async Task<T> RunAsync<T>(Actor actor, Func<Work, Task<T>> operation, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            T result;
            Outbox notices;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var work = new Work(db, new Outbox(db, clock.GetUtcNow()), actor, clock.GetUtcNow());
                notices = work.Notices;
                // Bounded as SQLite's own wait is (the default command timeout): past it the operation goes on to meet SQLite's lock
                // as before, so a wait this queue cannot see the end of (an operation waiting for another flow's write) fails as it
                // did instead of hanging.
                var writer = db.Database.IsSqlite() && !HoldsWriter.Value && await _sqliteWriter.WaitAsync(WriterWait, ct);
                if (writer)
                {
                    HoldsWriter.Value = true;
                }
                try
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    result = await operation(work);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException || TookSameSerial(e)))
                {
                    // Another operation took the same notice counter or office serial first: run again on fresh data.
                    continue;
                }
                finally
                {
                    if (writer)
                    {
                        HoldsWriter.Value = false;
                        _sqliteWriter.Release();
                    }
                }
            }
            if (notices.ToPublish is { Count: > 0 } published)
            {
                await bus.PublishAsync(published, CancellationToken.None);
            }
            return result;
        }
    }

    /// <summary>Two staff of one office accepting at once both take the office's next 求人番号: the office row's version refuses the
    /// second, but the database may write the offer's row first, and then the second is refused by the job number's unique index
    /// instead (SQLite: "UNIQUE constraint failed: JobOffers.JobNumber"; PostgreSQL: "IX_JobOffers_JobNumber"). Either way the
    /// serial was taken by someone else, and the operation runs again on fresh data.</summary>
    private static bool TookSameSerial(DbUpdateException e) =>
        e.InnerException?.Message.Contains("JobOffers.JobNumber", StringComparison.Ordinal) == true
        || e.InnerException?.Message.Contains("IX_JobOffers_JobNumber", StringComparison.Ordinal) == true;

    public Task RunAsync(Actor actor, Func<Work, Task> operation, CancellationToken ct = default) =>
        RunAsync(actor, async w => { await operation(w); return true; }, ct);

    /// <summary>A streamed read (exports): the context lives while the caller enumerates, rows are not tracked, memory stays flat.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(Func<HelloWorkDb, IAsyncEnumerable<T>> query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await foreach (var item in query(db).WithCancellation(ct))
        {
            yield return item;
        }
    }

    /// <summary>A read: its own context, no tracking, no transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<HelloWorkDb, Task<T>> query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }
}
