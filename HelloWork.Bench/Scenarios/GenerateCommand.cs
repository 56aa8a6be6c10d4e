using System.Globalization;
using HelloWork.Bench.Generation;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Bench.Scenarios;

/// <summary><c>generate</c>: a fresh, migrated database with national-scale data, rows/s per table.</summary>
public static class GenerateCommand
{
    public const int DefaultBigApplicants = 50_000;

    public static GenerateSettings SettingsFrom(Options options) => new(
        options.Int("offers", options.Quick ? 20_000 : 1_000_000),
        options.Int("seed", 20261123),
        options.Double("applicants-per-establishment", 1.5),
        options.Int("big-applicants", DefaultBigApplicants),
        options.Text("anchor") is { } a
            ? JapanTime.StartOf(DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : JapanTime.StartOf(JapanTime.DateOf(TimeProvider.System.GetUtcNow())));

    public static async Task<int> RunAsync(Options options)
    {
        var db = BenchDb.From(options);
        var settings = SettingsFrom(options);
        var result = await new DataGenerator(db, settings, Console.Out).RunAsync();
        await VerifyAsync(db, settings, result);

        var report = new Report("generate");
        report.Row("table", "rows", "seconds", "rows/s");
        foreach (var t in result.Tables)
        {
            if (t.Table == "Referrals")
            {
                report.Row("Referrals (written with Applications)", t.Rows, "", "");
                continue;
            }
            report.Row(t.Table, t.Rows, t.Seconds, t.Rows > 0 ? t.Rows / t.Seconds : "");
        }
        report.Row("total", result.Rows, result.Seconds, result.Rows / result.Seconds);
        report.Figure("open_offers", settings.Offers);
        report.Figure("offers", result.Tables.First(t => t.Table == "JobOffers").Rows);
        report.Figure("establishments", settings.Establishments);
        report.Figure("jobseekers", settings.Jobseekers);
        report.Figure("applications", result.Tables.First(t => t.Table == "Applications").Rows);
        report.Figure("rows", result.Rows);
        report.Figure("seconds", result.Seconds);
        report.Figure("rows_per_s", result.Rows / result.Seconds);
        report.Figure("db_mb", result.DatabaseBytes / 1024.0 / 1024.0);
        report.Print();
        return 0;
    }

    /// <summary>Scenarios that need data create it when the database is missing, at the size that matches --quick.</summary>
    public static async Task EnsureDataAsync(Options options)
    {
        var db = BenchDb.From(options);
        if (db.Exists())
        {
            if (db.IsSqlite)
            {
                // Data generated before a newer migration (an index, say) gets it now, as the portal would on start.
                await using var ctx = db.CreateContext();
                await ctx.Database.MigrateAsync();
            }
            return;
        }
        Console.WriteLine($"No benchmark data in {db.Describe}: generating it first.");
        var settings = SettingsFrom(options);
        var result = await new DataGenerator(db, settings, Console.Out).RunAsync();
        await VerifyAsync(db, settings, result);
    }

    /// <summary>Reads the data back through EF: the rows the bulk load wrote must be what EF itself would read.</summary>
    private static async Task VerifyAsync(BenchDb target, GenerateSettings settings, GenerateResult result)
    {
        await using var db = target.CreateContext();
        var anchorDate = JapanTime.DateOf(settings.Anchor);
        var offers = await db.JobOffers.CountAsync(o => o.Status == OfferStatus.Published && o.ValidUntil >= anchorDate);
        var all = await db.JobOffers.CountAsync();
        var big = await db.Applications.CountAsync(a => a.EstablishmentId == result.BigEstablishmentId);
        var sample = await db.JobOffers.AsNoTracking().Where(o => o.JobNumber != null).OrderBy(o => o.JobNumber).FirstAsync();
        var app = await db.Applications.AsNoTracking().OrderByDescending(a => a.AppliedAt).FirstAsync();
        if (offers != settings.Offers || big != settings.BigApplicants || sample.Sheet.Work.JobTitle != sample.Title || app.AppliedAt > settings.Anchor)
        {
            throw new InvalidOperationException($"Generated data does not read back: open offers {offers}, big establishment {big}, sample {sample.JobNumber}.");
        }
        Console.WriteLine($"Verified through EF: {offers:N0} offers open at the anchor of {all:N0}, {big:N0} applicants at the large establishment, job {sample.JobNumber} 「{sample.Title}」 {sample.EstablishmentName}.");
    }
}
