using Microsoft.Extensions.Options;

namespace HelloWork.Web.Background;

/// <summary>The settings every periodic sweep has, each under its own section (<c>Retention</c>, <c>OfferExpiry</c> …):
/// <c>SweepInterval</c> (default one hour) and <c>Enabled</c> (false: no background sweep).</summary>
public class SweepOptions
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    /// <summary>Time between two sweeps (e.g. <c>01:00:00</c>). Default one hour.</summary>
    public TimeSpan SweepInterval { get; set; } = DefaultInterval;

    public bool Enabled { get; set; } = true;
}

/// <summary>What every periodic sweep shows: how many sweeps completed, and one sweep on demand.</summary>
public interface ISweep
{
    int Sweeps { get; }

    Task SweepOnceAsync(CancellationToken ct);
}

/// <summary>
/// The one shape of a periodic background job (the retention sweep, the offer expiry sweep, the daily mail digest, the referral
/// deadline mails): one sweep at start-up — catching up on everything that came due while the portal was down — and then one
/// every <see cref="SweepOptions.SweepInterval"/> on the injected <see cref="TimeProvider"/> (a fake clock in tests). A failed
/// sweep is logged and runs again at the next tick; it never stops the host. Stopping the host cancels the sweep under way.
/// Each sweep must be idempotent: on several nodes every node sweeps, and a sweep may be cut off by a crash.
/// </summary>
public abstract partial class PeriodicSweep<TOptions>(TimeProvider clock, IOptions<TOptions> options, ILogger logger) : BackgroundService, ISweep
    where TOptions : SweepOptions, new()
{
    private int sweeps;

    /// <summary>How many sweeps have completed (successfully or not) since start; lets tests wait for a sweep.</summary>
    public int Sweeps => Volatile.Read(ref sweeps);

    /// <summary>The sweep's name in the log.</summary>
    protected abstract string Name { get; }

    /// <summary>One sweep; logs what it did (counts only, no personal data).</summary>
    protected abstract Task SweepAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            LogBadInterval(logger, Name, interval);
            interval = SweepOptions.DefaultInterval;
        }
        await SweepOnceAsync(stoppingToken);
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One sweep, its failures contained.</summary>
    public async Task SweepOnceAsync(CancellationToken ct)
    {
        try
        {
            await SweepAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a failed sweep is retried at the next tick; it must not stop the host
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, Name);
        }
        finally
        {
            Interlocked.Increment(ref sweeps);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception, string sweep);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep}: SweepInterval {Interval} is not positive; using the default of one hour")]
    private static partial void LogBadInterval(ILogger logger, string sweep, TimeSpan interval);
}

public static class SweepRegistration
{
    /// <summary>Registers <typeparamref name="TSweep"/> (a singleton, so tests can reach it) as a hosted service with its settings
    /// from <paramref name="section"/>, unless <c>{section}:Enabled</c> is false.</summary>
    public static void AddSweep<TSweep, TOptions>(this WebApplicationBuilder builder, string section)
        where TSweep : PeriodicSweep<TOptions>
        where TOptions : SweepOptions, new()
    {
        builder.Services.Configure<TOptions>(builder.Configuration.GetSection(section));
        if (builder.Configuration.GetValue(section + ":" + nameof(SweepOptions.Enabled), true))
        {
            builder.Services.AddSingleton<TSweep>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<TSweep>());
        }
    }
}
