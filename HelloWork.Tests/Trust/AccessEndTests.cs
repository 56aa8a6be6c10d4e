using HelloWork.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Host.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Trust;

/// <summary>
/// Ending a person's access ends every live connection of that person at once (R-ACC-4), and the end is in the
/// audit log (R-AUD-1). On main a disabled or removed login user's open <c>/hubs/live</c> connection went on receiving the
/// establishment's notices and could still <c>Join</c> and <c>CatchUp</c>; here the connection is closed within moments of
/// the change, nothing reaches it after, and a reconnect with the old token is refused.
/// </summary>
public static class AccessEndScenario
{
    public const string Password = "HelloWork!2026";

    /// <summary>A new login user of employer1's establishment that has set its password by the invitation mail.</summary>
    public static async Task<(Guid Id, string Email)> NewLoginUserAsync(PortalHost node)
    {
        var main = await node.ActorAsync("employer1@example.jp");
        var added = await node.Get<EstablishmentUsers>().AddAsync(main, $"staff-{Guid.NewGuid():N}@example.jp", "試験 利用者");
        await Invitations.AcceptAsync(node.Services, added.Email, Password);
        return (added.Id, added.Email);
    }

    public static async Task<string> TokenAsync(Uri node, string email, string password = Password)
    {
        using var http = new HttpClient { BaseAddress = node };
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A hub connection made with one fixed token, counting its pushes and noting when it closed.</summary>
    public sealed class Connection : IAsyncDisposable
    {
        private readonly TaskCompletionSource<long> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pushes;

        public Connection(Uri node, string token)
        {
            Hub = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
            Hub.On<LiveNotice>("notice", _ => Interlocked.Increment(ref _pushes));
            Hub.Closed += _ =>
            {
                _closed.TrySetResult(Stopwatch.GetTimestamp());
                return Task.CompletedTask;
            };
        }

        public HubConnection Hub { get; }

        public int Pushes => Volatile.Read(ref _pushes);

        /// <summary>The <see cref="Stopwatch"/> timestamp at which the server closed the connection, or null if it did not within the time.</summary>
        public async Task<long?> ClosedWithinAsync(TimeSpan timeout)
        {
            var done = await Task.WhenAny(_closed.Task, Task.Delay(timeout));
            return done == _closed.Task ? await _closed.Task : null;
        }

        public async Task WaitForPushesAsync(int count, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (Pushes < count && watch.Elapsed < timeout)
            {
                await Task.Delay(10);
            }
            Assert.True(Pushes >= count, $"{Pushes} pushes, expected {count}");
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }

    /// <summary>
    /// The login user (connected to <paramref name="hubNode"/>) and the main account both listen; <paramref name="end"/> ends the
    /// login user's access through <paramref name="acting"/>. The login user's connection closes, the main account's stays, a
    /// notice after the change reaches only the main account, and the old token is refused by the hub.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(PortalHost acting, Uri hubNode, Func<Actor, Guid, Task> end, string auditAction, ITestOutputHelper output)
    {
        var (userId, email) = await NewLoginUserAsync(acting);
        var jobseeker = await acting.ActorAsync("jobseeker1@example.jp");
        var main = await acting.ActorAsync("employer1@example.jp");
        var token = await TokenAsync(hubNode, email);
        await using var user = new Connection(hubNode, token);
        await using var mainConnection = new Connection(hubNode, await TokenAsync(hubNode, "employer1@example.jp"));
        await user.Hub.StartAsync();
        await mainConnection.Hub.StartAsync();

        // Before: both receive the establishment's notice.
        var offerId = await acting.SelfApplicationOfferAsync(main, jobseeker);
        var applicationId = await acting.ApplyAsync(jobseeker, offerId);
        await user.WaitForPushesAsync(1, TimeSpan.FromSeconds(10));
        await mainConnection.WaitForPushesAsync(1, TimeSpan.FromSeconds(10));

        var started = Stopwatch.GetTimestamp();
        await end(main, userId);
        var closedAt = await user.ClosedWithinAsync(TimeSpan.FromSeconds(10));
        Assert.True(closedAt is not null, "the ended user's connection is closed by the server");
        var elapsed = Stopwatch.GetElapsedTime(started, closedAt!.Value);
        output.WriteLine($"{auditAction}: connection closed {elapsed.TotalMilliseconds:0} ms after the change was requested");
        Assert.Equal(HubConnectionState.Connected, mainConnection.Hub.State);

        // After: the next notice reaches the main account and not the ended user.
        var before = user.Pushes;
        await acting.Get<HelloWork.Domain.Applications.ApplicationService>().CancelAsync(jobseeker, applicationId);
        await mainConnection.WaitForPushesAsync(2, TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.Equal(before, user.Pushes);

        // The old token no longer opens the hub, so neither Join nor CatchUp can be called with it.
        await using var again = new Connection(hubNode, token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.Hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The end is in the audit log (R-AUD-1).
        var audited = await acting.QueryAuditAsync(userId);
        Assert.Contains(auditAction, audited);
        return elapsed;
    }

    /// <summary>すべての端末からログアウト by the person <paramref name="userId"/> themselves, through <paramref name="node"/>.</summary>
    public static async Task SignOutEverywhereAsync(PortalHost node, Guid userId)
    {
        string email;
        await using (var db = await node.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<HelloWork.Domain.Data.HelloWorkDb>>().CreateDbContextAsync())
        {
            email = db.Users.Where(u => u.Id == userId).Select(u => u.Email!).Single();
        }
        var actor = await node.ActorAsync(email);
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TwoFactorService>().SignOutEverywhereAsync(actor);
    }

    public static async Task<List<string>> QueryAuditAsync(this PortalHost node, Guid subjectId)
    {
        await using var db = await node.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<HelloWork.Domain.Data.HelloWorkDb>>().CreateDbContextAsync();
        return [.. db.AuditEntries.Where(a => a.SubjectId == subjectId).Select(a => a.Action)];
    }
}

public sealed class AccessEndTests(LiveHubFixture fixture, ITestOutputHelper output) : IClassFixture<LiveHubFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_login_user_disabled_by_the_employer_is_cut_off_at_once_R_ACC_4_R_AUD_1() =>
        await AccessEndScenario.RunAsync(Host, Host.BaseAddress,
            (main, id) => Host.Get<EstablishmentUsers>().SetDisabledAsync(main, id, true), "EstablishmentUserDisabled", output);

    [Fact]
    public async Task A_login_user_removed_by_the_employer_is_cut_off_at_once_R_ACC_4_R_AUD_1() =>
        await AccessEndScenario.RunAsync(Host, Host.BaseAddress,
            (main, id) => Host.Get<EstablishmentUsers>().RemoveAsync(main, id), "EstablishmentUserRemoved", output);

    [Fact]
    public async Task A_password_change_cuts_off_the_connections_made_with_the_old_password_but_not_the_new_session_R_ACC_4()
    {
        var (_, email) = await AccessEndScenario.NewLoginUserAsync(Host);
        var actor = await Host.ActorAsync(email);
        await using var old = new AccessEndScenario.Connection(Host.BaseAddress, await AccessEndScenario.TokenAsync(Host.BaseAddress, email));
        await old.Hub.StartAsync();

        const string next = "Atarashii!2026";
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PasswordChangeService>().ChangeAsync(actor, AccessEndScenario.Password, next, next,
                TestContext.Current.CancellationToken);
        }
        Assert.NotNull(await old.ClosedWithinAsync(TimeSpan.FromSeconds(10)));

        // A connection of the new session is made and stays.
        await using var fresh = new AccessEndScenario.Connection(Host.BaseAddress, await AccessEndScenario.TokenAsync(Host.BaseAddress, email, next));
        await fresh.Hub.StartAsync(TestContext.Current.CancellationToken);
        Assert.Null(await fresh.ClosedWithinAsync(TimeSpan.FromSeconds(1)));
        Assert.NotEmpty(await fresh.Hub.InvokeAsync<List<string>>("Recipients", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_stale_session_is_refused_Join_and_CatchUp_even_before_its_connection_is_closed_R_ACC_4()
    {
        var (userId, email) = await AccessEndScenario.NewLoginUserAsync(Host);
        await using var connection = new AccessEndScenario.Connection(Host.BaseAddress, await AccessEndScenario.TokenAsync(Host.BaseAddress, email));
        await connection.Hub.StartAsync(TestContext.Current.CancellationToken);
        var recipient = (await connection.Hub.InvokeAsync<List<string>>("Recipients", TestContext.Current.CancellationToken))[0];
        // The stamp changes without the signal (as if the signal were lost on its way): the hub's own check refuses.
        await using (var db = await Host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<HelloWork.Domain.Data.HelloWorkDb>>()
                         .CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.Users.Where(u => u.Id == userId),
                s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")), TestContext.Current.CancellationToken);
        }
        await Assert.ThrowsAnyAsync<Exception>(() => connection.Hub.InvokeAsync<List<LiveNotice>>("CatchUp", recipient, 0L,
            TestContext.Current.CancellationToken));
        Assert.NotNull(await connection.ClosedWithinAsync(TimeSpan.FromSeconds(5)));
    }
}

/// <summary>A hub connection ends when the bearer token it was opened with expires (Auth:BearerTokenLifetime 4 s here).</summary>
public sealed class ShortTokenFixture : IAsyncLifetime
{
    public TempDatabase Database { get; } = new();
    public PortalHost Host { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var settings = Database.Settings();
        settings["Auth:BearerTokenLifetime"] = "00:00:04";
        Host = PortalHost.On(settings);
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }
}

public sealed class ExpiredTokenTests(ShortTokenFixture fixture) : IClassFixture<ShortTokenFixture>
{
    [Fact]
    public async Task A_hub_connection_is_closed_when_its_bearer_token_expires_R_ACC_4()
    {
        var node = fixture.Host.BaseAddress;
        await using var connection = new AccessEndScenario.Connection(node, await AccessEndScenario.TokenAsync(node, "employer1@example.jp"));
        var opened = Stopwatch.GetTimestamp();
        await connection.Hub.StartAsync(TestContext.Current.CancellationToken);
        // SignalR checks a connection's authentication expiry on its keep-alive tick (15 s): allow a few ticks on a busy machine.
        var closed = await connection.ClosedWithinAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(closed);
        Assert.True(Stopwatch.GetElapsedTime(opened, closed.Value) >= TimeSpan.FromSeconds(3), "not before the token expired");
    }
}
