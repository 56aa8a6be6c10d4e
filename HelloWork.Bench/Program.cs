using HelloWork.Bench;
using HelloWork.Bench.Scenarios;

// dotnet run -c Release --project HelloWork.Bench -- <command> [--quick] [--db PATH | --pg "connection string"] [options]
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    return options.Command switch
    {
        "generate" => await GenerateCommand.RunAsync(options),
        "writes" => await WritesScenario.RunAsync(options),
        "applicants" => await ApplicantsScenario.RunAsync(options),
        "startup" => await StartupScenario.RunAsync(options),
        "search" => await SearchScenario.RunAsync(options),
        "pdf" => await PdfScenario.RunAsync(options),
        "live" => await LiveScenario.RunAsync(options),
        "access-churn" => await AccessChurnScenario.RunAsync(options),
        "export" => await ExportScenario.RunAsync(options),
        "figures" => await FiguresScenario.RunAsync(options),
        "evaluation" => await EvaluationScenario.RunAsync(options),
        "circuits" => await CircuitsScenario.RunAsync(options),
        "fault" => await FaultScenario.RunAsync(options),
        "mail" => await MailScenario.RunAsync(options),
        "lint" => await LintScenario.RunAsync(options),
        "booking" => await BookingScenario.RunAsync(options),
        _ => Help(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

int Help()
{
    Console.WriteLine("""
        HelloWork benchmark program. Every scenario prints a table and, as its last line, one JSON object.

          generate   --offers N [--seed S] [--applicants-per-establishment A] [--big-applicants B] [--anchor yyyy-MM-dd]
                     fill a fresh database with national-scale Japanese data (default 1,000,000 offers; --quick 20,000)
          writes     applications through ApplicationService.ApplyAsync, each committed   [--count N] [--clients C]
          applicants the employer's applicant list for the establishment with 50,000 applicants   [--runs N]
          startup    cold and warm start of the real portal process until /health answers 200, built and published   [--runs N] [--no-build]
          pdf        referral slips per second on every core, slip and job sheet sizes   [--seconds S] [--out DIR]
          lint       the legal checker over the labelled offers (HelloWork.Testing/LawCases.cs): precision, recall and offers
                     checked a second   [--seconds S (5; --quick 1)]
          export     the agencies' full CSV export of open offers: rows per second and peak memory
          figures    an office's figures for a whole fiscal year (12 months, 4 quarters, the year) and the quarterly scorecard CSV,
                     as a supervisor of the office with the most data and of three other offices   [--runs N] [--fiscal-year Y] [--quarter Q]
          evaluation the yearly ハローワーク総合評価 of a finished fiscal year for every office (targets set first, 11 groups, four levels),
                     then one office's public monthly page data and CSV: p95 and the run's seconds   [--runs N] [--fiscal-year Y]
          search     the public job search: 3+ character words with filters and 1–2 character words   [--runs N]
          live       the real portal in-process, N SignalR hub clients, notices committed at a fixed rate: delivery latency,
                     losses, memory   [--clients N (1,000; --quick 200)] [--rate R (50/s)] [--seconds S (60; --quick 15)] [--drain S]
          access-churn  the real portal in-process, 200 hub connections of many identities (login users of many establishments)
                     while accounts are disabled, removed or change their password at random; no notice may reach a connection
                     whose access had ended (checked with the audit log): leaked must be 0   [--connections N (200)]
                     [--per-identity K (4)] [--seconds S (1,200; --quick 60)] [--end-every-ms M (1,500)] [--rate R (20/s)] [--seed S]
          circuits   the real portal process, N signed-in pages held open by headless Chromium as Blazor circuits: server memory
                     per circuit (heap after a full GC, RSS), at N/2 and N   [--circuits N (200; --quick 50)] [--parallel P] [--no-build]
                     and what grew, by type [--types K (25)]; [--page PATH] one kind of page only; [--hold S] keeps the pages open
                     S seconds for an outside look
          fault      the real portal process under applications and messages over HTTP, killed with SIGKILL N times and restarted;
                     every acknowledged change must survive, PRAGMA integrity_check must be ok   [--kills N (20; --quick 5)] [--seed S]
                     [--workers W (4)] [--min-up-ms 1000] [--max-up-ms 5000] [--no-build] [--keep]

          booking    clients racing for scarce event seats (R-EVT-1): rounds of C clients booking an event with S seats at once, each
                     booking its own committed transaction; bookings a second, p95, and overbooked events (must be 0)
                     [--clients C (200; --quick 50)] [--seats S (10)] [--rounds R (20; --quick 5)]
          mail       mails a second from the outbox to a real SMTP server on loopback: notices written through the outbox, then
                     N dispatchers (leased rows, MailKit) send until it is empty; duplicates and lost counted by Message-Id
                     [--mails N (20,000; --quick 2,000)] [--nodes N (2)] [--users U (200)] [--batch B (100)] [--keep]
                     (with --pg the named database is dropped and created afresh: give it a database of its own)

        Common options: --quick (a smaller run, well under 3 minutes), --db PATH (SQLite file, default bench-out/bench.db,
        bench-out/bench-quick.db with --quick), --pg "Host=...;Database=...;Username=..." (PostgreSQL instead of SQLite).
        Scenarios that need data generate it into --db when the file is missing.
        """);
    return options.Command == "help" ? 0 : 2;
}
