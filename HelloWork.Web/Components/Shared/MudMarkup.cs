using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

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

    /// <summary>What a read-only <c>MudChip</c> renders (no click, no close): <paramref name="classes"/> are MudBlazor's variant,
    /// size and colour classes (e.g. <c>mud-chip-filled mud-chip-size-small mud-chip-color-error</c>) and any of the page's own;
    /// <paramref name="icon"/> an SVG icon shown small before the text, as MudChip's <c>Icon</c>.</summary>
    public static RenderFragment Chip(string text, string classes, string? icon = null, IReadOnlyDictionary<string, object>? attributes = null) =>
        builder => Chip(builder, text, classes, icon, attributes);

    private static void Chip(RenderTreeBuilder builder, string text, string classes, string? icon, IReadOnlyDictionary<string, object>? attributes)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-chip " + classes);
        builder.AddAttribute(4, "tabindex", "-1"); // as MudChip renders it
        builder.AddMultipleAttributes(5, attributes);
        if (icon is not null)
        {
            builder.AddContent(6, Icon(icon, "mud-icon-size-small mud-chip-icon"));
        }
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", "mud-chip-content");
        builder.AddContent(9, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }
}
