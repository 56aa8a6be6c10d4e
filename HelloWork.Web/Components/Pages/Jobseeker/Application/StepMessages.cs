using HelloWork.Domain.JobOffers;
using HelloWork.Web.Resources;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Components.Pages.Jobseeker.Application;

/// <summary>The messages of the last save of a step, by field key (<c>Career.2.EmployerName</c>): red next to the field, orange under it.
/// Cascaded to the step's fields.</summary>
public sealed class StepMessages
{
    private readonly Dictionary<string, string> errors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> warnings = new(StringComparer.OrdinalIgnoreCase);

    public void Clear()
    {
        errors.Clear();
        warnings.Clear();
    }

    public void Add(IStringLocalizer<Ui> l, IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            if (f.Level == FindingLevel.Error) errors.TryAdd(f.Field, l.Text(f));
            else Warn(f.Field, l.Text(f));
        }
    }

    public void Error(string key, string message) => errors[key] = message;

    private void Warn(string key, string message)
    {
        if (!warnings.TryGetValue(key, out var list)) warnings[key] = list = [];
        list.Add(message);
    }

    public string? ErrorFor(string key) => errors.GetValueOrDefault(key);

    public bool Has(string key) => errors.ContainsKey(key);

    public IReadOnlyList<string> WarningsFor(string key) => warnings.GetValueOrDefault(key) ?? [];

    public bool AnyErrors => errors.Count > 0;
}
