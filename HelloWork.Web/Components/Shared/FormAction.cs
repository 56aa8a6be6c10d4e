using HelloWork.Domain.Common;
using HelloWork.Web.Resources;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Components.Shared;

/// <summary>
/// The one form helper of interactive components (issue 16): runs a domain operation once at a time (<see cref="Busy"/>, so a
/// second click does nothing while the first is under way) and turns its refusal into what the person reads — a rule's refusal
/// (<see cref="DomainException"/>) as the localised message next to its field, a scope refusal (<see cref="ScopeException"/>)
/// as 「対象が見つかりません。」, the same answer as for something that does not exist (R-ACC-4). Nothing is half-saved: the
/// operation's transaction is the domain's (R-ERR-1). Injected per component (<c>@inject FormAction Form</c>, transient).
/// </summary>
public sealed class FormAction(IStringLocalizer<Ui> l)
{
    private string? field;

    /// <summary>True while an operation runs.</summary>
    public bool Busy { get; private set; }

    /// <summary>The last refusal's message, or null after a success.</summary>
    public string? Error { get; private set; }

    /// <summary>The last refusal's message when it names <paramref name="name"/> (case-insensitive), else null.</summary>
    public string? ErrorFor(string name) => field is not null && string.Equals(field, name, StringComparison.OrdinalIgnoreCase) ? Error : null;

    /// <summary>True when the last refusal names <paramref name="name"/>.</summary>
    public bool Has(string name) => ErrorFor(name) is not null;

    /// <summary>Runs <paramref name="operation"/> unless one is under way; true when it succeeded, false when it was refused
    /// (the message is in <see cref="Error"/>). Anything that is not a refusal is a bug and goes on to the page's error boundary.</summary>
    public async Task<bool> RunAsync(Func<Task> operation)
    {
        if (Busy)
        {
            return false;
        }
        Busy = true;
        Clear();
        try
        {
            await operation();
            return true;
        }
        catch (DomainException e)
        {
            (Error, field) = (l.Message(e), e.Field);
            return false;
        }
        catch (ScopeException)
        {
            (Error, field) = (l["Error.OutOfScope"], null);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Forgets the last refusal (e.g. when the form is closed).</summary>
    public void Clear() => (Error, field) = (null, null);
}
