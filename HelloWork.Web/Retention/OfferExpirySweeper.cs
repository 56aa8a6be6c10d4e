using HelloWork.Domain.JobOffers;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Retention;

/// <summary>Settings of the offer expiry sweep (R-JOB-3), section <c>OfferExpiry</c>.</summary>
public sealed class OfferExpiryOptions
{
    public const string Section = "OfferExpiry";

    /// <summary>Time between two sweeps (<c>OfferExpiry:SweepInterval</c>). Default one hour.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>OfferExpiry:Enabled=false</c> turns the sweep off; expired offers still read as invalid (computed on read).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs <see cref="OfferExpiry.SweepAsync"/> at start-up (catching up on everything that expired while the portal was down)
/// and then every <see cref="OfferExpiryOptions.SweepInterval"/> on the injected <see cref="TimeProvider"/> (a fake clock in
/// tests), the shape of <see cref="RetentionSweeper"/>. A failed sweep is logged and retried at the next tick. On several
/// nodes each node sweeps; the conditional status makes a second recording of the same offer a no-op.
/// </summary>
public sealed partial class OfferExpirySweeper(OfferExpiry expiry, TimeProvider clock, IOptions<OfferExpiryOptions> options,
    ILogger<OfferExpirySweeper> logger) : BackgroundService
{
    private int sweeps;

    /// <summary>How many sweeps have completed (successfully or not) since start.</summary>
    public int Sweeps => Volatile.Read(ref sweeps);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval > TimeSpan.Zero ? options.Value.SweepInterval : new OfferExpiryOptions().SweepInterval;
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

    public async Task SweepOnceAsync(CancellationToken ct)
    {
        try
        {
            var expired = await expiry.SweepAsync(ct);
            if (expired > 0)
            {
                LogExpired(logger, expired);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a failed sweep is retried at the next tick; it must not stop the host
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
        }
        finally
        {
            Interlocked.Increment(ref sweeps);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer expiry sweep recorded {Count} offers as expired (R-JOB-3)")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Offer expiry sweep failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.Configure<OfferExpiryOptions>(builder.Configuration.GetSection(OfferExpiryOptions.Section));
        if (builder.Configuration.GetValue(OfferExpiryOptions.Section + ":Enabled", true))
        {
            builder.Services.AddSingleton<OfferExpirySweeper>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<OfferExpirySweeper>());
        }
    }
}
