using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Search;

/// <summary>The public job search (R-SRC-1) on crafted offers, on the real SQLite index with its triggers.</summary>
public sealed class JobSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_two_character_word_matches_anywhere_in_the_text_including_its_very_end()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("介護職員", "特別養護老人ホームでの入浴介助");
        await world.PublishAsync("施設スタッフ", "デイサービスでの送迎と介護"); // 介護 is the last text of the description
        await world.PublishAsync("ルート営業", "既存顧客への提案");
        await world.PublishAsync("看護師", "クリニックでの外来");

        Assert.Equal(["介護職員", "施設スタッフ"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護" }));
        Assert.Equal(["ルート営業"], await world.TitlesAsync(new JobSearchCriteria { Words = "営業" }));
        Assert.Empty(await world.TitlesAsync(new JobSearchCriteria { Words = "護師看" }));
    }

    [Fact]
    public async Task A_five_character_word_matches_as_one_substring_without_word_splitting()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("訪問介護員", "利用者様のご自宅を訪問します");
        await world.PublishAsync("介護員（訪問なし）", "施設内の業務です");

        Assert.Equal(["訪問介護員"], await world.TitlesAsync(new JobSearchCriteria { Words = "訪問介護員" }));
        // Two words must both occur, anywhere.
        Assert.Equal(["介護員（訪問なし）", "訪問介護員"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護員　訪問" }));
    }

    [Fact]
    public async Task A_one_character_word_and_latin_letters_in_either_case_are_found()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("寮完備の製造スタッフ", "部品の検査");
        await world.PublishAsync("Webデザイナー", "HTMLのコーディング");

        Assert.Equal(["寮完備の製造スタッフ"], await world.TitlesAsync(new JobSearchCriteria { Words = "寮" }));
        Assert.Equal(["Webデザイナー"], await world.TitlesAsync(new JobSearchCriteria { Words = "html" }));
        Assert.Equal(["Webデザイナー"], await world.TitlesAsync(new JobSearchCriteria { Words = "WEB" }));
    }

    [Fact]
    public async Task NOT_words_leave_out_every_offer_that_contains_them_short_or_long()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("介護職員", "夜勤あり");
        await world.PublishAsync("訪問介護員", "夜勤なし、日勤のみ");
        await world.PublishAsync("介護助手", "送迎業務");

        Assert.Equal(["介護助手"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護", NotWords = "夜勤" }));
        Assert.Equal(["介護助手", "介護職員"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護", NotWords = "日勤のみ" }));
        // NOT words alone: everything open except what contains them (the world's two base offers included).
        var all = await world.SearchAsync(new JobSearchCriteria { PageSize = 50 });
        var withoutCare = await world.SearchAsync(new JobSearchCriteria { NotWords = "介護 ", PageSize = 50 });
        Assert.Equal(all.Total - 3, withoutCare.Total);
        // A NOT word that occurs nowhere removes nothing.
        Assert.Equal(all.Total, (await world.SearchAsync(new JobSearchCriteria { NotWords = "鬱" })).Total);
    }

    [Fact]
    public async Task Filters_combine_with_free_words()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("介護職員A", "日勤", s => s with { Work = s.Work with { RemoteWork = true, UijTurnWelcome = true } });
        await world.PublishAsync("介護職員B", "日勤", s => s with { Work = s.Work with { MinutesFromStation = 25 } });
        await world.PublishAsync("介護職員C", "日勤", s => s with { Work = s.Work with { EmploymentType = EmploymentType.NonRegular } });
        await world.PublishAsync("介護職員D", "日勤", secondEstablishment: true);
        await world.PublishAsync("介護職員E", "日勤", s => s with
        {
            // Short days (9:00–13:00) keep a 月給 of 150,000 above the minimum wage (R-LAW-1), so the offer can be published.
            Wages = s.Wages with { Form = WageForm.Monthly, BaseMin = 150_000, BaseMax = 160_000, FixedAllowances = 0, FixedOvertime = false },
            Hours = s.Hours with { Start = new TimeOnly(9, 0), End = new TimeOnly(13, 0), BreakMinutes = 0 },
        });
        await world.PublishAsync("介護職員F", "日勤", s => s with { Hours = s.Hours with { Start = new TimeOnly(7, 0), End = new TimeOnly(16, 0) } });

        var basic = new JobSearchCriteria { Words = "介護", Areas = [new AreaCriterion("東京都", "千代田")] };
        Assert.Equal(["介護職員A", "介護職員B", "介護職員C", "介護職員E", "介護職員F"], await world.TitlesAsync(basic));
        Assert.Equal(["介護職員D"], await world.TitlesAsync(basic with { Areas = [new AreaCriterion("大阪府")] }));
        Assert.Equal(["介護職員A", "介護職員C", "介護職員E", "介護職員F"], await world.TitlesAsync(basic with { NearStation = true }));
        Assert.Equal(["介護職員A", "介護職員B", "介護職員E", "介護職員F"], await world.TitlesAsync(basic with { EmploymentTypes = [EmploymentType.Regular] }));
        Assert.Equal(["介護職員A"], await world.TitlesAsync(basic with { RemoteWork = true, UijTurn = true, SelfApplication = true }));
        var wageAndHours = basic with { WageFloor = 170_000, WageForm = WageForm.Monthly, WorkFrom = new TimeOnly(8, 0), WorkUntil = new TimeOnly(19, 0) };
        Assert.DoesNotContain("介護職員E", await world.TitlesAsync(wageAndHours)); // wage below the floor
        Assert.DoesNotContain("介護職員F", await world.TitlesAsync(wageAndHours)); // starts before 8:00
        Assert.Equal(["介護職員D"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護", Areas = [new AreaCriterion("東京都", "港区"), new AreaCriterion("大阪府", "大阪市")] }));
    }

    [Fact]
    public async Task Only_published_offers_within_their_validity_are_found()
    {
        await using var world = await DomainWorld.CreateAsync();
        var filled = await world.PublishAsync("介護職員（充足）", "日勤");
        await world.PublishAsync("介護職員", "日勤");
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, filled.Id, InvalidReason.Filled, Ct);
        var draft = await new JobOfferService(world.Ops).CopyAsync(world.EmployerActor1, filled.Id, Ct);

        Assert.Equal(["介護職員"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護" }));

        world.Clock.Advance(TimeSpan.FromDays(100)); // past 紹介期限日, whether or not the sweeper ran (R-JOB-3)
        Assert.Equal(0, (await world.SearchAsync(new JobSearchCriteria())).Total);
        Assert.NotEqual(Guid.Empty, draft);
    }

    [Fact]
    public async Task Pages_of_any_size_cover_every_result_exactly_once_in_both_orders()
    {
        await using var world = await DomainWorld.CreateAsync();
        for (var i = 0; i < 23; i++)
        {
            // Many offers share the same 受付年月日: the job number breaks the ties.
            await world.PublishAsync($"営業スタッフ{i:00}", "ルート営業");
        }
        foreach (var sort in new[] { JobSort.ReceivedDate, JobSort.ValidUntil })
        {
            var seen = new List<string>();
            for (var page = 1; page <= 3; page++)
            {
                var result = await world.SearchAsync(new JobSearchCriteria { Words = "営業", Sort = sort, Page = page, PageSize = 10 });
                Assert.Equal(23, result.Total);
                Assert.Equal(3, result.Pages);
                seen.AddRange(result.Items.Select(i => i.JobNumber));
            }
            Assert.Equal(23, seen.Distinct().Count());
            var again = await world.SearchAsync(new JobSearchCriteria { Words = "営業", Sort = sort, Page = 2, PageSize = 10 });
            Assert.Equal(seen.Skip(10).Take(10), again.Items.Select(i => i.JobNumber));
        }
    }

    [Fact]
    public async Task Each_word_match_is_looked_up_by_its_integer_job_number_in_the_covering_index_never_in_the_offer_row()
    {
        // Speed rests on this plan (p95 ≤ 100 ms at 1 M offers): FTS5 first, then one seek per match in
        // IX_JobOffers_SearchNumber on the same integer expression as the index's rowid, with every filter and sort column in it.
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("ルート営業", "日勤");
        var plan = await world.WithDbAsync(async db =>
        {
            var q = (await FreeWords.ApplyAsync(db, ["ルート営業"], [], null, Ct))
                .Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= new DateOnly(2026, 1, 1) && o.Prefecture == "東京都"
                    && o.WageForm == WageForm.Monthly && o.WageMin >= 200_000 && !o.IsDispatch)
                .OrderByDescending(o => o.ReceivedDate).ThenByDescending(o => o.JobNumber)
                .Select(o => o.JobNumber);
            return await PlanAsync(db, q);
        });
        var steps = string.Join(" / ", plan);
        Assert.True(plan.Any(d => d.StartsWith("SCAN JobOfferWords VIRTUAL TABLE", StringComparison.Ordinal)), steps);
        Assert.True(plan.Any(d => d.Contains("USING COVERING INDEX IX_JobOffers_SearchNumber (<expr>=?", StringComparison.Ordinal)), steps);
        Assert.DoesNotContain(plan, d => d.StartsWith("SCAN j", StringComparison.Ordinal) || d.Contains("IX_JobOffers_JobNumber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_without_words_reads_the_covering_index_and_finds_what_the_table_holds()
    {
        // Without words the planner would walk (Status, ValidUntil) and read every offer's row, JSON sheet and all: 1.5 s for
        // the first page of everything at 1,000,000 open offers, 0.17 s through the index (docs/BENCHMARKS.md).
        await using var world = await DomainWorld.CreateAsync();
        for (var i = 0; i < 14; i++)
        {
            await world.PublishAsync($"倉庫スタッフ{i:00}", "日勤", secondEstablishment: i % 3 == 0, at: world.Clock.GetUtcNow().AddDays(-i));
        }
        var today = JapanTime.Today(world.Clock);
        var plan = await world.WithDbAsync(async db =>
        {
            var q = JobSearch.WithoutWords(db, new JobSearchCriteria())
                .Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= today && o.Prefecture == "東京都")
                .OrderByDescending(o => o.ReceivedDate).ThenByDescending(o => o.JobNumber).Select(o => o.JobNumber);
            return await PlanAsync(db, q);
        });
        Assert.Contains(plan, d => d.Contains("USING COVERING INDEX IX_JobOffers_SearchNumber", StringComparison.Ordinal));

        var open = await world.WithDbAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= today)
            .OrderByDescending(o => o.ReceivedDate).ThenByDescending(o => o.JobNumber).Select(o => new { o.JobNumber, o.Prefecture }).ToListAsync(Ct));
        Assert.True(open.Count > 10);
        var search = new JobSearch(world.Ops);
        var first = await search.SearchAsync(null, new JobSearchCriteria { PageSize = 10 }, Ct);
        var second = await search.SearchAsync(null, new JobSearchCriteria { PageSize = 10, Page = 2 }, Ct);
        Assert.Equal(open.Count, first.Total);
        Assert.Equal(open.Select(o => o.JobNumber), first.Items.Concat(second.Items).Select(i => i.JobNumber));
        var tokyo = await search.SearchAsync(null, new JobSearchCriteria { Areas = [new AreaCriterion("東京都")], PageSize = 50 }, Ct);
        Assert.Equal(open.Where(o => o.Prefecture == "東京都").Select(o => o.JobNumber), tokyo.Items.Select(i => i.JobNumber));
        Assert.InRange(tokyo.Total, 1, open.Count - 1);
        // A search by job number keeps the number's own unique index, and finds the same offer.
        var byNumber = await search.SearchAsync(null, new JobSearchCriteria { JobNumbers = [open[3].JobNumber!] }, Ct);
        Assert.Equal([open[3].JobNumber], byNumber.Items.Select(i => i.JobNumber));
    }

    /// <summary>SQLite's plan of a query, one step (the <c>detail</c> column of EXPLAIN QUERY PLAN) per entry.</summary>
    private static async Task<List<string>> PlanAsync(HelloWorkDb db, IQueryable<string?> q)
    {
        await using var cmd = q.CreateDbCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + cmd.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        var details = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            details.Add(reader.GetString(reader.GetOrdinal("detail")));
        }
        return details;
    }

    [Fact]
    public async Task The_trigram_index_follows_accepted_offers_through_their_triggers()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offer = await world.PublishAsync("介護職員", "日勤");
        var key = long.Parse(offer.JobNumber!.Replace("-", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var hits = await world.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM JobOfferWords WHERE JobOfferWords MATCH '\"介護職\"'").ToListAsync(Ct));
        Assert.Equal([key], hits);
        await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == offer.Id).ExecuteDeleteAsync(Ct));
        Assert.Empty(await world.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT rowid AS Value FROM JobOfferWords WHERE JobOfferWords MATCH '\"介護職\"'").ToListAsync(Ct)));
    }

    [Fact]
    public async Task The_index_follows_changes_of_the_filtered_columns_and_words_never_match_the_filter_tokens()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offer = await world.PublishAsync("介護職員", "日勤");
        var tokyo = new JobSearchCriteria { Words = "介護職", Areas = [new AreaCriterion("東京都", "千代田")], NearStation = true, ExcludeDispatch = true };
        var osaka = tokyo with { Areas = [new AreaCriterion("大阪府", "大阪市")], NearStation = false };
        Assert.Equal(["介護職員"], await world.TitlesAsync(tokyo));
        Assert.Empty(await world.TitlesAsync(osaka));

        // The filter tokens of JobOfferWords.Facets follow an update of the filtered columns (trigger), as the columns do.
        await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == offer.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Prefecture, "大阪府").SetProperty(o => o.Municipality, "大阪市北区").SetProperty(o => o.NearStation, false), Ct));
        Assert.Empty(await world.TitlesAsync(tokyo));
        Assert.Equal(["介護職員"], await world.TitlesAsync(osaka));
        Assert.Empty(await world.TitlesAsync(osaka with { NearStation = true }));

        // Free words and NOT words look at the offer's text only, never at the tokens the filters use: neither at the tokens'
        // plain text nor at their encoded form (private-use characters of plane 15, which such a word would otherwise match).
        var tokens = new[] { "P大阪", "M大阪市", "阪市北", "DP0", "E00", " NS1" };
        foreach (var token in tokens.Concat(tokens.Select(JobSearchFacets.Encode)).Append(JobSearchFacets.Encode("大")))
        {
            Assert.Empty(await world.TitlesAsync(new JobSearchCriteria { Words = token.Trim() }));
            Assert.Empty(await world.TitlesAsync(osaka with { Words = token.Trim() }));
            Assert.Equal(["介護職員"], await world.TitlesAsync(new JobSearchCriteria { Words = "介護職", NotWords = token.Trim() }));
            Assert.Equal(["介護職員"], await world.TitlesAsync(osaka with { NotWords = token.Trim() }));
        }
        // The same characters in an offer's own text are found, as any other text is (by a substring test, not the index).
        var encoded = JobSearchFacets.Encode("M大阪市");
        await world.PublishAsync("外字のある求人", "記号" + encoded + "を含む");
        Assert.Equal(["外字のある求人"], await world.TitlesAsync(new JobSearchCriteria { Words = encoded }));
        Assert.Equal(["外字のある求人"], await world.TitlesAsync(new JobSearchCriteria { Words = encoded[..2] }));
        Assert.Equal(["介護職員"], await world.TitlesAsync(osaka with { Words = "介護", NotWords = encoded }));
    }

    [Fact]
    public async Task Filter_tokens_are_made_only_of_private_use_characters_so_the_index_holds_no_trigram_a_word_can_reach()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("介護職員", "日勤", s => s with { Work = s.Work with { RemoteWork = true, UijTurnWelcome = true } });
        // Every term the index holds is either a trigram of the offers' text or made of plane-15 characters only.
        var terms = await world.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT term AS \"Value\" FROM JobOfferWordsVocab").ToListAsync(Ct));
        var tokenTerms = terms.Where(t => t.EnumerateRunes().Any(r => r.Value >= JobSearchFacets.Shift)).ToList();
        Assert.NotEmpty(tokenTerms);
        Assert.All(tokenTerms, t => Assert.All(t.EnumerateRunes(), r => Assert.InRange(r.Value, JobSearchFacets.Shift, JobSearchFacets.Shift + 0xFFFF)));
        Assert.Contains(JobSearchFacets.Encode("RW1"), tokenTerms);
        Assert.DoesNotContain("rw1", terms);
        Assert.DoesNotContain("dp0", terms);
    }

    [Fact]
    public async Task Counting_and_paging_in_one_command_or_in_SQL_give_the_same_pages()
    {
        await using var world = await DomainWorld.CreateAsync();
        for (var i = 0; i < 12; i++)
        {
            await world.PublishAsync($"営業スタッフ{i:00}", i % 3 == 0 ? "ルート営業" : "内勤", at: world.Clock.GetUtcNow().AddDays(-i));
        }
        var inMemory = new JobSearch(world.Ops); // 12 matches: one command, counted and paged with count(*) OVER ()
        var inSql = new JobSearch(world.Ops, singlePassLimit: 3); // more than 3: COUNT and ORDER BY … LIMIT in SQL
        foreach (var criteria in new[]
        {
            new JobSearchCriteria { Words = "営業", PageSize = 10 },
            new JobSearchCriteria { Words = "営業", PageSize = 10, Page = 2 },
            new JobSearchCriteria { Words = "営業", Sort = JobSort.ValidUntil, PageSize = 10, Page = 2 },
            new JobSearchCriteria { Words = "営業スタッフ", NotWords = "ルート", PageSize = 10 },
        })
        {
            var a = await inMemory.SearchAsync(null, criteria, Ct);
            var b = await inSql.SearchAsync(null, criteria, Ct);
            Assert.Equal(b.Total, a.Total);
            Assert.Equal(b.Items.Select(i => i.JobNumber), a.Items.Select(i => i.JobNumber));
            Assert.NotEmpty(a.Items);
        }
        Assert.Equal(12, (await inSql.SearchAsync(null, new JobSearchCriteria { Words = "営業", PageSize = 10 }, Ct)).Total);
        // A page past the last has no row to carry the count beside it: the total is still the number of matches.
        foreach (var search in new[] { inMemory, inSql })
        {
            var past = await search.SearchAsync(null, new JobSearchCriteria { Words = "営業", PageSize = 10, Page = 3 }, Ct);
            Assert.Empty(past.Items);
            Assert.Equal(12, past.Total);
        }
        Assert.Equal(8, (await inMemory.SearchAsync(null, new JobSearchCriteria { Words = "営業スタッフ", NotWords = "ルート", PageSize = 10 }, Ct)).Total);
    }

    [Fact]
    public async Task Over_long_words_and_page_sizes_other_than_10_30_50_are_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var tooLong = await Assert.ThrowsAsync<DomainException>(() => world.SearchAsync(new JobSearchCriteria { Words = new string('介', 51) }));
        Assert.Equal(("TooLong", "Words"), (tooLong.Code, tooLong.Field));
        var size = await Assert.ThrowsAsync<DomainException>(() => world.SearchAsync(new JobSearchCriteria { PageSize = 20 }));
        Assert.Equal("InvalidChoice", size.Code);
    }

    [Fact]
    public async Task Criteria_survive_the_query_string_that_saved_searches_store()
    {
        var criteria = new JobSearchCriteria
        {
            Words = "介護 日勤", NotWords = "夜勤", Areas = [new AreaCriterion("東京都", "千代田区"), new AreaCriterion("大阪府")],
            OccupationCodes = ["091"], EmploymentTypes = [EmploymentType.Regular, EmploymentType.NonRegular], WageFloor = 200_000,
            WorkFrom = new TimeOnly(8, 30), WorkUntil = new TimeOnly(18, 0), AnnualHolidaysMin = 120, NearStation = true, RemoteWork = true,
            UijTurn = true, SelfApplication = true, ExcludeDispatch = true, WeeklyTwoDaysOff = true, JobNumbers = ["13010-00000001"],
            Sort = JobSort.ValidUntil, PageSize = 30, Page = 2,
        };
        var back = JobSearchCriteria.FromQuery(criteria.ToQuery());
        Assert.Equal(criteria.ToQuery(), back.ToQuery());
        Assert.Equal("介護 日勤", back.Words);
        Assert.Equal(JobSearchCriteria.FromQuery("size=7&page=-3&type=99&sort=Nonsense").ToQuery(), new JobSearchCriteria().ToQuery());
        await Task.CompletedTask;
    }
}
