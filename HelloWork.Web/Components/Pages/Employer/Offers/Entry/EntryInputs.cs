namespace HelloWork.Web.Components.Pages.Employer.Offers.Entry;

/// <summary>Inputs whose typed text could not become a value (a time such as 25:99): the input keeps its old value, so the page must
/// know, refuse the save and say so next to the field (R-ERR-1). Cascaded from the entry page; keys are the domain's field names.</summary>
public sealed class EntryInputs
{
    private readonly HashSet<string> malformed = [];

    public void Report(string key, bool isMalformed)
    {
        if (isMalformed)
        {
            malformed.Add(key);
        }
        else
        {
            malformed.Remove(key);
        }
    }

    /// <summary>The malformed fields of one section (<c>Hours</c>), as property names.</summary>
    public IEnumerable<string> MalformedIn(string prefix) =>
        malformed.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).Select(k => k[(prefix.Length + 1)..]);

    public void Clear() => malformed.Clear();
}
