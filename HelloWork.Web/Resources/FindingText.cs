using HelloWork.Domain.JobOffers;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Resources;

/// <summary>The one wording of a finding wherever it is shown (entry screens, submission, staff review): the message with its values
/// and, for a legal finding, the law and article it rests on (R-LAW-6).</summary>
public static class FindingText
{
    public static string Text(this IStringLocalizer<Ui> l, Finding f)
    {
        var text = f.Level == FindingLevel.Warning && l["Warning." + f.Code, f.MessageArgs] is { ResourceNotFound: false } warning
            ? warning.Value
            : l.Message(f.Code, f.MessageArgs);
        return f.Cite is { } cite ? $"{text}（{l.Citation(cite)}）" : text;
    }

    /// <summary>The law and article, by the law's current name, in the interface language.</summary>
    public static string Citation(this IStringLocalizer<Ui> l, HelloWork.Domain.JobOffers.Law.LawCitation cite)
    {
        var text = l["Cite." + cite.Key];
        return text.ResourceNotFound ? cite.ToString() : text.Value;
    }
}
