using HelloWork.Domain.Mail;
using HelloWork.Domain.Referrals;
using HelloWork.Web.Background;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Mail;

/// <summary>Settings of the daily digest sweep (R-MAIL-3), section <c>MailDigest</c>: it looks every <c>SweepInterval</c> (one hour)
/// whether a Japan-time day's digest is due (from 8:00).</summary>
public sealed class MailDigestOptions : SweepOptions
{
    public const string Section = "MailDigest";
}

/// <summary>The daily digests (<see cref="MailDigests"/>) as a <see cref="PeriodicSweep{TOptions}"/>.</summary>
public sealed partial class MailDigestSweeper(MailDigests digests, TimeProvider clock, IOptions<MailDigestOptions> options,
    ILogger<MailDigestSweeper> logger) : PeriodicSweep<MailDigestOptions>(clock, options, logger)
{
    protected override string Name => "Mail digest sweep";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var written = await digests.RunAsync(ct);
        if (written > 0)
        {
            LogWritten(logger, written);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail digest sweep wrote {Count} daily digests (R-MAIL-3)")]
    private static partial void LogWritten(ILogger logger, int count);
}

/// <summary>Settings of the referral deadline reminders, section <c>ReferralDeadlineMail</c> (default: every hour).</summary>
public sealed class ReferralDeadlineOptions : SweepOptions
{
    public const string Section = "ReferralDeadlineMail";
}

/// <summary>The reminders two days before a referral's deadline (<see cref="ReferralDeadlineReminders"/>) as a
/// <see cref="PeriodicSweep{TOptions}"/>: once per referral, whatever the sweeps, restarts and nodes.</summary>
public sealed partial class ReferralDeadlineSweeper(ReferralDeadlineReminders reminders, TimeProvider clock, IOptions<ReferralDeadlineOptions> options,
    ILogger<ReferralDeadlineSweeper> logger) : PeriodicSweep<ReferralDeadlineOptions>(clock, options, logger)
{
    protected override string Name => "Referral deadline sweep";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var reminded = await reminders.RunAsync(ct);
        if (reminded > 0)
        {
            LogReminded(logger, reminded);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral deadline sweep reminded the jobseekers of {Count} referrals due in two days (R-MAIL-3)")]
    private static partial void LogReminded(ILogger logger, int count);
}
