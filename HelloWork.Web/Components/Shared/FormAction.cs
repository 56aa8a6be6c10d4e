using HelloWork.Domain.Common;
using HelloWork.Web.Resources;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Components.Shared;

/// <summary>
/// The one form helper of interactive components: runs a domain operation once at a time (<see cref="Busy"/>, so a
/// second click does nothing while the first is under way) and turns its refusal into what the person reads — a rule's refusal
/// (<see cref="DomainException"/>) as the localised message next to its field, a scope refusal (<see cref="ScopeException"/>)
/// as 「対象が見つかりません。」, the same answer as for something that does not exist (R-ACC-4). Nothing is half-saved: the
/// operation's transaction is the domain's (R-ERR-1). Injected per component (<c>@inject FormAction Form</c>, transient).
/// </summary>
public sealed class FormAction(IStringLocalizer<Ui> l)
{
    private string? refusedField;

    /// <summary>True while an operation runs.</summary>
    public bool Busy { get; private set; }

    /// <summary>The last refusal's message, or null after a success.</summary>
    public string? Error { get; private set; }

    /// <summary>The last refusal's message when it names <paramref name="name"/> (case-insensitive), else null.</summary>
    public string? ErrorFor(string name) => refusedField is not null && string.Equals(refusedField, name, StringComparison.OrdinalIgnoreCase) ? Error : null;

    /// <summary>The last refusal's message unless it names one of <paramref name="shownFields"/> (those show it beside themselves):
    /// what a form shows above its button.</summary>
    public string? ErrorElsewhere(params string[] shownFields) =>
        Error is not null && (refusedField is null || !shownFields.Contains(refusedField, StringComparer.OrdinalIgnoreCase)) ? Error : null;

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
        catch (Exception e) when (Refused(e))
        {
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Runs a query whose refusal is an answer (a reversed date range in a filter): its result, or
    /// <paramref name="refused"/> with the message in <see cref="Error"/>. Not held back by <see cref="Busy"/>: a grid may ask
    /// again while a load is under way.</summary>
    public async Task<T> QueryAsync<T>(Func<Task<T>> query, T refused)
    {
        Clear();
        try
        {
            return await query();
        }
        catch (Exception e) when (Refused(e))
        {
            return refused;
        }
    }

    /// <summary>True when the last refusal was a scope refusal (another person's data, or none): a page may show its not-found state.</summary>
    public bool OutOfScope { get; private set; }

    /// <summary>The field the last refusal names, or null.</summary>
    public string? Field => Error is null ? null : refusedField;

    private bool Refused(Exception e)
    {
        switch (e)
        {
            case DomainException d:
                (Error, refusedField) = (l.Message(d), d.Field);
                return true;
            case ScopeException:
                (Error, refusedField) = (l["Error.OutOfScope"], null);
                OutOfScope = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Forgets the last refusal (e.g. when the form is closed).</summary>
    public void Clear() => (Error, refusedField, OutOfScope) = (null, null, false);
}
