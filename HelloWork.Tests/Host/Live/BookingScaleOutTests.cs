using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using HelloWork.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// R-EVT-1 "never more bookings than seats" and R-APT-1 "never two bookings for one slot" on the deployment's own shape: TWO real portal
/// processes (<c>dotnet HelloWork.Web.dll</c>) on one PostgreSQL database and one Redis bus (R-LIVE-1 "on every server node"), 50 clients
/// signed in with their own bearer tokens, half sent to each node, released at once through the jobseeker's booking API (the same
/// <see cref="EventBookings"/> and <see cref="Appointments"/> as the mypage's pages). Needs <c>HELLOWORK_TEST_PG</c> and
/// <c>HELLOWORK_TEST_REDIS</c> (<c>eval "$(scripts/scaleout-services.sh)"</c>); skipped with the reason without them.
/// </summary>
public sealed class BookingScaleOutTests(TwoPortalProcesses nodes, ITestOutputHelper output) : IClassFixture<TwoPortalProcesses>
{
    private const int Clients = 50;
    private const int LastSeats = 10;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_clients_on_two_portal_processes_racing_for_the_last_10_seats_get_exactly_10_bookings_and_40_clear_refusals()
    {
        Assert.SkipUnless(TwoPortalProcesses.Configured, TwoPortalProcesses.SkipReason);
        var early = await nodes.JobseekersAsync("early", 2);
        var racers = await nodes.JobseekersAsync("seat", Clients);
        var eventId = await nodes.EventAsync(capacity: LastSeats + early.Count);
        foreach (var (token, i) in early.Select((t, i) => (t, i)))
        {
            using var booked = await nodes.PostAsync(i, token, "api/v1/me/event-bookings", new { eventId, waitIfFull = false });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        var outcomes = await RaceAsync(racers, (i, token) => nodes.PostAsync(i, token, "api/v1/me/event-bookings", new { eventId, waitIfFull = false }));

        Assert.Equal(LastSeats, outcomes.Count(o => o.Status == HttpStatusCode.Created));
        var refusals = outcomes.Where(o => o.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(Clients - LastSeats, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
            Assert.Equal(ErrorCodes.EventFull, r.Body.GetProperty("code").GetString());
            Assert.Equal("満席のため予約できませんでした。キャンセル待ちに登録できます。", r.Body.GetProperty("detail").GetString());
        });
        // Both nodes answered winners and refusals: the race really was across the two processes.
        Assert.All(new[] { 0, 1 }, node => Assert.Contains(outcomes, o => o.Node == node && o.Status == HttpStatusCode.UnprocessableEntity));
        output.WriteLine($"winners by node: A {outcomes.Count(o => o.Node == 0 && o.Status == HttpStatusCode.Created)}, " +
            $"B {outcomes.Count(o => o.Node == 1 && o.Status == HttpStatusCode.Created)}");

        // Seats left 0 on both nodes, as the event page of either shows it; the database counts exactly the seats.
        foreach (var node in new[] { 0, 1 })
        {
            using var card = await nodes.GetAsync(node, racers[node], $"api/v1/me/events/{eventId}");
            Assert.Equal(HttpStatusCode.OK, card.StatusCode);
            var json = await card.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(0, json.GetProperty("seatsLeft").GetInt32());
            Assert.Equal(LastSeats + early.Count, json.GetProperty("capacity").GetInt32());
        }
        var (counter, confirmed, audited) = await nodes.WithDbAsync(async db => (
            await db.OfficeEvents.Where(e => e.Id == eventId).Select(e => e.Booked).SingleAsync(Ct),
            await db.EventBookings.CountAsync(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed, Ct),
            await db.AuditEntries.CountAsync(a => a.Action == "EventBooked" && a.Detail == TwoPortalProcesses.EventTitle, Ct)));
        Assert.Equal(LastSeats + early.Count, counter);
        Assert.Equal(LastSeats + early.Count, confirmed);
        Assert.Equal(LastSeats + early.Count, audited);
    }

    [Fact]
    public async Task Fifty_clients_on_two_portal_processes_racing_for_one_counselling_slot_give_one_appointment_and_49_clear_refusals()
    {
        Assert.SkipUnless(TwoPortalProcesses.Configured, TwoPortalProcesses.SkipReason);
        var racers = await nodes.JobseekersAsync("slot", Clients);
        var slotId = await nodes.SlotAsync();

        var outcomes = await RaceAsync(racers, (i, token) => nodes.PostAsync(i, token, "api/v1/me/appointments", new { slotId }));

        Assert.Equal(1, outcomes.Count(o => o.Status == HttpStatusCode.Created));
        var refusals = outcomes.Where(o => o.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(Clients - 1, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, r.Status);
            Assert.Equal(ErrorCodes.SlotTaken, r.Body.GetProperty("code").GetString());
            Assert.Equal("この枠は、たった今ほかの方が予約しました。別の枠を選んでください。", r.Body.GetProperty("detail").GetString());
        });
        Assert.All(new[] { 0, 1 }, node => Assert.Contains(outcomes, o => o.Node == node && o.Status == HttpStatusCode.UnprocessableEntity));
        var (holder, booked) = await nodes.WithDbAsync(async db => (
            await db.CounsellingSlots.Where(s => s.Id == slotId).Select(s => s.JobseekerId).SingleAsync(Ct),
            await db.AuditEntries.CountAsync(a => a.Action == "AppointmentBooked" && a.SubjectId == slotId, Ct)));
        Assert.NotNull(holder);
        Assert.Equal(1, booked);
    }

    private sealed record Outcome(int Node, HttpStatusCode Status, JsonElement Body);

    /// <summary>Every client's call, client i on node i % 2, all released at once.</summary>
    private static async Task<List<Outcome>> RaceAsync(IReadOnlyList<string> tokens, Func<int, string, Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = tokens.Select((token, i) => Task.Run(async () =>
        {
            await start.Task;
            using var response = await send(i % 2, token);
            var text = await response.Content.ReadAsStringAsync(Ct);
            return new Outcome(i % 2, response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }
}

/// <summary>One PostgreSQL database of its own and two portal processes on it and on one Redis (each <see cref="PortalProcess"/>, the
/// first migrating and seeding the demo data before the second starts); arrangements are written to the database directly.</summary>
public sealed class TwoPortalProcesses : IAsyncLifetime
{
    public const string EventTitle = "二つのノードで予約を競う面接会";
    private static readonly string? Postgres = Environment.GetEnvironmentVariable("HELLOWORK_TEST_PG");
    private static readonly string? Redis = Environment.GetEnvironmentVariable("HELLOWORK_TEST_REDIS");
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly string _folder = Directory.CreateTempSubdirectory("hellowork-booking-nodes-").FullName;
    private readonly List<PortalProcess> _nodes = [];
    private readonly List<HttpClient> _clients = [];
    private string? _database;
    private Operations? _ops;
    private Factory? _factory;

    public static bool Configured => !string.IsNullOrWhiteSpace(Postgres) && !string.IsNullOrWhiteSpace(Redis);

    public const string SkipReason =
        "Two-node booking races need HELLOWORK_TEST_PG and HELLOWORK_TEST_REDIS: run eval \"$(scripts/scaleout-services.sh)\" first (as root).";

    public async ValueTask InitializeAsync()
    {
        if (!Configured)
        {
            return;
        }
        var pg = new NpgsqlConnectionStringBuilder(Postgres) { Database = _database = $"hw_book_{_run}" };
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:HelloWork"] = pg.ConnectionString,
            ["Live:Bus"] = "Redis",
            ["ConnectionStrings:Redis"] = $"{Redis},channelPrefix=hw-book-{_run}:",
            ["DemoData:Enabled"] = "true",
            ["BookingReminders:Enabled"] = "false",
            ["Logging:Folder"] = Path.Combine(_folder, "logs"),
        };
        foreach (var name in new[] { "a", "b" })
        {
            var node = await PortalProcess.StartAsync(settings, Path.Combine(_folder, $"node-{name}.log"));
            _nodes.Add(node);
            _clients.Add(new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) });
        }
        var options = new DbContextOptionsBuilder<HelloWorkDb>()
            .UseNpgsql(pg.ConnectionString + ";Application Name=hellowork-test-arrange", o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly));
        _factory = new Factory(options.Options);
        _ops = new Operations(_factory, TimeProvider.System, new InProcessLiveBus(new LocalDispatcher()));
    }

    /// <summary><paramref name="count"/> jobseekers registered at office 13010, each with an account and a password, signed in (bearer
    /// token) on the node they will use.</summary>
    public async Task<List<string>> JobseekersAsync(string prefix, int count)
    {
        var now = TimeProvider.System.GetUtcNow();
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), PortalHost.DemoPassword);
        var emails = await WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Code == "13010");
            var role = await db.Roles.Where(r => r.Name == Roles.Jobseeker).Select(r => r.Id).SingleAsync();
            var list = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var js = new Jobseeker($"競争 {prefix}{i}", "キョウソウ", new DateOnly(1970 + i % 30, 1, 1), null, null, null, now);
                js.RegisterAtOffice(office, now);
                db.Jobseekers.Add(js);
                var email = $"{prefix}{i}-{_run}@example.jp";
                var userId = Guid.NewGuid();
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = role });
                db.Users.Add(new AppUser
                {
                    Id = userId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
                    Role = Roles.Jobseeker, JobseekerId = js.Id, DisplayName = js.Name, CreatedAt = now,
                });
                list.Add(email);
            }
            await db.SaveChangesAsync();
            return list;
        });
        var tokens = new List<string>();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
        {
            using var login = await _clients[i % 2].PostAsJsonAsync("api/auth/login", new { email, password = PortalHost.DemoPassword });
            login.EnsureSuccessStatusCode();
            tokens.Add((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        }
        return tokens;
    }

    /// <summary>A 面接会 of office 13010 a week ahead with <paramref name="capacity"/> seats, made by its staff.</summary>
    public async Task<Guid> EventAsync(int capacity)
    {
        var staff = await StaffAsync();
        var now = TimeProvider.System.GetUtcNow();
        return await new EventBookings(_ops!).SaveAsync(staff, null, new OfficeEventInput(EventKind.InterviewFair, EventTitle, "",
            now.AddDays(7), now.AddDays(7).AddHours(3), "ハローワーク飯田橋 5階", null, capacity, now.AddDays(6)), []);
    }

    /// <summary>One free slot tomorrow of a counsellor of office 13010 of its own (no demo slot at the same time).</summary>
    public async Task<Guid> SlotAsync()
    {
        var staff = await StaffAsync();
        var counsellor = new AppUser { Id = Guid.NewGuid(), UserName = $"counsellor-{_run}@example.jp", Role = Roles.Staff, OfficeId = staff.OfficeId,
            DisplayName = "職業相談部門 競争", CreatedAt = TimeProvider.System.GetUtcNow() };
        await WithDbAsync(db => { db.Users.Add(counsellor); return db.SaveChangesAsync(); });
        var appointments = new Appointments(_ops!);
        await appointments.AddSlotsAsync(staff, counsellor.Id, JapanTime.Today(TimeProvider.System).AddDays(1), [new TimeOnly(15, 0)], 45);
        return await WithDbAsync(db => db.CounsellingSlots.Where(s => s.CounsellorUserId == counsellor.Id).Select(s => s.Id).SingleAsync());
    }

    private Task<Actor> StaffAsync() => WithDbAsync(async db =>
    {
        var user = await db.Users.FirstAsync(u => u.Email == "staff1@example.jp");
        return new Actor(user.Id, Roles.Staff, user.DisplayName, OfficeId: user.OfficeId);
    });

    public async Task<HttpResponseMessage> PostAsync(int node, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _clients[node].SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(int node, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _clients[node].SendAsync(request);
    }

    public async Task<T> WithDbAsync<T>(Func<HelloWorkDb, Task<T>> work)
    {
        await using var db = _factory!.CreateDbContext();
        return await work(db);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        await ScaleOutFixture.CleanUpAsync(Postgres!, _database, _folder);
    }

    private sealed class Factory(DbContextOptions<HelloWorkDb> options) : IDbContextFactory<HelloWorkDb>
    {
        public HelloWorkDb CreateDbContext() => new(options);
    }
}
