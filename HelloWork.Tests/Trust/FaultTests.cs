using System.Globalization;
using HelloWork.Testing;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The fault run in short: the real portal process killed with SIGKILL 3 times under a stream of applications and
/// messages over HTTP. Nothing a client was told was saved may be missing after a restart, and the SQLite file must pass
/// <c>PRAGMA integrity_check</c> every time. The full run (20 kills) is <c>scripts/fault-run.sh</c>.
/// </summary>
[RunsLong]
public sealed class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Acknowledged_applications_and_messages_survive_three_SIGKILLs_and_the_file_stays_sound()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HELLOWORK_FAULT_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 9;
        var folder = Directory.CreateTempSubdirectory("hellowork-fault-test-").FullName;
        output.WriteLine($"seed {seed} (HELLOWORK_FAULT_SEED), folder {folder}");
        try
        {
            var run = new FaultRun(new FaultRunSettings
            {
                WebDll = WebDll(),
                Folder = folder,
                Kills = 3,
                Seed = seed,
                Workers = 3,
                MinUptime = TimeSpan.FromMilliseconds(500),
                MaxUptime = TimeSpan.FromMilliseconds(2000),
                Log = output.WriteLine,
            });
            var r = await run.RunAsync(TestContext.Current.CancellationToken);
            output.WriteLine($"acknowledged {r.AcknowledgedApplications} applications + {r.AcknowledgedMessages} messages, lost {r.Lost}, " +
                $"in doubt {r.InDoubt} (present {r.UnacknowledgedPresent}), refused {r.Refused}, 5xx {r.ServerErrors}, " +
                $"journal {r.JournalMode}, synchronous {r.Synchronous}");

            Assert.Equal(4, r.Checks.Count); // after each of the 3 restarts, and at the end
            Assert.All(r.Checks, c => Assert.Equal("ok", c.Integrity));
            Assert.All(r.Checks, c => Assert.Equal(0, c.Lost));
            Assert.True(r.AcknowledgedApplications > 0 && r.AcknowledgedMessages > 0, "the load produced acknowledged applications and messages");
            Assert.True(r.Lost == 0, string.Join("; ", r.LostExamples));
            Assert.True(r.ServerErrors == 0, string.Join("; ", r.ServerErrorExamples));
            Assert.Equal("wal", r.JournalMode);
            Assert.True(r.Passed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string WebDll()
    {
        var dll = PortalProcess.TestBuildDll;
        Assert.True(File.Exists(dll), $"{dll} is built with the tests");
        return dll;
    }
}
