using Bunit;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;
using HelloWork.Web.Resources;

namespace HelloWork.Tests.Components.Employer;

/// <summary>The entry screens' summary of findings (REFERENCE.md, R-ERR-1): red ones that refuse, missing ones listed for information
/// after 一時保存, orange ones with the confirmation the employer gives before going on.</summary>
public sealed class FindingSummaryTests : ComponentTest
{
    private static readonly Finding Red = new(FindingLevel.Error, "Wages.BaseMin", "MustBePositive");
    private static readonly Finding Empty = new(FindingLevel.Error, "Wages.BaseMax", "Required") { Missing = true };
    private static readonly Finding Orange = new(FindingLevel.Warning, "Hours.AnnualHolidays", "FewHolidaysWarning");

    private IRenderedComponent<FindingSummary> ShowSummary(Action<ComponentParameterCollectionBuilder<FindingSummary>> parameters) =>
        Show<FindingSummary>(parameters);

    [Fact]
    public void A_red_finding_is_listed_with_its_field_and_message_as_an_alert()
    {
        var cut = ShowSummary(p => p.Add(x => x.Findings, [Red]));

        var alert = cut.Find("[role=alert]");
        Assert.Contains(Text<EmployerText>("ErrorsTitle"), alert.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Text<EmployerText>("Field.Wages.BaseMin")}：{Text<Ui>("Error.MustBePositive")}", alert.QuerySelector("li")!.TextContent);
    }

    [Fact]
    public void After_a_draft_save_missing_entries_are_information_not_errors()
    {
        var cut = ShowSummary(p => p.Add(x => x.Findings, [Empty]).Add(x => x.MissingAsInformation, true));

        Assert.Contains(Text<EmployerText>("MissingTitle"), cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Text<EmployerText>("ErrorsTitle"), cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_draft_a_missing_entry_is_red()
    {
        var cut = ShowSummary(p => p.Add(x => x.Findings, [Empty]));

        Assert.Contains(Text<EmployerText>("ErrorsTitle"), cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Orange_findings_ask_for_a_confirmation_and_say_when_it_is_missing()
    {
        var confirmed = false;
        var cut = ShowSummary(p => p.Add(x => x.Findings, [Orange]).Add(x => x.NeedConfirm, true)
            .Add(x => x.ConfirmedChanged, (bool v) => confirmed = v));

        Assert.Contains(Text<Ui>("Warning.FewHolidaysWarning"), cut.Markup, StringComparison.Ordinal);
        Assert.Contains(Text<EmployerText>("ConfirmWarningsFirst"), cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        cut.Find("input[type=checkbox]").Change(true);
        Assert.True(confirmed);
    }

    [Fact]
    public void Confirmed_orange_findings_no_longer_ask()
    {
        var cut = ShowSummary(p => p.Add(x => x.Findings, [Orange]).Add(x => x.NeedConfirm, true).Add(x => x.Confirmed, true));

        Assert.DoesNotContain(Text<EmployerText>("ConfirmWarningsFirst"), cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_submit_page_each_finding_links_to_the_screen_of_its_field()
    {
        var offer = Guid.NewGuid();

        var cut = ShowSummary(p => p.Add(x => x.Findings, [Red, Orange]).Add(x => x.OfferId, offer));

        var links = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/employer/offers/{offer}/edit/4", links);
        Assert.Contains($"/employer/offers/{offer}/edit/5", links);
    }

    [Fact]
    public void No_findings_show_nothing()
    {
        var cut = ShowSummary(p => p.Add(x => x.Findings, []));

        Assert.Equal("", cut.Markup.Trim());
    }
}
