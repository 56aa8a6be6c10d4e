using System.Text;
using Bunit;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Tests.Domain.Evaluation;
using HelloWork.Tests.Support;
using HelloWork.Web.Components.Pages.Evaluation;
using HelloWork.Web.Components.Pages.Staff;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Components.Evaluation;

/// <summary>The public publication (R-EVAL-2), the yearly result (R-EVAL-3) and the questionnaire (R-EVAL-4) as a person sees them, on the
/// hand-counted <see cref="EvaluationWorld"/>; nobody is signed in unless a test says so.</summary>
public sealed class EvaluationPageTests : ComponentTest
{
    private EvaluationWorld evaluation = default!;

    protected override async Task<DomainWorld> CreateWorldAsync()
    {
        evaluation = await EvaluationWorld.CreateAsync();
        return evaluation.World;
    }

    [Fact]
    public async Task The_office_page_shows_the_hand_counted_year_against_the_target_and_a_dash_for_months_without_data()
    {
        await new EvaluationTargets(World.Ops).SetAsync(evaluation.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [], []));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/evaluation/offices/13010?year=2026");
        var page = Show<OfficePage>(p => p.Add(x => x.Code, "13010"));
        page.WaitForAssertion(() => Assert.Contains("ハローワーク飯田橋 主要指標の実績（2026年度）", page.Find("h1").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var summary = page.FindAll("table")[0];
        var placements = summary.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "就職者数");
        // 当月 (March: no data), 年度累計 3, 年度目標 3, 達成率 100.0%.
        Assert.Equal(["主要指標", "—", "3", "3", "100.0%"], placements.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var early = summary.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "雇用保険受給者の早期再就職件数");
        Assert.Equal(["主要指標", "—", "1", "1", "100.0%"], early.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var rate = summary.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "紹介率");
        Assert.Equal(["補助指標", "—", "75.0%", "50.0%", "150.0%"], rate.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));

        var months = page.FindAll("table")[1].QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "就職者数");
        Assert.Equal(["—", "1", "—", "—", "—", "—", "—", "2", "—", "—", "—", "—"], months.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal(3, page.FindAll("svg[role=img]").Count);   // one chart per 主要指標
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/open-data/evaluation/2026/13010.csv");
        Assert.Contains("この年度の総合評価はまだ行われていません", page.Markup, StringComparison.Ordinal);

        // The CSV of the same office says the same (R-EVAL-2).
        var csv = Encoding.UTF8.GetString(Publication.Csv((await Services.GetRequiredService<Publication>().OfficeAsync("13010", 2026))!));
        Assert.Contains("placements,就職者数,主要指標,件,,1,,,,,,2,,,,,,3,3,100.0,", csv, StringComparison.Ordinal);
    }

    /// <summary>R-UI-1, R-EVAL-2: a reader who chose English reads the indicators, their kinds and definitions, the months and the figures'
    /// periods in English; the published CSV stays Japanese.</summary>
    [Fact]
    public async Task An_English_reader_reads_the_indicators_months_and_periods_in_English()
    {
        var english = new System.Globalization.CultureInfo("en");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/evaluation/offices/13010?year=2026");
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = english;
        var page = Render<OfficePage>(p => p.Add(x => x.Code, "13010"));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("table").Count), TimeSpan.FromSeconds(10));

        var heads = page.FindAll("table th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Placements", heads);
        Assert.Contains("Apr", heads);
        Assert.Contains("Mar", heads);
        Assert.Contains("Main indicator", page.FindAll("table")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain(heads, h => System.Text.RegularExpressions.Regex.IsMatch(h, @"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}"));
        Assert.Contains("Counted in the month", page.Find("dl").TextContent, StringComparison.Ordinal);

        var year = await new HelloWork.Domain.Figures.OfficeFigures(World.Ops).YearAsync(evaluation.Supervisor1, 2026, Ct);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = english;
        var table = Render<FiguresTable>(p => p.Add(x => x.Sets, [year.Months[7], .. year.Quarters.Take(1), year.Year, year.ToDate[2]]));
        Assert.Equal(["Nov 2026", "FY 2026 Q1", "FY 2026", "Year to date"], table.FindAll("tbody th").Select(th => th.TextContent.Trim()));

        var csv = Encoding.UTF8.GetString(Publication.Csv((await Services.GetRequiredService<Publication>().OfficeAsync("13010", 2026))!));
        Assert.Contains("placements,就職者数,主要指標", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_office_is_not_found()
    {
        var page = Show<OfficePage>(p => p.Add(x => x.Code, "99999"));
        page.WaitForAssertion(() => Assert.Equal("見つかりません", page.Find("h1").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_signed_in_jobseekers_answer_keeps_nothing_of_who_answered_and_staff_see_no_satisfaction_under_five_answers()
    {
        var js = await World.ArrangeAsync(db => db.Jobseekers.OrderBy(j => j.Name).FirstAsync());
        SignIn(new Actor(Guid.NewGuid(), Roles.Jobseeker, js.Name, JobseekerId: js.Id));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/survey?office=13010&occasion=appointment");
        var page = Show<SurveyPage>();
        page.WaitForAssertion(() => page.Find("input[type=radio]"), TimeSpan.FromSeconds(10));
        page.FindAll("button").Single(b => b.TextContent.Contains("回答する", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains(Error(ErrorCodes.InvalidChoice), page.Markup, StringComparison.Ordinal));   // no answer chosen: refused
        Assert.Equal(0, await World.ArrangeAsync(db => db.SurveyAnswers.CountAsync()));
        page.FindAll("input[type=radio]")[1].Click();   // まあ満足
        page.FindAll("button").Single(b => b.TextContent.Contains("回答する", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains("ご回答ありがとうございました。", page.Markup, StringComparison.Ordinal));

        // R-EVAL-4: the row holds the office, the occasion, the answer and the month; no column can name the person or the moment.
        var stored = await World.ArrangeAsync(db => db.SurveyAnswers.SingleAsync());
        Assert.Equal((evaluation.Iidabashi.Id, SurveyOccasion.Appointment, 4, new DateOnly(2027, 5, 1)), (stored.OfficeId, stored.Occasion, stored.Satisfaction, stored.Month));
        var columns = World.Factory.CreateDbContext().Model.FindEntityType(typeof(SurveyAnswer))!.GetProperties().Select(p => p.Name).Order();
        Assert.Equal(["Id", "Month", "Occasion", "OfficeId", "Satisfaction"], columns);
        Assert.Equal(0, await World.ArrangeAsync(db => db.AuditEntries.CountAsync()));   // nor does the audit trail tie the person to it

        // Staff of the office see no satisfaction from a single answer (fewer than five could be traced to the people served).
        SignIn(evaluation.Supervisor1);
        var staff = Show<EvaluationTargetsPage>();
        staff.WaitForAssertion(() => Assert.Contains(Text<EvaluationText>("TooFewAnswers", Survey.MinimumAnswers), staff.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("まあ満足 1", staff.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_supervisors_get_the_target_form()
    {
        SignIn(evaluation.Staff1);
        var page = Show<EvaluationTargetsPage>();
        page.WaitForAssertion(() => Assert.Contains(Text<EvaluationText>("NoTargets"), page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(Text<EvaluationText>("TargetsEntry"), page.Markup, StringComparison.Ordinal);

        SignIn(evaluation.Supervisor1);
        var supervisor = Show<EvaluationTargetsPage>();
        supervisor.WaitForAssertion(() => Assert.Contains(Text<EvaluationText>("TargetsEntry"), supervisor.Markup, StringComparison.Ordinal));
    }
}
