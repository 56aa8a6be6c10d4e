using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HelloWork.Domain.JobOffers.Law;
using HelloWork.Testing;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>lint</c>: the legal checker (<see cref="LawChecker"/>, R-LAW-1..6) over the labelled set of offers
/// (HelloWork.Testing/LawCases.cs, shared with the tests): the precision and recall of its findings (field, code and level) against
/// the labels, and offers checked a second on one thread, for <c>--seconds</c> (5; <c>--quick</c> 1).
/// Last line: {"scenario":"lint","offers":N,"precision":..,"recall":..,"offers_per_s":..}.
/// </summary>
public static class LintScenario
{
    public static Task<int> RunAsync(Options options)
    {
        var cases = LawCases.All;
        var contexts = cases.Select(c => LawContext.On(c.Publication)).ToArray();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var report = new Report("lint");
        report.Row("rule", "offers", "expected", "found", "missed", "extra");
        foreach (var group in cases.Select((c, i) => (c, i)).GroupBy(x => x.c.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int expected = 0, found = 0, missed = 0, extra = 0;
            foreach (var (c, i) in group)
            {
                var labels = c.Findings.Select(e => e.ToString()).ToList();
                var got = LawChecker.Check(c.Sheet, contexts[i]).Select(f => new Expected(f.Field, f.Code, f.Level).ToString()).ToList();
                var left = new List<string>(labels);
                foreach (var g in got)
                {
                    if (!left.Remove(g))
                    {
                        extra++;
                    }
                }
                missed += left.Count;
                expected += labels.Count;
                found += got.Count;
            }
            truePositives += found - extra;
            falsePositives += extra;
            falseNegatives += missed;
            report.Row(group.Key, group.Count(), expected, found, missed, extra);
        }
        var precision = truePositives + falsePositives == 0 ? 1.0 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 1.0 : (double)truePositives / (truePositives + falseNegatives);

        // Speed: whole passes over the set on one thread after a warm-up pass.
        var seconds = options.Int("seconds", options.Quick ? 1 : 5);
        for (var i = 0; i < cases.Count; i++)
        {
            LawChecker.Check(cases[i].Sheet, contexts[i]);
        }
        var checkedOffers = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                LawChecker.Check(cases[i].Sheet, contexts[i]);
            }
            checkedOffers += cases.Count;
        }
        var perSecond = checkedOffers / clock.Elapsed.TotalSeconds;
        report.Row("all", cases.Count, truePositives + falseNegatives, truePositives + falsePositives, falseNegatives, falsePositives);

        Console.WriteLine();
        Console.WriteLine("== lint ==");
        report.PrintTable();
        Console.WriteLine($"precision {precision:N3}, recall {recall:N3}; {checkedOffers:N0} offers checked in {clock.Elapsed.TotalSeconds:N1} s on one thread");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average (1 min) {Report.LoadAverage():N2} at the end of the run");
        Console.WriteLine();
        Console.Out.Flush();
        // The exact form (no extra keys): the load is on the line above.
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = "lint",
            ["offers"] = cases.Count,
            ["precision"] = Math.Round(precision, 3),
            ["recall"] = Math.Round(recall, 3),
            ["offers_per_s"] = Math.Round(perSecond, 0),
        }));
        return Task.FromResult(precision >= 0.95 && recall >= 0.95 ? 0 : 1);
    }
}
