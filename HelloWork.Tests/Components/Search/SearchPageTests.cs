using Bunit;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SearchPage = HelloWork.Web.Components.Pages.Jobs.Search;

namespace HelloWork.Tests.Components.Search;

/// <summary>The search page over the real search (R-SRCH): conditions from the address, the domain's refusal next to its field with
/// nothing listed (R-ERR-1), and 検索 going to the address of the new conditions.</summary>
public sealed class SearchPageTests : ComponentTest
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<SearchPage> ShowSearch(string address)
    {
        Navigation.NavigateTo(address);
        var cut = Show<SearchPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    [Fact]
    public void Without_conditions_every_published_offer_is_found()
    {
        var cut = ShowSearch("/search");

        Assert.Equal(Text<JobseekerText>("ResultCount", "2"), cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void A_free_word_over_the_limit_is_refused_next_to_it_and_nothing_is_listed()
    {
        var cut = ShowSearch("/search?q=" + Uri.EscapeDataString(new string('あ', 51)));

        var field = cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith(Text<JobseekerText>("FreeWords"), StringComparison.Ordinal) == true);
        Assert.False(string.IsNullOrWhiteSpace(ErrorUnder(field)));
        Assert.Contains(Text<JobseekerText>("FixConditions"), cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=status]"));
    }

    [Fact]
    public void Searching_goes_to_the_address_of_the_conditions_and_lists_what_matches()
    {
        var cut = ShowSearch("/search");

        var input = cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().StartsWith(Text<JobseekerText>("FreeWords"), StringComparison.Ordinal) == true).QuerySelector("input")!;
        Enter(input, "みらい商事"); // establishment 1's name, in its offer's search text
        cut.Find("form").Submit();

        Assert.Contains("/search?q=", Navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(Text<JobseekerText>("ResultCount", "1"), cut.Find("[role=status]").TextContent));
        Assert.DoesNotContain(World.Establishment2.Name, cut.Markup, StringComparison.Ordinal);
    }
}
