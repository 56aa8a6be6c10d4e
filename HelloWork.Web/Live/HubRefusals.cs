using Microsoft.AspNetCore.SignalR;
using Serilog.Events;

namespace HelloWork.Web.Live;

/// <summary>
/// A refused hub call — a join of a group outside the caller's scope, a catch-up of someone else's notices (R-ACC-4) — is the
/// client's doing: it is logged once as a warning naming the method, without a stack trace (R-ERR-1). SignalR's own
/// dispatcher logs every exception a hub method throws as an error with its stack; for <see cref="HubException"/>, the type a
/// hub throws on purpose to tell the caller why, <see cref="IsDispatcherRefusal"/> leaves that line out of the log.
/// </summary>
public sealed class HubRefusals(ILogger<HubRefusals> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException e)
        {
            logger.LogWarning("Hub call {HubMethod} refused: {Reason}", invocationContext.HubMethodName, e.Message);
            throw;
        }
    }

    /// <summary>The dispatcher's error line for a <see cref="HubException"/> (already logged above as a refusal).</summary>
    public static bool IsDispatcherRefusal(LogEvent e) =>
        e.Exception is HubException
        && e.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string name }
        && name.StartsWith("Microsoft.AspNetCore.SignalR.", StringComparison.Ordinal);
}
