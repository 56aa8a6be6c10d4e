using HelloWork.Domain.Documents;
using HelloWork.Web.Background;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Retention;

/// <summary>Settings of the document retention sweep (R-DOC-1), section <c>Retention</c>. <c>Retention:Enabled=false</c> turns
/// the background sweep off; documents past their deadline are still never served.</summary>
public sealed class RetentionOptions : SweepOptions
{
    public const string Section = "Retention";
}

/// <summary>
/// Runs <see cref="DocumentRetention.SweepAsync"/> as a <see cref="PeriodicSweep{TOptions}"/>: at start-up — catching up on every
/// deadline that passed while the portal was down — and then every <c>Retention:SweepInterval</c>. Counts only are logged.
/// </summary>
public sealed partial class RetentionSweeper(DocumentRetention retention, TimeProvider clock, IOptions<RetentionOptions> options,
    ILogger<RetentionSweeper> logger) : PeriodicSweep<RetentionOptions>(clock, options, logger)
{
    protected override string Name => "Retention sweep";

    protected override async Task SweepAsync(CancellationToken ct)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep deleted {Documents} application documents of {Applications} applications to {Offers} offers past their deadline (R-DOC-1)")]
    private static partial void LogSwept(ILogger logger, int documents, int applications, int offers);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention sweep: no application documents past their deadline")]
    private static partial void LogNothing(ILogger logger);
}

public static class RetentionRegistration
{
    /// <summary>The retention sweeper (R-DOC-1) with its settings from <c>Retention:*</c>.</summary>
    public static void AddRetention(this WebApplicationBuilder builder) =>
        builder.AddSweep<RetentionSweeper, RetentionOptions>(RetentionOptions.Section);
}
