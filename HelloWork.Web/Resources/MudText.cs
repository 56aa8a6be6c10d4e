using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HelloWork.Web.Resources;

/// <summary>MudBlazor's own words — screen-reader labels of its buttons (「閉じる」, 「行を選択」), pagers, the required-field message —
/// in the reader's language (MudText.resx / MudText.en.resx, keyed by MudBlazor's resource names), so that nothing of the
/// interface speaks English to a Japanese reader (R-UI-1).</summary>
public sealed class MudText;

/// <summary>Hands MudBlazor its words from <see cref="MudText"/> (registered as its <see cref="MudLocalizer"/>).</summary>
public sealed class MudTextLocalizer(IStringLocalizer<MudText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}
