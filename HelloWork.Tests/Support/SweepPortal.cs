using HelloWork.Domain.Data;
using HelloWork.Web.Background;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests;

/// <summary>
/// The real portal on a SQLite file in a folder of the test's choosing, with its clock under the test's control, for the tests
/// of a periodic sweep (<see cref="PeriodicSweep{TOptions}"/>): its interval is one hour of that clock. Two hosts on one folder
/// stand for the portal before and after a downtime (a restart).
/// </summary>
public sealed class SweepPortal<TSweep>(SweepFolder folder, FakeTimeProvider clock, string section) : WebApplicationFactory<Program>
    where TSweep : class, ISweep
{
    public FakeTimeProvider Clock => clock;

    public TSweep Sweeper => Services.GetRequiredService<TSweep>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseDemoSqlite(folder.Path, fromTemplate: false); // its fake clock dates its own demo data, and a restart keeps the file
        builder.UseSetting(section + ":SweepInterval", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    public async Task<T> DbAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits (bounded) until the sweeper has completed <paramref name="count"/> sweeps.</summary>
    public async Task WaitForSweepsAsync(int count)
    {
        for (var i = 0; i < 600 && Sweeper.Sweeps < count; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.True(Sweeper.Sweeps >= count, $"the sweeper completed {Sweeper.Sweeps} of {count} sweeps");
    }
}

/// <summary>A test's own temporary folder for <see cref="SweepPortal{TSweep}"/>'s database, deleted at the end.</summary>
public sealed class SweepFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hellowork-sweep-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
