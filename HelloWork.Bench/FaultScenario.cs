using System.Diagnostics;
using System.Globalization;
using HelloWork.Testing;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>fault</c>: the real portal process under a stream of applications and messages, killed with SIGKILL
/// <c>--kills</c> times (20; <c>--quick</c> 5) at random moments and restarted; after each restart every acknowledged change
/// must be in the SQLite file and <c>PRAGMA integrity_check</c> must be ok. See <see cref="FaultRun"/> and docs/trust-faults.md.
/// Exit code 1 when anything acknowledged was lost, the file was damaged or the portal answered 5xx.
/// </summary>
public static class FaultScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var kills = options.Int("kills", options.Quick ? 5 : 20);
        var seed = options.Int("seed", int.TryParse(Environment.GetEnvironmentVariable("HELLOWORK_FAULT_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261123);
        if (!await ReleasePortal.BuildAsync(!options.Flag("no-build")))
        {
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("hellowork-fault-").FullName;
        Console.WriteLine($"seed {seed} (--seed S or HELLOWORK_FAULT_SEED to change), {kills} kills, folder {folder}");
        var load = new List<double> { Report.LoadAverage() };
        var run = new FaultRun(new FaultRunSettings
        {
            WebDll = ReleasePortal.Dll,
            Folder = folder,
            Kills = kills,
            Seed = seed,
            Workers = options.Int("workers", 4),
            MinUptime = TimeSpan.FromMilliseconds(options.Int("min-up-ms", 1000)),
            MaxUptime = TimeSpan.FromMilliseconds(options.Int("max-up-ms", 5000)),
            Log = line =>
            {
                load.Add(Report.LoadAverage());
                Console.WriteLine("  " + line);
            },
        });
        var watch = Stopwatch.StartNew();
        var r = await run.RunAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        var restarts = r.Checks.Where(c => c.Kill <= r.Kills).Select(c => c.RestartMs).ToList();

        var report = new Report("fault");
        report.Row("figure", "value");
        report.Row("kills (SIGKILL under load)", r.Kills);
        report.Row("acknowledged applications (201 + id)", r.AcknowledgedApplications);
        report.Row("acknowledged messages (201 + id)", r.AcknowledgedMessages);
        report.Row("acknowledged, missing after restart (lost)", r.Lost);
        report.Row("in doubt (no answer: killed or timed out)", r.InDoubt);
        report.Row("  of those committed anyway (unacknowledged but present)", r.UnacknowledgedPresent);
        report.Row("not sent (connection refused while down)", r.NotSent);
        report.Row("refused 4xx (rules, e.g. already applied)", r.Refused);
        report.Row("server errors 5xx", r.ServerErrors);
        report.Row("integrity_check ok / run", $"{r.Checks.Count - r.IntegrityFailures} / {r.Checks.Count}");
        report.Row("cold start ms (migrations + demo data)", r.ColdStartMs);
        report.Row("restart ms p50 / max", $"{Stats.Percentile(restarts, 50):N0} / {restarts.DefaultIfEmpty(0).Max():N0}");
        report.Row("journal_mode / synchronous", $"{r.JournalMode} / {r.Synchronous}");
        report.Row("run seconds", seconds);
        foreach (var example in r.LostExamples.Concat(r.ServerErrorExamples))
        {
            Console.WriteLine("  ! " + example);
        }
        report.Figure("kills", r.Kills);
        report.Figure("seed", r.Seed);
        report.Figure("acknowledged", r.Acknowledged);
        report.Figure("acknowledged_applications", r.AcknowledgedApplications);
        report.Figure("acknowledged_messages", r.AcknowledgedMessages);
        report.Figure("lost", r.Lost);
        report.Figure("in_doubt", r.InDoubt);
        report.Figure("unacknowledged_present", r.UnacknowledgedPresent);
        report.Figure("refused_4xx", r.Refused);
        report.Figure("server_errors", r.ServerErrors);
        report.Figure("integrity_ok", r.Checks.Count - r.IntegrityFailures);
        report.Figure("integrity_failed", r.IntegrityFailures);
        report.Figure("cold_start_ms", r.ColdStartMs);
        report.Figure("restart_ms_p50", Stats.Percentile(restarts, 50));
        report.Figure("restart_ms_max", restarts.DefaultIfEmpty(0).Max());
        report.Figure("journal_mode", r.JournalMode);
        report.Figure("synchronous", r.Synchronous);
        report.Figure("load_avg_1m_max", load.Max());
        report.Figure("seconds", seconds);
        report.Figure("passed", r.Passed);
        report.Print();
        if (r.Passed && !options.Flag("keep"))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return r.Passed ? 0 : 1;
    }
}
