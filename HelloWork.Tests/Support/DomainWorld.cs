using HelloWork.Domain;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Support;

/// <summary>
/// A small, real world for domain tests: a migrated SQLite file (a copy of the run's template), a fake clock in Japan time, two offices, two
/// establishments with one published offer each, two jobseekers, and actors for every side. No mocks.
/// </summary>
public sealed class DomainWorld : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hw-domain-{Guid.NewGuid():N}.db");
    private readonly Npgsql.NpgsqlConnectionStringBuilder? _postgres;

    /// <summary>An Npgsql connection string of a role that may create databases (<c>scripts/scaleout-services.sh</c> prints it).</summary>
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("HELLOWORK_TEST_PG");

    public const string PostgresSkipReason =
        "PostgreSQL tests need HELLOWORK_TEST_PG: run eval \"$(scripts/scaleout-services.sh)\" first (as root).";

    private DomainWorld(string? postgresServer = null, DateTimeOffset? now = null)
    {
        // The local zone stays UTC, as on a server: business dates must still come out in Japan time (R-TIME-1).
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        DbContextOptions<HelloWorkDb> options;
        if (postgresServer is null)
        {
            options = new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite($"Data Source={_path};Pooling=False").Options;
        }
        else
        {
            // A database of its own on the server, made by the migrations and dropped afterwards.
            _postgres = new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = $"hw_domain_{Guid.NewGuid():N}"[..24] };
            options = new DbContextOptionsBuilder<HelloWorkDb>()
                .UseNpgsql(_postgres.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly)).Options;
        }
        ConnectionString = postgresServer is null ? $"Data Source={_path};Pooling=False" : _postgres!.ConnectionString;
        Factory = new ContextFactory(options);
        Dispatcher = new LocalDispatcher();
        Bus = new InProcessLiveBus(Dispatcher);
        Ops = new Operations(Factory, Clock, Bus);
        Tokens = new OpaqueTokens(Ops);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The world's database, for a service collection of its own (the bUnit tests register the domain on it).</summary>
    public string ConnectionString { get; }
    public IDbContextFactory<HelloWorkDb> Factory { get; }
    public LocalDispatcher Dispatcher { get; }
    public ILiveBus Bus { get; }
    public Operations Ops { get; }

    /// <summary>The per-holder jobseeker tokens (one per world, as the app has one per process).</summary>
    public OpaqueTokens Tokens { get; }
    public Office Office1 { get; private set; } = default!;
    public Office Office2 { get; private set; } = default!;
    public Establishment Establishment1 { get; private set; } = default!;
    public Establishment Establishment2 { get; private set; } = default!;
    public JobOffer Offer1 { get; private set; } = default!;
    public JobOffer Offer2 { get; private set; } = default!;
    public Jobseeker Jobseeker1 { get; private set; } = default!;
    public Jobseeker Jobseeker2 { get; private set; } = default!;

    public Actor JobseekerActor1 => new(Guid.Parse("00000000-0000-0000-0000-000000000001"), Roles.Jobseeker, "js1", JobseekerId: Jobseeker1.Id);
    public Actor JobseekerActor2 => new(Guid.Parse("00000000-0000-0000-0000-000000000002"), Roles.Jobseeker, "js2", JobseekerId: Jobseeker2.Id);
    public Actor EmployerActor1 => new(Guid.Parse("00000000-0000-0000-0000-000000000011"), Roles.Employer, "emp1", EstablishmentId: Establishment1.Id);
    public Actor EmployerActor2 => new(Guid.Parse("00000000-0000-0000-0000-000000000012"), Roles.Employer, "emp2", EstablishmentId: Establishment2.Id);
    public Actor StaffActor1 => new(Guid.Parse("00000000-0000-0000-0000-000000000021"), Roles.Staff, "staff1", OfficeId: Office1.Id);
    public Actor StaffActor2 => new(Guid.Parse("00000000-0000-0000-0000-000000000022"), Roles.Staff, "staff2", OfficeId: Office2.Id);

    public static async Task<DomainWorld> CreateAsync()
    {
        var world = new DomainWorld();
        await world.SeedAsync();
        return world;
    }

    /// <summary>The same world on the given provider: <c>Sqlite</c>, or <c>Postgres</c> on <see cref="PostgresServer"/>; without that
    /// server the calling test is skipped, saying why.</summary>
    public static async Task<DomainWorld> CreateAsync(string provider)
    {
        Assert.SkipWhen(provider == "Postgres" && PostgresServer is null, PostgresSkipReason);
        var world = provider == "Postgres" ? new DomainWorld(PostgresServer!) : new DomainWorld();
        await world.SeedAsync();
        return world;
    }

    /// <summary>An empty world (migrated, no rows) whose clock reads <paramref name="now"/>, for tests that arrange every row
    /// themselves.</summary>
    public static async Task<DomainWorld> CreateEmptyAsync(DateTimeOffset now)
    {
        var world = new DomainWorld(now: now);
        await DatabaseTemplates.CopyMigratedAsync(world._path);
        return world;
    }

    public bool IsPostgres => _postgres is not null;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Runs <paramref name="action"/> on a fresh context and saves: the way tests arrange rows.</summary>
    public async Task<T> ArrangeAsync<T>(Func<HelloWorkDb, Task<T>> action)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var result = await action(db);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>An agency that has applied and waits for approval, arranged as a row: an agency applies with its first account
    /// through the registration form (AccountService, tested in RegistrationTests), which these domain tests do not need.</summary>
    public Task<Guid> AppliedAgencyAsync(string name, HelloWork.Domain.Agencies.AgencyKind kind, string? licenseNumber) => ArrangeAsync(db =>
    {
        var agency = new HelloWork.Domain.Agencies.Agency(name, kind, licenseNumber, Now);
        db.Agencies.Add(agency);
        return Task.FromResult(agency.Id);
    });

    private async Task SeedAsync()
    {
        if (_postgres is null)
        {
            await DatabaseTemplates.CopyMigratedAsync(_path); // the run's migrated file, copied (a second saved per world)
        }
        await using var db = await Factory.CreateDbContextAsync();
        if (_postgres is not null)
        {
            await db.Database.MigrateAsync();
        }
        var now = Clock.GetUtcNow();
        var rnd = new Random(7);
        Office1 = new Office("13010", "ハローワーク飯田橋", "東京都", "東京都文京区後楽1-9-20", "03-3812-8609");
        Office2 = new Office("27010", "ハローワーク大阪東", "大阪府", "大阪府大阪市中央区農人橋2-1-36", "06-6942-4771");
        Establishment1 = new Establishment(Office1.Id, "1301-000100-1", "株式会社みらい商事", "ミライショウジ", "102-0072", "東京都", "東京都千代田区飯田橋3-4-1", "卸売業", 120, now);
        Establishment2 = new Establishment(Office2.Id, "2701-000101-2", "株式会社なにわ物産", "ナニワブッサン", "540-0008", "大阪府", "大阪府大阪市中央区大手前2-1-22", "卸売業", 40, now);
        Establishment1.Confirm(now);
        Establishment2.Confirm(now);
        Offer1 = Published(rnd, Establishment1, Office1, Vocabulary.Places[0], now, PublicationScope.PublicWithName);
        Offer2 = Published(rnd, Establishment2, Office2, Vocabulary.Places[8], now, PublicationScope.PublicWithName);
        Jobseeker1 = new Jobseeker("佐藤 結衣", "サトウ ユイ", new DateOnly(1990, 4, 1), "090-1111-2222", "113-0033", "東京都文京区本郷1-1-1", now);
        Jobseeker1.RegisterAtOffice(Office1, now);
        Jobseeker2 = new Jobseeker("田中 蓮", "タナカ レン", new DateOnly(1995, 6, 15), null, null, null, now);
        db.AddRange(Office1, Office2, Establishment1, Establishment2, Offer1, Offer2, Jobseeker1, Jobseeker2);
        await db.SaveChangesAsync();
    }

    /// <summary>A published offer with a complete sheet; self-application and mypage documents on.</summary>
    public static JobOffer Published(Random rnd, Establishment est, Office office, Vocabulary.Place place, DateTimeOffset now, PublicationScope scope)
    {
        var sheet = SampleSheets.Build(rnd, Vocabulary.Occupations[0], place, est.Name, est.Kana, est.Address, est.Employees);
        sheet = sheet with
        {
            Basics = sheet.Basics with { Scope = scope, OnlineSelfApplication = scope != PublicationScope.WithoutName },
            Selection = sheet.Selection with { AcceptsMypageDocuments = true },
        };
        var offer = new JobOffer(est.Id, OfferChannel.Online, sheet, now);
        offer.Submit(now);
        offer.Accept(office, now);
        return offer;
    }

    /// <summary>Reads (or works) on a fresh context, so nothing comes from a change tracker.</summary>
    public async Task<T> WithDbAsync<T>(Func<HelloWorkDb, Task<T>> work)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>Staff send an online referral of <paramref name="offer"/> to <paramref name="jobseeker"/> (R-REF-2).</summary>
    public async Task<Referral> ReferAsync(JobOffer offer, Jobseeker jobseeker, Office office)
    {
        var referral = new Referral(offer.Id, jobseeker.Id, office.Id, Guid.NewGuid(), "職業相談部門 高橋", ReferralKind.Online,
            EmployerConfirmation.Confirmed, null, Clock.GetUtcNow(), Clock.GetUtcNow() + Referral.DefaultApplicationPeriod);
        await WithDbAsync(async db =>
        {
            db.Referrals.Add(referral);
            return await db.SaveChangesAsync();
        });
        return referral;
    }

    public ApplicationService Applications => new(Ops);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await using (var own = new Npgsql.NpgsqlConnection(_postgres.ConnectionString))
            {
                Npgsql.NpgsqlConnection.ClearPool(own);
            }
            var admin = new Npgsql.NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = "postgres" };
            await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgres.Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        await Task.CompletedTask;
    }

    private sealed class ContextFactory(DbContextOptions<HelloWorkDb> options) : IDbContextFactory<HelloWorkDb>
    {
        public HelloWorkDb CreateDbContext() => new(options);
    }
}
