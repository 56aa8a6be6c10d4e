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
        "search" => Pending.Run("search", 5, "the public job search (free text, filters) over 1,000,000 published offers"),
        "pdf" => Pending.Run("pdf", 7, "referral slips and job sheets as PDFs (the SkiaSharp/HarfBuzz layout layer)"),
        "live" => Pending.Run("live", 3, "the live bus and the /hubs/live SignalR hub for 1,000 clients"),
        "export" => Pending.Run("export", 8, "the agencies' CSV/JSON data provision API (GET /api/v1/provision/job-offers)"),
        "circuits" => Pending.Run("circuits", 4, "employer pages worth holding open as real Blazor circuits (the live applicant list), driven by headless Chromium"),
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
        HelloWork benchmark program (issue 10). Every scenario prints a table and, as its last line, one JSON object.

          generate   --offers N [--seed S] [--applicants-per-establishment A] [--big-applicants B] [--anchor yyyy-MM-dd]
                     fill a fresh database with national-scale Japanese data (default 1,000,000 offers; --quick 20,000)
          writes     applications through ApplicationService.ApplyAsync, each committed   [--count N] [--clients C]
          applicants the employer's applicant list for the establishment with 50,000 applicants   [--runs N]
          startup    cold and warm start of the real portal process until /health answers 200   [--runs N] [--no-build]
          search, pdf, live, export, circuits   not implemented yet (they say which issue they wait for)

        Common options: --quick (a smaller run, well under 3 minutes), --db PATH (SQLite file, default bench-out/bench.db,
        bench-out/bench-quick.db with --quick), --pg "Host=...;Database=...;Username=..." (PostgreSQL instead of SQLite).
        Scenarios that need data generate it into --db when the file is missing.
        """);
    return options.Command == "help" ? 0 : 2;
}
