using HelloWork.Domain.Documents;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Retention;

/// <summary>Settings of the document retention sweep (R-DOC-1), section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Time between two sweeps (<c>Retention:SweepInterval</c>, e.g. <c>01:00:00</c>). Default one hour.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>Retention:Enabled=false</c> turns the background sweep off; documents past their deadline are still never served.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs <see cref="DocumentRetention.SweepAsync"/> once at start-up — catching up on every deadline that passed while the portal was
/// down — and then every <see cref="RetentionOptions.SweepInterval"/> on the injected <see cref="TimeProvider"/> (a fake clock in
/// tests). A failed sweep is logged and retried at the next tick; it never stops the host. Counts only are logged, no personal data.
/// </summary>
public sealed partial class RetentionSweeper(DocumentRetention retention, TimeProvider clock, IOptions<RetentionOptions> options,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    private int sweeps;

    /// <summary>How many sweeps have completed (successfully or not) since start; lets tests wait for the catch-up sweep.</summary>
    public int Sweeps => Volatile.Read(ref sweeps);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            LogBadInterval(logger, interval);
            interval = new RetentionOptions().SweepInterval;
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
            var result = await retention.SweepAsync(ct);
            if (result.Documents > 0)
            {
                LogSwept(logger, result.Documents, result.Applications, result.Offers);
            }
            else
            {
                LogNothing(logger);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
        finally
        {
            Interlocked.Increment(ref sweeps);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep deleted {Documents} application documents of {Applications} applications to {Offers} offers past their deadline (R-DOC-1)")]
    private static partial void LogSwept(ILogger logger, int documents, int applications, int offers);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention sweep: no application documents past their deadline")]
    private static partial void LogNothing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention:SweepInterval {Interval} is not positive; using the default of one hour")]
    private static partial void LogBadInterval(ILogger logger, TimeSpan interval);
}

public static class RetentionRegistration
{
    /// <summary>The retention sweeper (R-DOC-1) with its settings from <c>Retention:*</c>.</summary>
    public static void AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
        if (builder.Configuration.GetValue(RetentionOptions.Section + ":Enabled", true))
        {
            builder.Services.AddSingleton<RetentionSweeper>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        }
    }
}
