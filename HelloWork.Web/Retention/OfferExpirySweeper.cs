using HelloWork.Domain.JobOffers;
using HelloWork.Web.Background;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Retention;

/// <summary>Settings of the offer expiry sweep (R-JOB-3), section <c>OfferExpiry</c>. <c>OfferExpiry:Enabled=false</c> turns the
/// sweep off; expired offers still read as invalid (computed on read).</summary>
public sealed class OfferExpiryOptions : SweepOptions
{
    public const string Section = "OfferExpiry";
}

/// <summary>
/// Runs <see cref="OfferExpiry.SweepAsync"/> as a <see cref="PeriodicSweep{TOptions}"/>: at start-up (catching up on everything that
/// expired while the portal was down) and then every <c>OfferExpiry:SweepInterval</c>. On several nodes each node sweeps; the
/// conditional status makes a second recording of the same offer a no-op.
/// </summary>
public sealed partial class OfferExpirySweeper(OfferExpiry expiry, TimeProvider clock, IOptions<OfferExpiryOptions> options,
    ILogger<OfferExpirySweeper> logger) : PeriodicSweep<OfferExpiryOptions>(clock, options, logger)
{
    protected override string Name => "Offer expiry sweep";

    protected override async Task SweepAsync(CancellationToken ct)
    {
        var expired = await expiry.SweepAsync(ct);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer expiry sweep recorded {Count} offers as expired (R-JOB-3)")]
    private static partial void LogExpired(ILogger logger, int count);

    public static void Add(WebApplicationBuilder builder) => builder.AddSweep<OfferExpirySweeper, OfferExpiryOptions>(OfferExpiryOptions.Section);
}
