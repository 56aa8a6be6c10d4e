using Bunit;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.JobOffers.Law;
using HelloWork.Testing;
using HelloWork.Web.Components.Pages.Staff;

namespace HelloWork.Tests.Components.Staff;

/// <summary>
/// The review card's sheet table (R-JOB-1, R-JOB-8, R-LAW-6), written once as markup instead of a component per row
/// (docs/BENCHMARKS.md, "The circuit, second round"): the employer's own text must stay text (no markup of theirs reaches the
/// reviewer's page), each finding sits beside the row that shows its field with its law cited, and 問題なし is said only of a
/// sheet without findings.
/// </summary>
public sealed class SheetFindingsTests : ComponentTest
{
    [Fact]
    public void The_employers_text_is_shown_as_text_never_as_markup()
    {
        var sheet = LawCases.Lawful() with
        {
            Work = LawCases.Lawful().Work with { JobTitle = "<b id=\"x\">太字</b> & <script>alert(1)</script>", Description = "\"引用\" 'と' <i>斜体</i>" },
        };

        var cut = Show<SheetFindings>(p => p.Add(c => c.Sheet, sheet).Add(c => c.Findings, []));

        Assert.Empty(cut.FindAll(".sheet-findings b, .sheet-findings script, .sheet-findings i"));
        var title = cut.Find(".sheet-findings tr[data-field='Work.JobTitle'] td");
        Assert.Equal("<b id=\"x\">太字</b> & <script>alert(1)</script>", title.TextContent);
        Assert.Contains("\"引用\" 'と' <i>斜体</i>", cut.Find(".sheet-findings tr[data-field='Work.Description'] td").TextContent, StringComparison.Ordinal);
        // Without findings every row says so.
        Assert.All(cut.FindAll(".sheet-findings tbody tr[data-field]"), row => Assert.Contains(Text<HelloWork.Web.Resources.StaffText>("NoFinding"), row.TextContent,
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_finding_stands_as_a_chip_beside_its_row_citing_its_law_and_no_row_says_no_problem()
    {
        var sheet = LawCases.IssueHourly900();
        var findings = LawChecker.Check(sheet, LawContext.On(LawCases.Dec2025));
        var wage = Assert.Single(findings, f => f.Code == "BelowMinimumWage");

        var cut = Show<SheetFindings>(p => p.Add(c => c.Sheet, sheet).Add(c => c.Findings, findings));

        var chip = cut.Find($".sheet-findings tr .hw-finding[data-code='BelowMinimumWage']");
        Assert.Equal(wage.Field, chip.GetAttribute("data-field"));
        Assert.Contains("mud-chip-color-error", chip.ClassName, StringComparison.Ordinal);
        Assert.Contains("最低賃金法", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal(findings.Count, cut.FindAll(".hw-finding").Count);
        Assert.DoesNotContain(Text<HelloWork.Web.Resources.StaffText>("NoFinding"), cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=finding-count]"));
    }
}
