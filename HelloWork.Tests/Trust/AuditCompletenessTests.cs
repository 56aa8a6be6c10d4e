using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>
/// R-AUD-1: every state change of offers, referrals, applications and results writes an audit entry — each operation of the domain
/// is run here once, through the real services, and must leave its own entry naming its subject. The log is append-only: the
/// database itself refuses to change or remove an entry.
/// </summary>
public sealed class AuditCompletenessTests : IAsyncLifetime
{
    private DomainWorld world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => world = await DomainWorld.CreateAsync();

    public ValueTask DisposeAsync() => world.DisposeAsync();

    private Task<List<AuditEntry>> EntriesAfterAsync(long lastId) =>
        world.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > lastId).OrderBy(a => a.Id).ToListAsync(Ct));

    private Task<long> LastIdAsync() => world.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct)).ContinueWith(t => t.Result ?? 0, Ct);

    /// <summary>Runs one operation and asserts it wrote <paramref name="action"/> about the subject it returns.</summary>
    private async Task<Guid> AuditedAsync(string action, Func<Task<Guid>> operation, Guid? jobseekerId = null)
    {
        var before = await LastIdAsync();
        var subject = await operation();
        var entries = await EntriesAfterAsync(before);
        var entry = Assert.Single(entries, e => e.Action == action);
        Assert.Equal(subject, entry.SubjectId);
        if (jobseekerId is not null)
        {
            Assert.Equal(jobseekerId, entry.JobseekerId);
        }
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        return subject;
    }

    [Fact]
    public async Task Every_state_change_of_offers_referrals_applications_and_results_is_audited()
    {
        var offers = new JobOfferService(world.Ops);
        var referrals = new ReferralService(world.Ops);
        var applications = world.Applications;
        var employer = world.EmployerActor1;
        var staff = world.StaffActor1;
        var seeker = world.JobseekerActor1;
        var js1 = world.Jobseeker1.Id;

        // Offers (R-JOB-1..4)
        var draft = await AuditedAsync("OfferCreated", () => offers.CreateDraftAsync(employer, ct: Ct));
        await AuditedAsync("OfferSaved", async () => { await offers.SaveAsync(employer, draft, world.Offer1.Sheet, 1, Ct); return draft; });
        await AuditedAsync("OfferSaved", async () => { await offers.SaveScreenAsync(employer, draft, world.Offer1.Sheet, 3, Ct); return draft; });
        await AuditedAsync("OfferSaved", async () => { await offers.SaveDraftAsync(employer, draft, world.Offer1.Sheet with { Work = new OfferWork() }, 3, Ct); return draft; });
        await AuditedAsync("OfferSaved", async () => { await offers.SaveScreenAsync(employer, draft, world.Offer1.Sheet, 3, Ct); return draft; });
        await AuditedAsync("OfferSubmitted", async () => { await offers.SubmitAsync(employer, draft, Ct); return draft; });
        await AuditedAsync("OfferReturned", async () => { await offers.ReturnAsync(staff, draft, "賃金の記載を確認してください。", Ct); return draft; });
        await AuditedAsync("OfferSubmitted", async () => { await offers.SubmitAsync(employer, draft, Ct); return draft; });
        await AuditedAsync("OfferAccepted", async () => { await offers.AcceptAsync(staff, draft, Ct); return draft; });
        await AuditedAsync("OfferExtended", async () => { await offers.ExtendAsync(employer, draft, Ct); return draft; });
        await AuditedAsync("OfferCopied", () => offers.CopyAsync(employer, draft, Ct));

        // Referrals (R-REF-*) and counter referrals (R-APP-1)
        var declined = await AuditedAsync("ReferralSent",
            () => referrals.SendAsync(staff, new ReferralInput(draft, js1, EmployerConfirmation.Confirmed, null), Ct), js1);
        await AuditedAsync("ReferralDeclined", async () => { await referrals.DeclineAsync(seeker, declined, Ct); return declined; }, js1);
        var referral = await AuditedAsync("ReferralSent",
            () => referrals.SendAsync(staff, new ReferralInput(draft, js1, EmployerConfirmation.Confirmed, null), Ct), js1);

        // Applications (R-APP-1, R-SELF-1, R-CAN-1) and results (R-RES-1, R-RES-4)
        var referred = await AuditedAsync("ApplicationCreated",
            () => applications.ApplyAsync(seeker, new ApplyInput(draft, "志望動機です。", [], referral), Ct), js1);
        var self = await AuditedAsync("ApplicationCreated",
            () => applications.ApplyAsync(seeker, new ApplyInput(world.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct), js1);
        await AuditedAsync("ApplicationCancelled", async () => { await applications.CancelAsync(seeker, self, Ct); return self; }, js1);
        await AuditedAsync("ResultRegistered", async () =>
        {
            await applications.RegisterResultAsync(employer, referred, new ResultInput(ResultOutcome.Hired, null, false, null, world.Clock.Today().AddDays(14)), Ct);
            return referred;
        }, js1);
        var again = await AuditedAsync("ApplicationCreated",
            () => applications.ApplyAsync(seeker, new ApplyInput(world.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct), js1);
        await AuditedAsync("ResultRegistered", async () =>
        {
            await applications.RegisterResultAsync(staff, again, new ResultInput(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null), Ct);
            return again;
        }, js1);
        var counter = await AuditedAsync("CounterReferral",
            () => referrals.CounterReferralAsync(staff, new ReferralInput(world.Offer1.Id, js1, EmployerConfirmation.Confirmed, null), Ct), js1);

        await AuditedAsync("OfferClosed", async () => { await offers.CloseAsync(employer, draft, InvalidReason.Filled, Ct); return draft; });

        // Every entry names who and when; none is anonymous except the system's.
        var all = await world.WithDbAsync(db => db.AuditEntries.ToListAsync(Ct));
        Assert.All(all, e => Assert.False(string.IsNullOrEmpty(e.ActorRole)));
        Assert.Contains(all, e => e.SubjectId == counter);
    }

    [Fact]
    public async Task A_refused_operation_writes_no_audit_entry_because_nothing_changed()
    {
        var offers = new JobOfferService(world.Ops);
        await offers.ExtendAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        var before = await LastIdAsync();

        var refusal = await Assert.ThrowsAsync<HelloWork.Domain.Common.DomainException>(() => offers.ExtendAsync(world.EmployerActor1, world.Offer1.Id, Ct));

        Assert.Equal("AlreadyExtended", refusal.Code);
        Assert.Empty(await EntriesAfterAsync(before));
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_audit_entry()
    {
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, world.Offer1.Id, InvalidReason.Filled, Ct);
        var id = await LastIdAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => world.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Nothing' WHERE \"Id\" = {0}", [id], Ct)));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => world.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct)));
        var bulk = await Assert.ThrowsAsync<SqliteException>(() => world.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, "changed"), Ct)));
        await Assert.ThrowsAsync<DbUpdateException>(() => world.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == id, Ct));
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", bulk.Message, StringComparison.Ordinal);
        var entry = await world.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("OfferClosed", entry.Action);
        Assert.Equal("Filled", entry.Detail);
    }
}
