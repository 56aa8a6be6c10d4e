using System.Diagnostics;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.Documents;
using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.Documents.ReferralSlips;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using JobSheetDocument = HelloWork.Domain.Documents.JobSheets.JobSheet;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>pdf</c>: referral slips rendered on every core for a fixed time, and the sizes of a slip and of a two-page
/// job sheet. The documents are built from demo-like entities through the same mapping and sheet view the portal's endpoints use.
/// <c>--out DIR</c> writes <c>sample-referral-slip.pdf</c> and <c>sample-job-sheet.pdf</c>.
/// </summary>
public static class PdfScenario
{
    public static Task<int> RunAsync(Options options)
    {
        var (slip, sheet) = Samples();
        var info = new PdfDocumentInfo("紹介状", "ハローワーク飯田橋", "HelloWork.Bench", DateTimeOffset.UtcNow);
        var slipBytes = ReferralSlip.Render(slip, info);
        var sheetBytes = JobSheetDocument.Render(sheet, info with { Title = "求人票" });
        var sheetPages = CountPages(sheetBytes);
        if (options.Text("out") is { } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "sample-referral-slip.pdf"), slipBytes);
            File.WriteAllBytes(Path.Combine(folder, "sample-job-sheet.pdf"), sheetBytes);
            Console.WriteLine($"wrote {Path.Combine(folder, "sample-referral-slip.pdf")} and sample-job-sheet.pdf");
        }

        // Warm up, then render slips on every core for the measuring time.
        for (var i = 0; i < 20; i++)
        {
            ReferralSlip.Render(slip, info);
        }
        var seconds = options.Double("seconds", options.Quick ? 5 : 20);
        var perWorker = new long[Environment.ProcessorCount];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, perWorker.Length, new ParallelOptions { MaxDegreeOfParallelism = perWorker.Length }, worker =>
        {
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                ReferralSlip.Render(slip, info);
                perWorker[worker]++;
            }
        });
        var elapsed = watch.Elapsed.TotalSeconds;
        var slips = perWorker.Sum();
        // CPU time the process spent per slip: on a machine shared with other work, this is the figure that does not depend
        // on how much of the cores the benchmark got (the slips/s figure does).
        var cpuMsPerSlip = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / slips;
        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            JobSheetDocument.Render(sheet, info);
        }
        var sheetMs = sequential.Elapsed.TotalMilliseconds / 50;

        var report = new Report("pdf");
        report.Row("figure", "value", "goal");
        report.Row("slips per second (all cores)", slips / elapsed, "≥ 500");
        report.Row("CPU time per slip (ms)", cpuMsPerSlip, $"≤ {Environment.ProcessorCount * 1000.0 / 500:0.0} for 500/s on {Environment.ProcessorCount} cores");
        report.Row("slip size (KB)", slipBytes.Length / 1024.0, "≤ 30");
        report.Row($"job sheet size (KB, {sheetPages} pages)", sheetBytes.Length / 1024.0, "≤ 60 (two pages)");
        report.Row("job sheet render (ms, one core)", sheetMs, "—");
        report.Figure("slips_per_s", slips / elapsed);
        report.Figure("cpu_ms_per_slip", cpuMsPerSlip);
        report.Figure("slip_kb", slipBytes.Length / 1024.0);
        report.Figure("job_sheet_kb", sheetBytes.Length / 1024.0);
        report.Figure("job_sheet_pages", sheetPages);
        report.Print();
        return Task.FromResult(0);
    }

    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

    private static (ReferralSlipData Slip, JobSheetView Sheet) Samples()
    {
        var now = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var rnd = new Random(2026);
        var office = new Office("13010", "ハローワーク飯田橋", "東京都", "東京都文京区後楽1-9-20 飯田橋合同庁舎", "03-3812-8609");
        var place = Vocabulary.Places[0];
        var est = new Establishment(office.Id, Establishment.FormatNumber("13010", 100), "株式会社みらい商事", "カブシキガイシャミライショウジ",
            place.PostalCode, place.Prefecture, place.Prefecture + place.Municipality + place.Address, "卸売業", 120, now);
        var sheet = SampleSheets.Build(rnd, Vocabulary.Occupations[3], place, est.Name, est.Kana, est.Address, est.Employees);
        var offer = new JobOffer(est.Id, OfferChannel.Online, sheet, now);
        offer.Submit(now);
        offer.Accept(office, now);
        var jobseeker = new Jobseeker("佐藤 結衣", "サトウ ユイ", new DateOnly(1990, 4, 1), null, null, null, now);
        jobseeker.RegisterAtOffice(office, now);
        var referral = new Referral(offer.Id, jobseeker.Id, office.Id, Guid.NewGuid(), "職業相談部門 高橋", ReferralKind.Online,
            EmployerConfirmation.Confirmed, null, now, now.AddDays(7));
        referral.Establish(Guid.NewGuid(), now.AddHours(3));
        return (DocumentMapping.ToReferralSlip(referral, offer, est, office, jobseeker), JobSheetView.Of(JobSheetSource.Of(offer, est, office, showEmployerName: true), JobSheetView.Japanese));
    }
}
