using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HelloWork.Tests.Host.Http;

/// <summary>
/// MudBlazor's own words (screen-reader labels of its buttons and checkboxes, pagers, the required-field message) come from
/// the portal's MudText resources in the reader's language (R-UI-1): every word MudBlazor has, in Japanese and in English, so a
/// MudBlazor upgrade that adds a word fails here instead of speaking English to a Japanese reader.
/// </summary>
public sealed class MudTextTests(PortalHost portal)
{
    [Fact]
    public async Task Every_word_of_MudBlazor_is_given_in_Japanese_and_in_English_R_UI_1()
    {
        await portal.StartAsync();
        var localizer = portal.Services.GetRequiredService<MudLocalizer>();
        var mudBlazor = typeof(MudLocalizer).Assembly;
        var words = new ResourceManager("MudBlazor.Resources.LanguageResource", mudBlazor)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        Assert.True(words.Count > 100, $"{words.Count} words found in MudBlazor");

        var missing = new List<string>();
        var english = new List<string>();
        foreach (var (key, original) in words)
        {
            var japanese = In("ja-JP", () => localizer[key]);
            var inEnglish = In("en", () => localizer[key]);
            if (japanese.ResourceNotFound || inEnglish.ResourceNotFound)
            {
                missing.Add(key);
            }
            else if (japanese.Value == original && original.Any(char.IsAsciiLetter))
            {
                english.Add($"{key}: {original}");
            }
        }
        Assert.Empty(missing);
        Assert.Empty(english);
        Assert.Equal("行を選択", In("ja-JP", () => localizer["MudDataGrid_SelectRow"]).Value);
        Assert.Equal("入力してください", In("ja-JP", () => localizer["MudFormComponent_Required"]).Value);
        Assert.Equal("Select row", In("en", () => localizer["MudDataGrid_SelectRow"]).Value);
        Assert.Equal("{2}件中 1〜20件".Replace("{2}", "97", StringComparison.Ordinal),
            In("ja-JP", () => localizer["MudDataGridPager_InfoFormat", 1, 20, 97]).Value);
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
