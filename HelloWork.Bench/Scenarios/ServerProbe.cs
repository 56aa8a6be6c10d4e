using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// Reads another .NET process from outside through its diagnostics port (EventPipe), as dotnet-counters and dotnet-gcdump do:
/// nothing is added to the portal. <see cref="StartMetricsAsync"/> follows the ASP.NET Core meters (the live Blazor circuit count
/// <c>aspnetcore.components.circuit.active</c>, Kestrel's upgraded connections); <see cref="HeapAfterFullGcAsync"/> asks the runtime
/// for an induced full blocking GC (keyword GCHeapCollect) and returns the managed heap the GC reports right after it.
/// </summary>
public sealed class ServerProbe(int pid) : IAsyncDisposable
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    private readonly ConcurrentDictionary<string, double> _metrics = new();
    private EventPipeSession? _metricsSession;
    private Task? _metricsPump;

    public int Pid { get; } = pid;

    /// <summary>The latest published value of an instrument (e.g. <c>aspnetcore.components.circuit.active</c>), if any yet.</summary>
    public double? Metric(string instrument) => _metrics.TryGetValue(instrument, out var v) ? v : null;

    /// <summary>Subscribes to the circuit and Kestrel meters; values are published every second.</summary>
    public Task StartMetricsAsync()
    {
        var client = new DiagnosticsClient(Pid);
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = "hellowork-bench",
            ["Metrics"] = "Microsoft.AspNetCore.Components.Server.Circuits;Microsoft.AspNetCore.Server.Kestrel;Microsoft.AspNetCore.Http.Connections",
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "1000",
            ["MaxHistograms"] = "10",
        };
        _metricsSession = client.StartEventPipeSession(
            [new EventPipeProvider("System.Diagnostics.Metrics", EventLevel.Informational, 0x2, arguments)], requestRundown: false);
        var source = new EventPipeEventSource(_metricsSession.EventStream);
        source.Dynamic.All += e =>
        {
            if (e.ProviderName != "System.Diagnostics.Metrics")
            {
                return;
            }
            if (e.EventName is "UpDownCounterRateValuePublished" or "GaugeValuePublished" or "CounterRateValuePublished")
            {
                var name = e.PayloadByName("instrumentName") as string;
                var field = e.EventName == "CounterRateValuePublished" ? "rate" : "value";
                if (name is not null && e.PayloadByName(field) is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    var tags = e.PayloadByName("tags") as string;
                    _metrics[string.IsNullOrEmpty(tags) ? name : $"{name}[{tags}]"] = value;
                    if (!string.IsNullOrEmpty(tags))
                    {
                        // Sum over tag sets under the plain name as well (e.g. connections by protocol).
                        _metrics[name] = _metrics.Where(kv => kv.Key.StartsWith(name + "[", StringComparison.Ordinal)).Sum(kv => kv.Value);
                    }
                }
            }
        };
        _metricsPump = Task.Run(() =>
        {
            try
            {
                source.Process();
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException or ObjectDisposedException or FormatException)
            {
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Induces a full blocking GC in the process and returns its managed heap right after it (GCHeapStats: every generation,
    /// LOH and POH), the live objects only. Several calls, the smallest wins: another GC in between can only add garbage.
    /// </summary>
    public async Task<long> HeapAfterFullGcAsync(TimeSpan timeout)
    {
        var client = new DiagnosticsClient(Pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)], requestRundown: false);
        var source = new EventPipeEventSource(session.EventStream);
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inducedDepth = -1;
        source.Clr.GCStart += (GCStartTraceData e) =>
        {
            if (e.Reason == GCReason.Induced && e.Depth == 2)
            {
                inducedDepth = e.Depth;
            }
        };
        source.Clr.GCHeapStats += (GCHeapStatsTraceData e) =>
        {
            if (inducedDepth == 2)
            {
                result.TrySetResult(e.TotalHeapSize);
            }
        };
        var pump = Task.Run(() =>
        {
            try
            {
                source.Process();
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException or ObjectDisposedException or FormatException)
            {
            }
        });
        var done = await Task.WhenAny(result.Task, Task.Delay(timeout));
        await session.StopAsync(CancellationToken.None);
        await pump;
        if (done != result.Task)
        {
            throw new TimeoutException("The portal did not report an induced full GC through EventPipe.");
        }
        return await result.Task;
    }

    /// <summary>
    /// The live objects of the managed heap by type, as <c>dotnet-gcdump</c> reads them: the runtime walks its heap after an
    /// induced full GC and reports every object's type and size (keywords GCHeapDump, GCHeapCollect, Type, GCHeapAndTypeNames).
    /// Sizes are the objects' own (shallow) sizes; generic types are named with their arguments.
    /// </summary>
    public async Task<Dictionary<string, (long Bytes, long Count)>> HeapByTypeAsync(TimeSpan timeout)
    {
        const long heapDumpKeywords = 0x1 | 0x80000 | 0x100000 | 0x800000 | 0x1000000;
        var client = new DiagnosticsClient(Pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, heapDumpKeywords)], requestRundown: false);
        var source = new EventPipeEventSource(session.EventStream);
        var byTypeId = new Dictionary<ulong, (long Bytes, long Count)>();
        var names = new Dictionary<ulong, string>();
        var walked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodes = false;
        source.Clr.GCBulkNode += (GCBulkNodeTraceData e) =>
        {
            nodes = true;
            for (var i = 0; i < e.Count; i++)
            {
                var node = e.Values(i);
                byTypeId.TryGetValue(node.TypeID, out var sum);
                byTypeId[node.TypeID] = (sum.Bytes + (long)node.Size, sum.Count + 1);
            }
        };
        source.Clr.TypeBulkType += (GCBulkTypeTraceData e) =>
        {
            for (var i = 0; i < e.Count; i++)
            {
                var type = e.Values(i);
                names[type.TypeID] = type.TypeName;
            }
        };
        // The walk runs inside the induced GC: its nodes arrive before the GC ends (type names may follow just after).
        source.Clr.GCStop += _ =>
        {
            if (nodes)
            {
                walked.TrySetResult();
            }
        };
        var pump = Task.Run(() =>
        {
            try
            {
                source.Process();
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException or ObjectDisposedException or FormatException)
            {
            }
        });
        var done = await Task.WhenAny(walked.Task, Task.Delay(timeout));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the type names that trail the last nodes
        await session.StopAsync(CancellationToken.None);
        await pump;
        if (done != walked.Task)
        {
            throw new TimeoutException("The portal did not report a heap walk through EventPipe.");
        }
        var result = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        foreach (var (id, sum) in byTypeId)
        {
            var name = names.TryGetValue(id, out var n) ? n : $"type {id:x}";
            result.TryGetValue(name, out var total);
            result[name] = (total.Bytes + sum.Bytes, total.Count + sum.Count);
        }
        return result;
    }

    /// <summary>Resident set size of the process in bytes (/proc/PID/status VmRSS): what the machine pays, native memory included.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return -1;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_metricsSession is not null)
        {
            try
            {
                await _metricsSession.StopAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
            {
            }
            _metricsSession.Dispose();
        }
        if (_metricsPump is not null)
        {
            try
            {
                await _metricsPump;
            }
            catch (Exception ex) when (ex is FormatException or EndOfStreamException or IOException)
            {
                // The stream of a session stopped while the process was going away ends mid-event; nothing is lost that was read.
            }
        }
    }
}
