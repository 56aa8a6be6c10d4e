using System.Text;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Trust;

/// <summary>
/// R-DOC-1's three triggers on the real domain and a migrated SQLite file, driven by a fake clock: the jobseeker cancels, the result is
/// registered, the end of the month three months after the offer became invalid passes. Past the deadline a document is never served
/// even before a sweep has run; the sweep then deletes rows and content and audits counts (R-AUD-1).
/// </summary>
public sealed class RetentionSweepTests : IAsyncLifetime
{
    private DomainWorld world = null!;

    public async ValueTask InitializeAsync() => world = await DomainWorld.CreateAsync();

    public ValueTask DisposeAsync() => world.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DocumentRetention Retention => new(world.Ops);

    private EmployerApplicants Applicants => new(world.Ops);

    private static byte[] Pdf(string marker, int padding = 0) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj << >> endobj\n{new string('x', padding)}\n% {marker}\ntrailer << >>\n%%EOF\n");

    private Task<Guid> ApplyAsync(Actor jobseeker, JobOffer offer, params byte[][] documents) => world.Applications.ApplyAsync(jobseeker,
        new ApplyInput(offer.Id, "貴社の製品づくりに携わりたく応募しました。", [.. documents.Select((d, i) => new UploadedFile($"書類{i + 1}.pdf", d))],
            SelfApplicationAcknowledged: true), Ct);

    private Task<int> DocumentCountAsync(Guid applicationId) => world.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == applicationId, Ct));

    private Task<Guid> FirstDocumentAsync(Guid applicationId) =>
        world.WithDbAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == applicationId).Select(d => d.Id).FirstAsync(Ct));

    private void SetJst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        world.Clock.SetUtcNow(Jst(year, month, day, hour, minute, second));

    [Fact]
    public async Task Documents_of_an_offer_closed_in_November_are_kept_through_February_then_never_served_then_swept_with_an_audit_of_counts_only()
    {
        var application = await ApplyAsync(world.JobseekerActor1, world.Offer1, Pdf("resume"), Pdf("cv"));
        var document = await FirstDocumentAsync(application);
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, world.Offer1.Id, InvalidReason.Filled, Ct); // 2026-11-23 JST

        SetJst(2027, 2, 28, 23, 59, 59);
        Assert.Equal(new RetentionSweepResult(0, 0, 0), await Retention.SweepAsync(Ct));
        Assert.NotNull(await Applicants.DocumentAsync(world.EmployerActor1, document, Ct));
        Assert.Equal(2, (await Applicants.DetailAsync(world.EmployerActor1, application, Ct))!.Documents.Count);

        // 2027-03-01 00:00 JST: the deadline has passed, the sweep has not run yet — nothing is served to anyone.
        SetJst(2027, 3, 1);
        Assert.Null(await Applicants.DocumentAsync(world.EmployerActor1, document, Ct));
        Assert.Null(await Applicants.DocumentAsync(world.JobseekerActor1, document, Ct));
        Assert.Empty((await Applicants.DetailAsync(world.EmployerActor1, application, Ct))!.Documents);
        Assert.Empty((await new MyApplications(world.Ops).DetailAsync(world.JobseekerActor1, application, Ct)).Documents);
        Assert.Equal(2, await DocumentCountAsync(application));

        var swept = await Retention.SweepAsync(Ct);

        Assert.Equal(new RetentionSweepResult(1, 1, 2), swept);
        Assert.Equal(0, await DocumentCountAsync(application));
        var row = await world.WithDbAsync(db => db.Applications.SingleAsync(a => a.Id == application, Ct));
        Assert.Equal(Jst(2027, 3, 1), row.DocumentsDeletedAt);
        Assert.Equal(ApplicationStatus.InSelection, row.Status); // only the documents go
        var audit = await world.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "DocumentsDeletedAfterDeadline", Ct));
        Assert.Equal(application, audit.SubjectId);
        Assert.Equal(world.Jobseeker1.Id, audit.JobseekerId);
        Assert.Equal(world.Office1.Id, audit.OfficeId);
        Assert.Null(audit.ActorUserId);
        Assert.Equal("2|2027-02-28", audit.Detail); // counts and the deadline day, never a file name or content
        Assert.Equal(new RetentionSweepResult(0, 0, 0), await Retention.SweepAsync(Ct)); // a second run finds nothing
    }

    [Fact]
    public async Task An_expired_offer_counts_from_its_validity_end_and_an_open_offer_keeps_its_documents()
    {
        // Offer1 closes now (2026-11-23); Offer2 stays published and expires after 2027-01-31 (accepted 2026-11-23).
        var closed = await ApplyAsync(world.JobseekerActor1, world.Offer1, Pdf("a"));
        var expiring = await ApplyAsync(world.JobseekerActor2, world.Offer2, Pdf("b"));
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, world.Offer1.Id, InvalidReason.Withdrawn, Ct);

        SetJst(2027, 3, 1, 9);
        Assert.Equal(new RetentionSweepResult(1, 1, 1), await Retention.SweepAsync(Ct));
        Assert.Equal(0, await DocumentCountAsync(closed));
        Assert.Equal(1, await DocumentCountAsync(expiring)); // expired in January: kept until the end of April

        SetJst(2027, 4, 30, 23, 59, 59);
        Assert.Equal(new RetentionSweepResult(0, 0, 0), await Retention.SweepAsync(Ct));
        SetJst(2027, 5, 1);
        Assert.Equal(new RetentionSweepResult(1, 1, 1), await Retention.SweepAsync(Ct));
        Assert.Equal(0, await DocumentCountAsync(expiring));
    }

    [Fact]
    public async Task Cancelling_within_24_hours_deletes_the_documents_at_once()
    {
        var application = await ApplyAsync(world.JobseekerActor1, world.Offer1, Pdf("resume"));
        var document = await FirstDocumentAsync(application);
        world.Clock.Advance(TimeSpan.FromHours(23));

        await world.Applications.CancelAsync(world.JobseekerActor1, application, Ct);

        Assert.Equal(0, await DocumentCountAsync(application));
        Assert.Null(await Applicants.DocumentAsync(world.EmployerActor1, document, Ct));
        Assert.Contains(await world.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == application).Select(a => a.Action).ToListAsync(Ct)),
            a => a == "DocumentsDeleted");
    }

    [Fact]
    public async Task Registering_the_result_deletes_the_documents_at_once()
    {
        var application = await ApplyAsync(world.JobseekerActor1, world.Offer1, Pdf("resume"));
        var document = await FirstDocumentAsync(application);
        world.Clock.Advance(TimeSpan.FromDays(10));

        await world.Applications.RegisterResultAsync(world.EmployerActor1, application,
            new ResultInput(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null), Ct);

        Assert.Equal(0, await DocumentCountAsync(application));
        Assert.Null(await Applicants.DocumentAsync(world.EmployerActor1, document, Ct));
    }

    [Fact]
    public async Task Deleted_content_is_really_gone_from_the_database_file_and_its_wal()
    {
        var path = await world.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct); // as the portal runs (DatabaseStartup)
            return ((SqliteConnection)db.Database.GetDbConnection()).DataSource;
        });
        var marker = "HW-MARKER-" + Guid.NewGuid().ToString("N");
        // A small document lives in its table page; a large one spills into overflow pages: both must be wiped.
        var application = await ApplyAsync(world.JobseekerActor1, world.Offer1, Pdf(marker), Pdf(marker, padding: 40_000));
        await CheckpointAsync();
        Assert.True(Contains(path, marker), "the marker is found in the file while the documents exist (the check can fail)");

        await world.Applications.CancelAsync(world.JobseekerActor1, application, Ct);
        await CheckpointAsync();

        Assert.False(Contains(path, marker), "deleted document content must not remain in the database file or its WAL");
    }

    [Fact]
    public async Task Without_secure_delete_SQLite_would_keep_the_content_in_free_pages_which_is_why_every_connection_turns_it_on()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hw-nosecure-{Guid.NewGuid():N}.db");
        var marker = "HW-MARKER-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync(Ct);
                await Exec(connection, "PRAGMA secure_delete=OFF; CREATE TABLE d(id INTEGER PRIMARY KEY, content BLOB);");
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO d(content) VALUES ($c)";
                insert.Parameters.AddWithValue("$c", Pdf(marker, padding: 40_000));
                await insert.ExecuteNonQueryAsync(Ct);
                await Exec(connection, "DELETE FROM d;");
            }
            Assert.True(Contains(path, marker));
        }
        finally
        {
            File.Delete(path);
        }

        async Task Exec(SqliteConnection c, string sql)
        {
            await using var command = c.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Ct);
        }
    }

    [Fact]
    public async Task Every_connection_of_the_portal_context_has_secure_delete_on()
    {
        var value = await world.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(Ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA secure_delete;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        });

        Assert.Equal(1, value);
    }

    private Task CheckpointAsync() => world.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", Ct));

    private static bool Contains(string path, string marker)
    {
        var needle = Encoding.ASCII.GetBytes(marker);
        return new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists)
            .Any(file => ReadShared(file).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
