using HelloWork.Domain;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Domain.Applications;

/// <summary>The employer's applicant list (R-APP-2) on a real, migrated SQLite file; scope per R-ACC-4.</summary>
public sealed class ApplicantQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero); // 12:00 in Japan

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"applicant-list-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _clock = new(Now);
    private ServiceProvider _services = null!;
    private Establishment _est1 = null!;
    private Establishment _est2 = null!;
    private readonly List<Application> _applications = [];
    private readonly Dictionary<Guid, string> _kana = [];

    private ApplicantQueries List => _services.GetRequiredService<ApplicantQueries>();

    private Actor Employer1 => new(Guid.NewGuid(), Roles.Employer, "採用担当 鈴木", EstablishmentId: _est1.Id);

    private Actor Employer2 => new(Guid.NewGuid(), Roles.Employer, "人事部 田中", EstablishmentId: _est2.Id);

    public async ValueTask InitializeAsync()
    {
        await DatabaseTemplates.CopyMigratedAsync(_path);
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_clock)
            .AddHelloWorkDomain(new DatabaseSettings("Sqlite", $"Data Source={_path}"))
            .BuildServiceProvider();
        await using var db = await _services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();

        var office = new Office("13010", "ハローワーク飯田橋", "東京都", "東京都文京区後楽1-9-20", "03-3812-8609");
        _est1 = NewEstablishment(office, 1, "株式会社みらい商事");
        _est2 = NewEstablishment(office, 2, "有限会社さくら介護サービス");
        var offer1 = NewOffer(office, _est1, 0);
        var offer2 = NewOffer(office, _est1, 1);
        var offer3 = NewOffer(office, _est2, 2);
        db.AddRange(office, _est1, _est2, offer1, offer2, offer3);

        // Seven applicants to employer1 (one a day, newest on day 0), two to employer2.
        var people = new[] { ("佐藤 翔太", "サトウ ショウタ"), ("鈴木 陽菜", "スズキ ヒナ"), ("高橋 大輝", "タカハシ ダイキ"), ("田中 結衣", "タナカ ユイ"),
            ("伊藤 蓮", "イトウ レン"), ("渡辺 美咲", "ワタナベ ミサキ"), ("山本 健一", "ヤマモト ケンイチ"), ("中村 恵子", "ナカムラ ケイコ"), ("小林 拓也", "コバヤシ タクヤ") };
        for (var i = 0; i < people.Length; i++)
        {
            var js = new Jobseeker(people[i].Item1, people[i].Item2, new DateOnly(1990, 4, 1), null, null, null, Now.AddDays(-60));
            db.Add(js);
            _kana[js.Id] = people[i].Item2;
            var offer = i < 7 ? (i % 2 == 0 ? offer1 : offer2) : offer3;
            var app = new Application(offer.Id, offer.EstablishmentId, js.Id, ApplicationMethod.SelfApplication, null, "志望動機です。", Now.AddDays(-i).AddHours(-1));
            if (i is 2 or 5)
            {
                app.RegisterResult(ResultOutcome.Hired, null, false, null, JapanTime.DateOf(Now).AddDays(10), ResultChannel.EmployerOnline, Now.AddHours(-i));
            }
            else if (i == 4)
            {
                app.RegisterResult(ResultOutcome.NotHired, 4, false, null, null, ResultChannel.EmployerOnline, Now.AddHours(-1));
            }
            db.Add(app);
            _applications.Add(app);
        }
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Pages_are_cut_from_the_newest_application_with_the_total_count()
    {
        var first = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { PageSize = 3 }, TestContext.Current.CancellationToken);
        var last = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { PageSize = 3, Page = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(7, first.TotalCount);
        Assert.Equal([_applications[0].Id, _applications[1].Id, _applications[2].Id], first.Rows.Select(r => r.ApplicationId));
        Assert.Equal([_applications[6].Id], last.Rows.Select(r => r.ApplicationId));
        Assert.Equal(7, last.TotalCount);
    }

    [Fact]
    public async Task A_row_carries_status_name_mypage_method_dates_and_the_offer()
    {
        var page = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Status = ApplicationStatus.Hired, Descending = false },
            TestContext.Current.CancellationToken);

        var row = page.Rows[0];
        var app = _applications[5];
        Assert.Equal(app.Id, row.ApplicationId);
        Assert.Equal(ApplicationStatus.Hired, row.Status);
        Assert.Equal("渡辺 美咲", row.ApplicantName);
        Assert.True(row.HasMypage);
        Assert.Equal(ApplicationMethod.SelfApplication, row.Method);
        Assert.Equal(app.AppliedAt, row.AppliedAt);
        Assert.Equal(app.ResultRegisteredAt, row.ResultRegisteredAt);
        Assert.Matches(@"^13010-\d{8}$", row.JobNumber);
        Assert.False(string.IsNullOrEmpty(row.JobTitle));
    }

    [Fact]
    public async Task Sorting_by_applied_date_ascending_starts_with_the_oldest()
    {
        var page = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Descending = false }, TestContext.Current.CancellationToken);

        Assert.Equal(_applications.Take(7).OrderBy(a => a.AppliedAt).Select(a => a.Id), page.Rows.Select(r => r.ApplicationId));
    }

    [Fact]
    public async Task Sorting_by_name_follows_the_furigana_both_ways()
    {
        var ct = TestContext.Current.CancellationToken;
        var up = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Sort = ApplicantSort.Name, Descending = false }, ct);
        var down = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Sort = ApplicantSort.Name, Descending = true }, ct);

        var expected = _applications.Take(7).Select(a => _kana[a.JobseekerId]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, up.Rows.Select(r => r.ApplicantKana));
        Assert.Equal(Enumerable.Reverse(expected), down.Rows.Select(r => r.ApplicantKana));
        Assert.Equal("イトウ レン", up.Rows[0].ApplicantKana);
    }

    [Fact]
    public async Task Sorting_by_result_date_puts_the_latest_result_first_when_descending()
    {
        var page = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Sort = ApplicantSort.ResultRegisteredAt }, TestContext.Current.CancellationToken);

        Assert.Equal([_applications[4].Id, _applications[2].Id, _applications[5].Id], page.Rows.Take(3).Select(r => r.ApplicationId));
        Assert.All(page.Rows.Skip(3), r => Assert.Null(r.ResultRegisteredAt));
    }

    [Fact]
    public async Task Sorting_by_status_groups_the_statuses_in_order()
    {
        var page = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Sort = ApplicantSort.Status, Descending = false }, TestContext.Current.CancellationToken);

        Assert.Equal(page.Rows.Select(r => r.Status).Order(), page.Rows.Select(r => r.Status));
        Assert.Equal(ApplicationStatus.NotHired, page.Rows[^1].Status);
    }

    [Fact]
    public async Task The_status_filter_keeps_only_that_status_and_counts_only_it()
    {
        var page = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Status = ApplicationStatus.InSelection }, TestContext.Current.CancellationToken);

        Assert.Equal(4, page.TotalCount);
        Assert.All(page.Rows, r => Assert.Equal(ApplicationStatus.InSelection, r.Status));
        Assert.Equal([_applications[0].Id, _applications[1].Id, _applications[3].Id, _applications[6].Id], page.Rows.Select(r => r.ApplicationId));
    }

    [Fact]
    public async Task Offer_and_Japan_date_filters_narrow_the_list()
    {
        var ct = TestContext.Current.CancellationToken;
        var byOffer = await List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { JobOfferId = _applications[1].JobOfferId }, ct);
        // Applied 2026-11-21 and 2026-11-20, Japan time.
        var byDate = await List.QueryAsync(Employer1, _est1.Id,
            new ApplicantQuery { AppliedFrom = new DateOnly(2026, 11, 20), AppliedTo = new DateOnly(2026, 11, 21) }, ct);

        Assert.Equal(3, byOffer.TotalCount);
        Assert.Equal([_applications[2].Id, _applications[3].Id], byDate.Rows.Select(r => r.ApplicationId));
    }

    [Fact]
    public async Task Employer2_is_refused_employer1s_applicants()
    {
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<ScopeException>(() => List.QueryAsync(Employer2, _est1.Id, new ApplicantQuery(), ct));

        var own = await List.QueryAsync(Employer2, _est2.Id, new ApplicantQuery(), ct);
        Assert.Equal(2, own.TotalCount);
        Assert.DoesNotContain(own.Rows, r => _applications.Take(7).Any(a => a.Id == r.ApplicationId));
    }

    [Fact]
    public async Task Only_an_employer_may_read_an_applicant_list()
    {
        var jobseeker = new Actor(Guid.NewGuid(), Roles.Jobseeker, "佐藤 翔太", JobseekerId: _applications[0].JobseekerId);
        var staffWithoutOffice = new Actor(Guid.NewGuid(), Roles.Staff, "職員", EstablishmentId: _est1.Id);

        await Assert.ThrowsAsync<ScopeException>(() => List.QueryAsync(jobseeker, _est1.Id, new ApplicantQuery(), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ScopeException>(() => List.QueryAsync(staffWithoutOffice, _est1.Id, new ApplicantQuery(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Absurd_paging_and_a_reversed_date_range_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<DomainException>(() => List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { PageSize = 0 }, ct));
        await Assert.ThrowsAsync<DomainException>(() => List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { PageSize = 10_000 }, ct));
        await Assert.ThrowsAsync<DomainException>(() => List.QueryAsync(Employer1, _est1.Id, new ApplicantQuery { Page = -1 }, ct));
        await Assert.ThrowsAsync<DomainException>(() => List.QueryAsync(Employer1, _est1.Id,
            new ApplicantQuery { AppliedFrom = new DateOnly(2026, 11, 22), AppliedTo = new DateOnly(2026, 11, 1) }, ct));
    }

    private static Establishment NewEstablishment(Office office, int serial, string name)
    {
        var est = new Establishment(office.Id, Establishment.FormatNumber(office.Code, serial), name, "", "102-0072", "東京都",
            "東京都千代田区飯田橋3-4-1", "サービス業", 50, Now.AddDays(-400));
        est.Confirm(Now.AddDays(-390));
        return est;
    }

    private static JobOffer NewOffer(Office office, Establishment est, int i)
    {
        var sheet = SampleSheets.Build(new Random(i), Vocabulary.Occupations[i], Vocabulary.Places[0], est.Name, "", est.Address, est.Employees);
        sheet = sheet with { Basics = sheet.Basics with { OnlineSelfApplication = true, Scope = PublicationScope.PublicWithName } };
        var offer = new JobOffer(est.Id, OfferChannel.Online, sheet, Now.AddDays(-30));
        offer.Submit(Now.AddDays(-30));
        offer.Accept(office, Now.AddDays(-29));
        return offer;
    }
}
