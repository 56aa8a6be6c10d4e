using HelloWork.Domain.Bookings;

namespace HelloWork.Web.Bookings;

/// <summary>
/// Sends the day-before reminders of booked events and counselling appointments (<see cref="BookingReminders"/>, R-EVT-1, R-APT-1) at
/// start-up and then every <see cref="Interval"/> on the injected clock. Each reminder is claimed by a conditional UPDATE, so on several
/// nodes each goes out once; a failed run is logged and the next tick tries again. <c>BookingReminders:Enabled=false</c> turns it off.
/// </summary>
public sealed partial class BookingReminderSweeper(BookingReminders reminders, TimeProvider clock, ILogger<BookingReminderSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (await reminders.SendDueAsync(stoppingToken) is var sent and > 0)
                {
                    LogSent(logger, sent);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the next tick tries again; the host must not stop
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} booking reminders")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Booking reminders failed; they are tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    public static void Add(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("BookingReminders:Enabled", true))
        {
            builder.Services.AddHostedService<BookingReminderSweeper>();
        }
    }
}
