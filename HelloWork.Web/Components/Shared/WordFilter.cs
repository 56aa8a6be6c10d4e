namespace HelloWork.Web.Components.Shared;

/// <summary>The typed filter of a list shown whole in the page (the staff review queue, the referral board): every word, split at
/// half- or full-width spaces, must appear in one of the row's fields; no words shows every row.</summary>
public static class WordFilter
{
    public static bool Matches(string? words, params string?[] fields)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return true;
        }
        var haystack = string.Join('\n', fields);
        return words.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries).All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
