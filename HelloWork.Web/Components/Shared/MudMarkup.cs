using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HelloWork.Web.Components.Shared;

/// <summary>
/// MudBlazor's markup for things that repeat on every page or in every row and need no behaviour of their own (an icon beside a
/// link, a read-only chip), written as markup instead of a component: each live component costs a circuit ≈ 4–5 KB of server
/// memory (two render-tree buffers, its state, MudBlazor's parameter metadata; docs/BENCHMARKS.md, "The circuit, second round"),
/// markup costs a few frames. The classes are MudBlazor's own, so the page looks the same.
/// </summary>
public static class MudMarkup
{
    // One string per icon and class list for the whole process (the icons are a fixed set): the circuits share them.
    private static readonly ConcurrentDictionary<(string Svg, string Classes), MarkupString> Svgs = new();

    /// <summary>What <c>MudIcon</c> renders for an SVG icon (<c>Icons.Material.*</c>), with its classes after the root ones.</summary>
    public static MarkupString Icon(string svg, string classes = "mud-icon-size-medium") =>
        Svgs.GetOrAdd((svg, classes), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon {key.Classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Svg}</svg>"));

    /// <summary>Encodes &lt;, &gt;, &amp; and quotes (and control characters); Japanese text stays text, as in the rest of the portal
    /// (WebEncoderOptions).</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>What a read-only <c>MudChip</c> renders (no click, no close): <paramref name="classes"/> are MudBlazor's variant,
    /// size and colour classes (e.g. <c>mud-chip-filled mud-chip-size-small mud-chip-color-error</c>) and any of the page's own.</summary>
    public static MarkupString Chip(string text, string classes)
    {
        var html = new StringBuilder();
        AppendChip(html, text, classes);
        return new MarkupString(html.ToString());
    }

    /// <summary>A read-only chip with a leading icon (<c>MudChip Icon=…</c>).</summary>
    public static MarkupString Chip(string text, string classes, string iconSvg)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"mud-chip-container\"><div class=\"mud-chip ").Append(Html.Encode(classes)).Append("\" tabindex=\"-1\">")
            .Append(Icon(iconSvg, "mud-icon-size-small mud-chip-icon").Value)
            .Append("<span class=\"mud-chip-content\">").Append(Html.Encode(text)).Append("</span></div></div>");
        return new MarkupString(html.ToString());
    }

    /// <summary>The same chip written into markup being built as one string (a table of many chips), with attributes of its own;
    /// text and attribute values are encoded here.</summary>
    public static void AppendChip(StringBuilder html, string text, string classes, params (string Name, string Value)[] attributes)
    {
        html.Append("<div class=\"mud-chip-container\"><div class=\"mud-chip ").Append(Html.Encode(classes)).Append("\" tabindex=\"-1\""); // tabindex as MudChip renders it
        foreach (var (name, value) in attributes)
        {
            html.Append(' ').Append(name).Append("=\"").Append(Html.Encode(value)).Append('"');
        }
        html.Append("><span class=\"mud-chip-content\">").Append(Html.Encode(text)).Append("</span></div></div>");
    }
}
