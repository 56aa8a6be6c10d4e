using HelloWork.Domain;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Configurations;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Domain.Common;

/// <summary>
/// The domain's contexts are pooled (DomainRegistration): a context is used again after it is given back, so nothing of one use may
/// reach the next. The one piece of per-use state is the access end signalled again at commit (AccessEndInterceptor, R-ACC-4): a
/// change rolled back must not be signalled by the next commit of the same context, on either provider (PostgreSQL's provider also
/// reuses its transaction objects). And the JSON columns' change tracking takes the value itself as its snapshot, which is right
/// only for immutable types: the model refuses any other.
/// </summary>
public sealed class PooledContextTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_rolled_back_account_end_is_not_signalled_by_the_next_commit_of_the_same_pooled_context_R_ACC_4(string provider)
    {
        await using var world = await DomainWorld.CreateAsync(provider);
        var bus = new RecordingBus();
        var services = new ServiceCollection().AddSingleton<ILiveBus>(bus).AddSingleton<TimeProvider>(world.Clock);
        await using var provided = services.AddHelloWorkDomain(new DatabaseSettings(provider, world.ConnectionString)).BuildServiceProvider();
        var factory = provided.GetRequiredService<IDbContextFactory<HelloWorkDb>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = "pooled@example.jp", Email = "pooled@example.jp", SecurityStamp = "before" };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        // A committed change of the stamp is signalled before the save and again at commit.
        HelloWorkDb pooled;
        await using (var db = await factory.CreateDbContextAsync())
        {
            pooled = db;
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).SecurityStamp = "committed";
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        Assert.Equal(["committed", "committed"], bus.EndsOf(user.Id));

        // A rolled-back one is signalled before its save only (the order the interceptor keeps); nothing stays for the next use.
        bus.Clear();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Same(pooled, db);
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).SecurityStamp = "rolled back";
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(["rolled back"], bus.EndsOf(user.Id));

        bus.Clear();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Same(pooled, db);
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AuditEntries.Add(new HelloWork.Domain.Audit.AuditEntry(null, Roles.Staff, "test", "Test", Guid.NewGuid(), null, null, null, world.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            Assert.Equal("committed", (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).SecurityStamp);
        }
        Assert.Empty(bus.EndsOf(user.Id));
    }

    [Fact]
    public void The_stored_json_types_are_immutable_and_a_mutable_one_is_refused()
    {
        Json.RequireImmutable(typeof(JobSheet));
        Json.RequireImmutable(typeof(JobseekerWishes));
        var setter = Assert.Throws<InvalidOperationException>(() => Json.RequireImmutable(typeof(Mutable)));
        Assert.Contains("Mutable.Inner.Name", setter.Message, StringComparison.Ordinal);
        var list = Assert.Throws<InvalidOperationException>(() => Json.RequireImmutable(typeof(WithList)));
        Assert.Contains("WithList.Items", list.Message, StringComparison.Ordinal);
    }

    private sealed record Mutable(MutableInner Inner);

    private sealed class MutableInner
    {
        public string Name { get; set; } = "";
    }

    private sealed record WithList(List<string> Items);

    private sealed class RecordingBus : ILiveBus
    {
        private readonly List<LiveNotice> _published = [];

        public Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default)
        {
            lock (_published)
            {
                _published.AddRange(notices);
            }
            return Task.CompletedTask;
        }

        public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler) => throw new NotSupportedException("Nothing listens in this test.");

        /// <summary>The new stamps of the access-end signals for <paramref name="userId"/>, in order.</summary>
        public List<string> EndsOf(Guid userId)
        {
            lock (_published)
            {
                return [.. _published.Where(n => n.IsAccessEnded && n.NoticeId == userId).Select(n => n.NewStamp)];
            }
        }

        public void Clear()
        {
            lock (_published)
            {
                _published.Clear();
            }
        }
    }
}
