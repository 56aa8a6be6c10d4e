using System.Diagnostics;
using System.IO.Pipelines;
using HelloWork.Domain.Agencies;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>export</c>: the full CSV export of every open offer through the same read model and CSV writer as
/// <c>GET /api/v1/provision/job-offers?format=csv</c>, into a stream that only counts bytes; rows per second and the
/// process's peak working set (flat memory means it does not grow with the row count).
/// </summary>
public static class ExportScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await GenerateCommand.EnsureDataAsync(options);
        var db = BenchDb.From(options);
        await using var services = db.Services();
        var provision = services.GetRequiredService<Provision>();
        var agency = new Agency("ベンチマーク用団体", AgencyKind.LocalGovernment, null, DateTimeOffset.UtcNow);
        agency.Approve(DateTimeOffset.UtcNow);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var sink = new CountingStream();
        var writer = PipeWriter.Create(sink);
        var watch = Stopwatch.StartNew();
        var rows = await ProvisionCsv.WriteAsync(writer, provision.OffersAsync(agency, new OfferExportCriteria()), CancellationToken.None);
        await writer.CompleteAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();

        var report = new Report("export");
        report.Row("figure", "value", "goal");
        report.Row("rows", rows, "all open offers");
        report.Row("rows per second", rows / seconds, "≥ 50,000");
        report.Row("CSV size (MB)", sink.Length / 1024.0 / 1024.0, "—");
        report.Row("working set before (MB)", before / 1024.0 / 1024.0, "—");
        report.Row("peak working set (MB)", process.PeakWorkingSet64 / 1024.0 / 1024.0, "flat");
        report.Figure("rows", rows);
        report.Figure("rows_per_s", rows / seconds);
        report.Figure("peak_mb", process.PeakWorkingSet64 / 1024.0 / 1024.0);
        report.Figure("csv_mb", sink.Length / 1024.0 / 1024.0);
        report.Print();
        return 0;
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
