using HelloWork.Testing;
using System.Globalization;
using System.Resources;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.JobOffers.Law;
using HelloWork.Tests.Support;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Law;

/// <summary>
/// The legal checker over the labelled set and the three offers a review without the checker passed at entry and at review (R-LAW-1..6): minimum wage
/// (R-LAW-1), 固定残業代 (R-LAW-2), age (R-LAW-3), sex (R-LAW-4), required statements (R-LAW-5); every finding names its field, has a
/// message in both languages and cites its law by its current name; red blocks, orange needs acknowledgement (R-LAW-6).
/// </summary>
public sealed class LawCheckerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> CaseNames => [.. LawCases.All.Select(c => c.Name)];

    [Fact]
    public void The_labelled_set_has_at_least_80_offers_lawful_and_not_and_every_rule()
    {
        Assert.True(LawCases.All.Count >= 80, $"{LawCases.All.Count} offers");
        Assert.Equal(LawCases.All.Count, LawCases.All.Select(c => c.Name).Distinct().Count());
        Assert.True(LawCases.All.Count(c => c.Findings.Count == 0) >= 25);
        Assert.True(LawCases.All.Count(c => c.Findings.Count > 0) >= 40);
        foreach (var rule in new[] { "R-LAW-1", "R-LAW-2", "R-LAW-3", "R-LAW-4", "R-LAW-5" })
        {
            Assert.Contains(LawCases.All, c => c.Rule == rule && c.Findings.Count > 0);
            Assert.Contains(LawCases.All, c => c.Rule == rule && c.Findings.Count == 0);
        }
    }

    /// <summary>R-LAW-1..5: each labelled offer produces exactly its findings.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_labelled_offer_produces_exactly_its_findings(string name)
    {
        var c = LawCases.All.Single(x => x.Name == name);
        var found = LawChecker.Check(c.Sheet, LawContext.On(c.Publication)).Select(f => new Expected(f.Field, f.Code, f.Level)).OrderBy(e => e.ToString());
        Assert.Equal(c.Findings.OrderBy(e => e.ToString()).Select(e => e.ToString()), found.Select(e => e.ToString()));
    }

    /// <summary>R-LAW-6: every finding of the set cites a law by its current name and has its message in Japanese and English.</summary>
    [Fact]
    public void Every_finding_cites_its_law_by_its_current_name_with_messages_in_both_languages()
    {
        var resources = new ResourceManager("HelloWork.Web.Resources.Ui", typeof(Ui).Assembly);
        var ja = CultureInfo.GetCultureInfo("ja-JP");
        var en = CultureInfo.GetCultureInfo("en");
        var findings = LawCases.All.SelectMany(c => LawChecker.Check(c.Sheet, LawContext.On(c.Publication))).ToList();
        Assert.NotEmpty(findings);
        foreach (var f in findings)
        {
            Assert.NotNull(f.Cite);
            Assert.DoesNotContain("雇用対策法", f.Cite.Law, StringComparison.Ordinal);
            Assert.Matches("^第", f.Cite.Article);
            var key = (f.Level == FindingLevel.Warning ? "Warning." : "Error.") + f.Code;
            var jaText = resources.GetString(key, ja);
            var enText = resources.GetString(key, en);
            Assert.False(string.IsNullOrEmpty(jaText), key);
            Assert.False(string.IsNullOrEmpty(enText), key);
            Assert.NotEqual(jaText, enText);
            Assert.DoesNotContain("雇用対策法", jaText, StringComparison.Ordinal);
            // The message's placeholders are all filled by the finding's values.
            Assert.DoesNotContain("{", string.Format(CultureInfo.InvariantCulture, jaText!, f.MessageArgs), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(resources.GetString("Cite." + f.Cite.Key, ja)), f.Cite.Key);
            Assert.Contains(f.Cite.Law, resources.GetString("Cite." + f.Cite.Key, ja), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(resources.GetString("Cite." + f.Cite.Key, en)), f.Cite.Key);
        }
        Assert.Contains(findings, f => f.Cite!.Law == "労働施策総合推進法");
    }

    /// <summary>R-LAW-1: the orange finding names the date and the figure that takes effect before the 紹介期限.</summary>
    [Fact]
    public void The_upcoming_minimum_wage_is_named_with_its_date_and_figure()
    {
        var sheet = LawCases.Lawful() with { Wages = new OfferWages { Form = WageForm.Hourly, BaseMin = 1200, BaseMax = 1200 } };
        var f = Assert.Single(LawChecker.Check(sheet, LawContext.On(new DateOnly(2025, 8, 1))));
        Assert.Equal(FindingLevel.Warning, f.Level);
        Assert.Equal(["1,200", "東京都", "1,226", "2025-10-03"], f.Args);
        var red = Assert.Single(LawChecker.Check(LawCases.IssueHourly900(), LawContext.On(LawCases.Dec2025)));
        Assert.Equal(["900", "東京都", "1,226"], red.Args);
        Assert.Equal("最低賃金法", red.Cite!.Law);
    }

    /// <summary>R-LAW-1: an administrator's figure joins the shipped table from its date (and replaces a shipped one of the same date).</summary>
    [Fact]
    public void An_added_figure_applies_from_its_date_without_a_release()
    {
        var table = MinimumWageTable.Shipped.With([new MinimumWageFigure("東京都", 1300, new DateOnly(2026, 10, 1))]);
        var sheet = LawCases.Lawful() with { Wages = new OfferWages { Form = WageForm.Hourly, BaseMin = 1250, BaseMax = 1250 } };
        Assert.Empty(LawChecker.Check(sheet, LawContext.On(new DateOnly(2026, 6, 1), table)));
        Assert.Equal("BelowUpcomingMinimumWage", Assert.Single(LawChecker.Check(sheet, LawContext.On(new DateOnly(2026, 8, 1), table))).Code);
        Assert.Equal("BelowMinimumWage", Assert.Single(LawChecker.Check(sheet, LawContext.On(new DateOnly(2026, 10, 1), table))).Code);
        Assert.Empty(LawChecker.Check(sheet, LawContext.On(new DateOnly(2026, 10, 1))));
        var corrected = MinimumWageTable.Shipped.With([new MinimumWageFigure("東京都", 1260, new DateOnly(2025, 10, 3))]);
        Assert.Equal(1260, corrected.InForce("東京都", new DateOnly(2025, 12, 1))!.Yen);
    }

    /// <summary>R-LAW-1..3, R-LAW-6 at entry: the three offers a review without the checker passed are red on their screens, the step is refused, and
    /// submission is refused; the draft (一時保存) still keeps what was typed.</summary>
    [Fact]
    public async Task The_three_offers_of_the_issue_are_red_at_entry_and_cannot_be_submitted()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var lawful = world.Offer1.Sheet;
        foreach (var (issue, screen, field, code, cite) in new[]
        {
            (Merge(lawful, LawCases.IssueHourly900()), 4, "Wages.BaseMin", "BelowMinimumWage", Citations.MinimumWage),
            (Merge(lawful, LawCases.IssueFixedOvertime()), 4, "Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium", Citations.Premium),
            (Merge(lawful, LawCases.IssueAgeWithoutRetirement()), 3, "Work.AgeException", "AgeException1NeedsRetirementAge", Citations.AgeException1),
        })
        {
            var draft = await offers.CopyAsync(world.EmployerActor1, world.Offer1.Id, Ct);
            var step = await offers.SaveScreenAsync(world.EmployerActor1, draft, issue, screen, Ct);
            Assert.False(step.Saved);
            Assert.Contains(step.Findings, f => f.Field == field && f.Code == code && f.Level == FindingLevel.Error && f.Cite == cite);

            var kept = await offers.SaveDraftAsync(world.EmployerActor1, draft, issue, screen, Ct);
            Assert.True(kept.Saved);
            // The age offer's 定年 is on screen 6: save it too so the whole sheet is the issue's.
            Assert.True((await offers.SaveDraftAsync(world.EmployerActor1, draft, issue, 6, Ct)).Saved);
            var entry = await new EmployerOffers(world.Ops).GetAsync(world.EmployerActor1, draft, Ct);
            Assert.Contains(entry!.Findings, f => f.Field == field && f.Code == code && f.Cite == cite);
            Assert.False(entry.CanSubmit);
            var refused = await Assert.ThrowsAsync<DomainException>(() => offers.SubmitAsync(world.EmployerActor1, draft, Ct));
            Assert.Equal("OfferHasErrors", refused.Code);
        }
    }

    /// <summary>R-LAW-6 at review: offers already in the queue from before this checker (the review said 問題なし on all three) show
    /// their red findings with the citations; and a figure the administrator adds reaches the review of an offer already submitted.</summary>
    [Fact]
    public async Task The_three_offers_of_the_issue_show_their_findings_at_review()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var queue = new ReviewQueue(world.Ops);
        var issues = new[] { LawCases.IssueHourly900(), LawCases.IssueFixedOvertime(), LawCases.IssueAgeWithoutRetirement() };
        var ids = new List<Guid>();
        foreach (var issue in issues)
        {
            var id = await offers.CopyAsync(world.EmployerActor1, world.Offer1.Id, Ct);
            await offers.SubmitAsync(world.EmployerActor1, id, Ct);
            await SetSheetAsync(world, id, Merge(world.Offer1.Sheet, issue));
            ids.Add(id);
        }
        var items = await queue.OffersAsync(world.StaffActor1, Ct);
        Assert.Contains(items.Single(i => i.OfferId == ids[0]).Findings, f => f.Code == "BelowMinimumWage" && f.Cite == Citations.MinimumWage);
        Assert.Contains(items.Single(i => i.OfferId == ids[1]).Findings, f => f.Code == "FixedOvertimeBelowPremium" && f.Cite == Citations.Premium);
        Assert.Contains(items.Single(i => i.OfferId == ids[2]).Findings, f => f.Code == "AgeException1NeedsRetirementAge" && f.Cite == Citations.AgeException1);

        // The administrator adds a higher figure for the workplace's prefecture from today: the lawful offer in the queue turns red.
        var lawful = await offers.CopyAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        await offers.SubmitAsync(world.EmployerActor1, lawful, Ct);
        Assert.DoesNotContain((await queue.OffersAsync(world.StaffActor1, Ct)).Single(i => i.OfferId == lawful).Findings, f => f.Cite is not null);
        var admin = new Actor(Guid.NewGuid(), Roles.Admin, "admin");
        await new MinimumWages(world.Ops).AddAsync(admin, world.Offer1.Sheet.Work.WorkplacePrefecture, 9_999, JapanTime.DateOf(world.Clock.GetUtcNow()), "test", Ct);
        Assert.Contains((await queue.OffersAsync(world.StaffActor1, Ct)).Single(i => i.OfferId == lawful).Findings,
            f => f.Code == "BelowMinimumWage" && f.Args.Contains("9,999"));
    }

    /// <summary>R-ACC-4: only an administrator reads or extends the minimum-wage table; a refused or bad addition changes nothing.</summary>
    [Fact]
    public async Task Only_an_administrator_adds_figures_and_bad_input_changes_nothing()
    {
        await using var world = await DomainWorld.CreateAsync();
        var wages = new MinimumWages(world.Ops);
        var day = new DateOnly(2026, 10, 1);
        foreach (var actor in new[] { world.JobseekerActor1, world.EmployerActor1, world.StaffActor1, Actor.System })
        {
            await Assert.ThrowsAsync<ScopeException>(() => wages.AddAsync(actor, "東京都", 1300, day, "告示", Ct));
            await Assert.ThrowsAsync<ScopeException>(() => wages.ListAsync(actor, Ct));
        }
        var admin = new Actor(Guid.NewGuid(), Roles.Admin, "admin");
        Assert.Equal("Prefecture", (await Assert.ThrowsAsync<DomainException>(() => wages.AddAsync(admin, "東京", 1300, day, "告示", Ct))).Field);
        Assert.Equal("Yen", (await Assert.ThrowsAsync<DomainException>(() => wages.AddAsync(admin, "東京都", 13, day, "告示", Ct))).Field);
        Assert.Equal("EffectiveFrom", (await Assert.ThrowsAsync<DomainException>(() => wages.AddAsync(admin, "東京都", 1300, new DateOnly(2040, 1, 1), "告示", Ct))).Field);
        Assert.Equal("Source", (await Assert.ThrowsAsync<DomainException>(() => wages.AddAsync(admin, "東京都", 1300, day, " ", Ct))).Field);
        Assert.Equal(MinimumWageTable.ShippedFigures.Count, (await wages.ListAsync(admin, Ct)).Count);
        Assert.Equal(1226, (await wages.TableAsync(Ct)).InForce("東京都", day)!.Yen);

        await wages.AddAsync(admin, "東京都", 1300, day, "東京労働局 告示", Ct);
        Assert.Equal(1300, (await wages.TableAsync(Ct)).InForce("東京都", day)!.Yen);
        var row = (await wages.ListAsync(admin, Ct)).First(r => r.Prefecture == "東京都");
        Assert.Equal((1300, day, true), (row.Yen, row.EffectiveFrom, row.Added));
        await using var db = await world.Factory.CreateDbContextAsync(Ct);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "MinimumWageAdded", Ct));
    }

    /// <summary>The lawful parts of the sample offer with the issue's wage, hours-free age or workplace parts laid over it.</summary>
    internal static JobSheet Merge(JobSheet lawful, JobSheet issue) => lawful with
    {
        Work = lawful.Work with
        {
            WorkplacePrefecture = issue.Work.WorkplacePrefecture,
            AgeLimited = issue.Work.AgeLimited,
            AgeException = issue.Work.AgeException,
            AgeMin = issue.Work.AgeMin,
            AgeMax = issue.Work.AgeMax,
            AgeReason = issue.Work.AgeReason,
            FixedTerm = false,
        },
        Wages = issue.Wages == LawCases.Lawful().Wages ? lawful.Wages : issue.Wages with
        {
            OtherAllowances = lawful.Wages.OtherAllowances, Commuting = lawful.Wages.Commuting, ClosingDay = lawful.Wages.ClosingDay, PayDay = lawful.Wages.PayDay,
        },
        Conditions = lawful.Conditions with { RetirementAge = issue.Conditions.RetirementAge },
    };

    /// <summary>An offer in the queue as it was stored before this checker existed.</summary>
    private static async Task SetSheetAsync(DomainWorld world, Guid id, JobSheet sheet)
    {
        await using var db = await world.Factory.CreateDbContextAsync(Ct);
        var offer = await db.JobOffers.SingleAsync(o => o.Id == id, Ct);
        db.Entry(offer).Property(o => o.Sheet).CurrentValue = sheet;
        await db.SaveChangesAsync(Ct);
    }
}
