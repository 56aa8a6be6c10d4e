using HelloWork.Domain.Accounts;
using HelloWork.Tests.Trust;

namespace HelloWork.Tests.Host.Live;

/// <summary>On two nodes (PostgreSQL + Redis): the employer disables a login user through node A; the user's hub
/// connection on node B is closed at once and gets nothing more (R-ACC-4; the end is audited, R-AUD-1).</summary>
public sealed class ScaleOutAccessEndTests(ScaleOutFixture nodes, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task A_login_user_disabled_through_node_A_is_cut_off_on_node_B_R_ACC_4_R_AUD_1()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        await AccessEndScenario.RunAsync(nodes.A, nodes.B.BaseAddress,
            (main, id) => nodes.A.Get<EstablishmentUsers>().SetDisabledAsync(main, id, true), "EstablishmentUserDisabled", output);
    }

    [Fact]
    public async Task A_login_user_removed_through_node_A_is_cut_off_on_node_B_R_ACC_4_R_AUD_1()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        await AccessEndScenario.RunAsync(nodes.A, nodes.B.BaseAddress,
            (main, id) => nodes.A.Get<EstablishmentUsers>().RemoveAsync(main, id), "EstablishmentUserRemoved", output);
    }

    [Fact]
    public async Task Signing_out_everywhere_through_node_A_ends_the_connection_on_node_B_R_ACC_4_R_AUD_1()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        await AccessEndScenario.RunAsync(nodes.A, nodes.B.BaseAddress,
            (_, id) => AccessEndScenario.SignOutEverywhereAsync(nodes.A, id), "SignedOutEverywhere", output);
    }
}

/// <summary>Two nodes starting at the same moment on one empty PostgreSQL database seed the demo data once.</summary>
public sealed class ConcurrentSeedTests
{
    [Fact]
    public async Task Two_nodes_starting_on_an_empty_database_seed_the_demo_data_once()
    {
        var pg = Environment.GetEnvironmentVariable("HELLOWORK_TEST_PG");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(pg), ScaleOutFixture.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        var name = $"hw_seed_{Guid.NewGuid():N}"[..24];
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = "postgres" };
        await using (var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        using var folder = new TempDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:HelloWork"] = new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = name }.ConnectionString,
            ["DemoData:Enabled"] = "true",
            ["Logging:Folder"] = Path.Combine(folder.Folder, "logs"),
        };
        var a = PortalHost.On(settings);
        var b = PortalHost.On(settings);
        try
        {
            await Task.WhenAll(Task.Run(a.Start, ct), Task.Run(b.Start, ct));
            await using var db = await a.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<HelloWork.Domain.Data.HelloWorkDb>>().CreateDbContextAsync(ct);
            Assert.Equal(4, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Offices, ct));
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users, u => u.Email == "employer1@example.jp", ct));
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
