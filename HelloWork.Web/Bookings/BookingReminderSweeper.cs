using HelloWork.Domain.Bookings;
using HelloWork.Web.Background;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Bookings;

/// <summary>Settings of the booking reminders, section <c>BookingReminders</c> (default: every 15 minutes; <c>Enabled=false</c> turns
/// them off).</summary>
public sealed class BookingReminderOptions : SweepOptions
{
    public const string Section = "BookingReminders";

    public BookingReminderOptions() => SweepInterval = TimeSpan.FromMinutes(15);
}

/// <summary>
/// The day-before reminders of booked events and counselling appointments (<see cref="BookingReminders"/>, R-EVT-1, R-APT-1) as a
/// <see cref="PeriodicSweep{TOptions}"/>. Each reminder is claimed by a conditional UPDATE, so on several nodes each goes out once.
/// </summary>
public sealed partial class BookingReminderSweeper(BookingReminders reminders, TimeProvider clock, IOptions<BookingReminderOptions> options,
    ILogger<BookingReminderSweeper> logger) : PeriodicSweep<BookingReminderOptions>(clock, options, logger)
{
    protected override string Name => "Booking reminder sweep";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        if (await reminders.SendDueAsync(ct) is var sent and > 0)
        {
            LogSent(logger, sent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking reminder sweep sent {Count} reminders (R-EVT-1, R-APT-1)")]
    private static partial void LogSent(ILogger logger, int count);
}
