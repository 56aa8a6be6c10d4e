using System.Diagnostics;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Globalization;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>export</c>: the full CSV export of every open offer through the same read model and CSV writer as
/// <c>GET /api/v1/provision/job-offers?format=csv</c>, into a stream that only counts bytes; rows per second and the
/// process's peak working set (flat memory means it does not grow with the row count). Each of <c>--runs</c> (3; <c>--quick</c> 5)
/// runs is timed by the wall clock and by the process's CPU time (which a busy machine distorts less); before them, one
/// untimed run (the JIT's compiles, SQLite's page cache) and one timed run that only reads the rows (<see cref="Provision.OffersAsync"/>
/// enumerated without writing), so that reading and writing can be told apart.
/// </summary>
public static class ExportScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await GenerateCommand.EnsureDataAsync(options);
        var db = BenchDb.From(options);
        await using var services = db.Services(options.Flag("log-sql"));
        var provision = services.GetRequiredService<Provision>();
        var agency = new Agency("ベンチマーク用団体", AgencyKind.LocalGovernment, null, DateTimeOffset.UtcNow);
        agency.Approve(DateTimeOffset.UtcNow);
        var runs = options.Int("runs", options.Quick ? 5 : 3);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;

        // The warm-up run also hashes the bytes: the same database gives the same hash whatever the writer's implementation.
        var hashed = new CountingStream(hash: true);
        await ExportAsync(provision, agency, hashed);
        var read = await MeasureAsync(process, async () =>
        {
            long n = 0;
            await foreach (var _ in provision.OffersAsync(agency, new OfferExportCriteria()))
            {
                n++;
            }
            return n;
        });
        // The floor under EF: the same SQL read with Microsoft.Data.Sqlite's typed getters, nothing materialised (SQLite only).
        var raw = db.IsSqlite ? await MeasureAsync(process, () => RawReadAsync(db)) : default;
        var timed = new List<(long Rows, double Seconds, double CpuSeconds)>();
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            var sink = new CountingStream();
            timed.Add(await MeasureAsync(process, () => ExportAsync(provision, agency, sink)));
            bytes = sink.Length;
        }
        process.Refresh();
        var rows = timed[0].Rows;
        var perSecond = timed.Select(t => t.Rows / t.Seconds).ToList();
        var cpuMicros = timed.Select(t => t.CpuSeconds * 1e6 / t.Rows).ToList();

        var report = new Report("export");
        report.Row("figure", "value", "goal");
        report.Row("rows", rows, "all open offers");
        report.Row($"rows per second, median of {runs}", Stats.Percentile(perSecond, 50), "≥ 200,000");
        report.Row($"rows per second, best of {runs}", perSecond.Max(), "—");
        report.Row("CPU µs per row (process, median)", Stats.Percentile(cpuMicros, 50), "—");
        report.Row("reading only: rows per second", read.Rows / read.Seconds, "—");
        report.Row("reading only: CPU µs per row", read.CpuSeconds * 1e6 / read.Rows, "—");
        if (db.IsSqlite)
        {
            report.Row("raw SQLite read of the same columns: CPU µs per row", raw.CpuSeconds * 1e6 / raw.Rows, "—");
            report.Figure("raw_read_cpu_us_per_row", raw.CpuSeconds * 1e6 / raw.Rows);
        }
        report.Row("CSV size (MB)", bytes / 1024.0 / 1024.0, "—");
        report.Row("CSV SHA-256", hashed.Sha256(), "—");
        report.Row("working set before (MB)", before / 1024.0 / 1024.0, "—");
        report.Row("peak working set (MB)", process.PeakWorkingSet64 / 1024.0 / 1024.0, "flat");
        report.Figure("rows", rows);
        report.Figure("rows_per_s", Stats.Percentile(perSecond, 50));
        report.Figure("rows_per_s_best", perSecond.Max());
        report.Figure("cpu_us_per_row", Stats.Percentile(cpuMicros, 50));
        report.Figure("read_rows_per_s", read.Rows / read.Seconds);
        report.Figure("read_cpu_us_per_row", read.CpuSeconds * 1e6 / read.Rows);
        report.Figure("peak_mb", process.PeakWorkingSet64 / 1024.0 / 1024.0);
        report.Figure("csv_mb", bytes / 1024.0 / 1024.0);
        report.Figure("csv_sha256", hashed.Sha256());
        report.Print();
        return 0;
    }

    private static async Task<long> ExportAsync(Provision provision, Agency agency, Stream sink)
    {
        var writer = PipeWriter.Create(sink);
        var rows = await ProvisionCsv.WriteAsync(writer, provision.OffersAsync(agency, new OfferExportCriteria()), CancellationToken.None);
        await writer.CompleteAsync();
        return rows;
    }

    private static async Task<long> RawReadAsync(BenchDb db)
    {
        await using var connection = new SqliteConnection(db.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "j"."JobNumber", "j"."Status", "j"."ValidUntil", "j"."Title", "j"."OccupationCode", "j"."Scope", "j"."EstablishmentId",
                   "j"."EstablishmentName", "j"."Prefecture", "j"."Municipality", "j"."EmploymentType", "j"."WageForm", "j"."WageMin", "j"."WageMax",
                   "j"."WorkStartMinutes", "j"."WorkEndMinutes", "j"."AnnualHolidays", "j"."WeeklyTwoDaysOff", "j"."NearStation", "j"."RemoteWork",
                   "j"."UijTurn", "j"."SelfApplication", "j"."Openings", "j"."ReceivedDate", "j"."UpdatedAt", "j"."Id"
            FROM "JobOffers" AS "j"
            WHERE "j"."JobNumber" IS NOT NULL AND "j"."Status" = 3 AND "j"."ValidUntil" >= @today
            ORDER BY "j"."UpdatedAt", "j"."Id"
            """;
        command.Parameters.AddWithValue("@today", JapanTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await using var reader = await command.ExecuteReaderAsync();
        long n = 0;
        long check = 0;
        while (await reader.ReadAsync())
        {
            check += reader.GetString(0).Length + reader.GetInt32(1) + reader.GetString(3).Length + reader.GetString(4).Length + reader.GetInt32(5)
                + reader.GetString(7).Length + reader.GetString(8).Length + reader.GetString(9).Length + reader.GetInt64(24) % 7 + reader.GetString(25).Length;
            for (var i = 10; i <= 22; i++)
            {
                check += reader.GetInt32(i);
            }
            check += reader.IsDBNull(23) ? 0 : reader.GetString(23).Length;
            check += reader.GetString(2).Length + reader.GetString(6).Length;
            n++;
        }
        GC.KeepAlive(check);
        return n;
    }

    private static async Task<(long Rows, double Seconds, double CpuSeconds)> MeasureAsync(Process process, Func<Task<long>> run)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var rows = await run();
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (rows, seconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private sealed class CountingStream(bool hash = false) : Stream
    {
        private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        private long _length;
        private string? _sha256;

        /// <summary>The hash of every byte written (the pipe disposes the stream when it completes; the hash is kept).</summary>
        public string Sha256() => _sha256 ??= _hash is null ? "" : Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            _hash?.AppendData(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            Sha256();
            _hash?.Dispose();
            base.Dispose(disposing);
        }
    }
}
