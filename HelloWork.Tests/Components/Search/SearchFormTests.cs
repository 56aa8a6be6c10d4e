using AngleSharp.Dom;
using Bunit;
using HelloWork.Web.Components.Pages.Jobs;
using HelloWork.Web.Resources;

namespace HelloWork.Tests.Components.Search;

/// <summary>The job search form (REFERENCE.md's basic and detailed conditions): the page's refusals next to their fields (R-ERR-1),
/// the municipality only after a prefecture, 検索 and 条件をクリア handed to the page.</summary>
public sealed class SearchFormTests : ComponentTest
{
    private IRenderedComponent<SearchForm> ShowForm(SearchFormModel model, IReadOnlyDictionary<string, string>? errors = null,
        Action<SearchFormModel>? search = null, Action? clear = null, bool detailed = false) =>
        Show<SearchForm>(p => p.Add(x => x.Model, model).Add(x => x.Errors, errors ?? new Dictionary<string, string>())
            .Add(x => x.Detailed, detailed)
            .Add(x => x.OnSearch, (SearchFormModel m) => search?.Invoke(m)).Add(x => x.OnClear, () => clear?.Invoke()));

    private IElement Field(IRenderedComponent<SearchForm> cut, string key) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith(Text<JobseekerText>(key), StringComparison.Ordinal) == true);

    [Fact]
    public void A_refusal_is_shown_next_to_the_field_it_belongs_to()
    {
        var cut = ShowForm(new SearchFormModel(), new Dictionary<string, string> { ["Words"] = "50文字以内で入力してください。" });

        Assert.Equal("50文字以内で入力してください。", ErrorUnder(Field(cut, "FreeWords")));
        Assert.Null(ErrorUnder(Field(cut, "NotWords")));
    }

    [Fact]
    public void The_municipality_waits_for_a_prefecture()
    {
        Assert.Contains(ShowForm(new SearchFormModel()).FindAll("input"), i => i.HasAttribute("disabled"));

        var cut = ShowForm(new SearchFormModel { Prefecture = "東京都" });

        Assert.Null(Field(cut, "Municipality").QuerySelector("input")!.GetAttribute("disabled"));
    }

    [Fact]
    public void Searching_hands_the_typed_conditions_to_the_page()
    {
        SearchFormModel? searched = null;
        var cut = ShowForm(new SearchFormModel(), search: m => searched = m);

        Enter(Field(cut, "FreeWords").QuerySelector("input")!, "一般事務");
        cut.Find("form").Submit();

        Assert.Equal("一般事務", searched?.Words);
    }

    [Fact]
    public void Clearing_asks_the_page_for_an_empty_search()
    {
        var cleared = 0;
        var cut = ShowForm(new SearchFormModel { Words = "事務" }, clear: () => cleared++);

        cut.FindAll("button").Single(b => b.TextContent.Contains(Text<JobseekerText>("ClearConditions"), StringComparison.Ordinal)).Click();

        Assert.Equal(1, cleared);
    }

    [Fact]
    public void Detailed_conditions_open_when_the_search_uses_them()
    {
        var closed = ShowForm(new SearchFormModel());
        var open = ShowForm(new SearchFormModel { WageFloor = 200_000 }, detailed: true);

        Assert.DoesNotContain(open.FindAll(".mud-expand-panel"), p => !p.ClassList.Contains("mud-panel-expanded"));
        Assert.Contains(closed.FindAll(".mud-expand-panel"), p => !p.ClassList.Contains("mud-panel-expanded"));
        Assert.Contains(Text<JobseekerText>("WageFloor"), open.Markup, StringComparison.Ordinal);
    }
}
