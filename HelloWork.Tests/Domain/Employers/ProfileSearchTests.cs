using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>求職情報検索 and 直接リクエスト (R-SRC-3, REFERENCE.md): who may search, which profiles are found, that nothing identifying
/// comes back, and every limit on requests (10 per offer, once per jobseeker per offer, self-application offers only).</summary>
public sealed class ProfileSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record World(DomainWorld Domain, ProfileSearch Search, DirectRequestSender Sender) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Domain.DisposeAsync();
    }

    /// <summary>jobseeker1 (利用登録者) public with an account; jobseeker2 (online only) public; plus the given extra registered, public people.</summary>
    private static async Task<World> WorldAsync(int extraPublic = 0)
    {
        var domain = await DomainWorld.CreateAsync();
        var now = domain.Clock.GetUtcNow();
        await domain.WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == domain.Office1.Id, Ct);
            var js1 = await db.Jobseekers.FirstAsync(j => j.Id == domain.Jobseeker1.Id, Ct);
            js1.UpdateWishes(new JobseekerWishes
            {
                DesiredOccupation = "一般事務", DesiredPrefecture = "東京都", DesiredEmploymentType = "正社員", DesiredMonthlyWage = 220_000,
                Qualifications = "日商簿記2級", Experience = "経理事務5年", SelfPr = "Excelが得意です。",
            }, now);
            js1.SetProfilePublic(true, now);
            var js2 = await db.Jobseekers.FirstAsync(j => j.Id == domain.Jobseeker2.Id, Ct);
            js2.UpdateWishes(new JobseekerWishes { DesiredOccupation = "一般事務", DesiredPrefecture = "東京都", Qualifications = "日商簿記2級" }, now);
            js2.SetProfilePublic(true, now);
            db.Users.Add(new AppUser { Id = domain.JobseekerActor1.UserId, UserName = "js1@example.jp", Email = "js1@example.jp", Role = Roles.Jobseeker,
                JobseekerId = js1.Id, DisplayName = js1.Name, CreatedAt = now });
            for (var i = 0; i < extraPublic; i++)
            {
                var js = new Jobseeker($"求職 {i}", "キュウショク", new DateOnly(1980 + i, 1, 1), null, null, null, now);
                js.RegisterAtOffice(office, now);
                js.UpdateWishes(new JobseekerWishes { DesiredOccupation = "倉庫作業員", DesiredPrefecture = "大阪府", Experience = $"倉庫{i}年" }, now);
                js.SetProfilePublic(true, now);
                db.Jobseekers.Add(js);
            }
            return await db.SaveChangesAsync(Ct);
        });
        var search = new ProfileSearch(domain.Ops, domain.Tokens);
        return new World(domain, search, new DirectRequestSender(domain.Ops, search));
    }

    private static async Task<string> TokenOfAsync(World w, Actor employer, string occupation) =>
        Assert.Single((await w.Search.SearchAsync(employer, new ProfileCriteria(Occupation: occupation), Ct)).Items).Token;

    [Fact]
    public async Task Only_public_profiles_of_registered_jobseekers_with_a_valid_registration_are_found()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var found = await w.Search.SearchAsync(d.EmployerActor1, new ProfileCriteria(), Ct);
        // jobseeker2 is public but registered only online (HWIS): never found.
        var card = Assert.Single(found.Items);
        Assert.Equal(("一般事務", "東京都", "30代"), (card.DesiredOccupation, card.DesiredPrefecture, card.AgeBand));

        // Switched invalid, then not public: gone each time.
        await new JobseekerProfileService(d.Ops).SetRegistrationActiveAsync(d.JobseekerActor1, false, Ct);
        Assert.Equal(0, (await w.Search.SearchAsync(d.EmployerActor1, new ProfileCriteria(), Ct)).Total);
        await new JobseekerProfileService(d.Ops).SetRegistrationActiveAsync(d.JobseekerActor1, true, Ct);
        Assert.Equal(1, (await w.Search.SearchAsync(d.EmployerActor1, new ProfileCriteria(), Ct)).Total);
        await new JobseekerProfileService(d.Ops).SetProfilePublicAsync(d.JobseekerActor1, false, Ct);
        Assert.Equal(0, (await w.Search.SearchAsync(d.EmployerActor1, new ProfileCriteria(), Ct)).Total);

        // Past the registration's validity date the profile is not found either, whatever the switch says.
        await new JobseekerProfileService(d.Ops).SetProfilePublicAsync(d.JobseekerActor1, true, Ct);
        d.Clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal(0, await d.WithDbAsync(db => ProfileSearch.Searchable(db, JapanTime.Today(d.Clock)).CountAsync(Ct)));
    }

    [Fact]
    public async Task Filters_narrow_the_results_and_pages_split_them()
    {
        await using var w = await WorldAsync(extraPublic: 12);
        var e = w.Domain.EmployerActor1;
        Assert.Equal(13, (await w.Search.SearchAsync(e, new ProfileCriteria(), Ct)).Total);
        Assert.Equal(12, (await w.Search.SearchAsync(e, new ProfileCriteria(Prefecture: "大阪府"), Ct)).Total);
        Assert.Equal(12, (await w.Search.SearchAsync(e, new ProfileCriteria(Occupation: "倉庫"), Ct)).Total);
        Assert.Equal(1, (await w.Search.SearchAsync(e, new ProfileCriteria(EmploymentType: "正社員"), Ct)).Total);
        Assert.Equal(1, (await w.Search.SearchAsync(e, new ProfileCriteria(FreeWord: "簿記　Excel"), Ct)).Total);
        Assert.Equal(0, (await w.Search.SearchAsync(e, new ProfileCriteria(FreeWord: "簿記 フォークリフト"), Ct)).Total);
        var page2 = await w.Search.SearchAsync(e, new ProfileCriteria(Prefecture: "大阪府", Page: 2, PageSize: 10), Ct);
        Assert.Equal((12, 2), (page2.Total, page2.Items.Count));
        Assert.Equal("InvalidChoice", (await Assert.ThrowsAsync<DomainException>(() => w.Search.SearchAsync(e, new ProfileCriteria(Prefecture: "東京"), Ct))).Code);
        Assert.Equal("TooLong", (await Assert.ThrowsAsync<DomainException>(() =>
            w.Search.SearchAsync(e, new ProfileCriteria(FreeWord: new string('あ', 51)), Ct))).Code);
    }

    [Fact]
    public async Task Nothing_identifying_is_returned_and_the_token_is_not_the_jobseekers_id()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var js = await d.WithDbAsync(db => db.Jobseekers.FirstAsync(j => j.Id == d.Jobseeker1.Id, Ct));
        var token = await TokenOfAsync(w, d.EmployerActor1, "一般事務");
        var detail = await w.Search.DetailAsync(d.EmployerActor1, token, Ct);
        Assert.NotNull(detail);
        var text = System.Text.Json.JsonSerializer.Serialize(detail);
        foreach (var secret in new[] { js.Name, js.Kana, js.Phone!, js.Address!, js.PostalCode!, js.JobseekerNumber!, "js1@example.jp",
                     js.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), js.Id.ToString(), js.Id.ToString("N") })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal("Excelが得意です。", detail.SelfPr);
    }

    [Fact]
    public async Task An_employer_without_a_valid_offer_may_not_search_and_a_jobseeker_is_not_an_employer()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var token = await TokenOfAsync(w, d.EmployerActor1, "一般事務");
        await new JobOfferService(d.Ops).CloseAsync(d.EmployerActor1, d.Offer1.Id, InvalidReason.Filled, Ct);

        Assert.False((await w.Search.AccessAsync(d.EmployerActor1, Ct)).CanSearch);
        Assert.Equal("ProfileSearchNeedsValidOffer", (await Assert.ThrowsAsync<DomainException>(() => w.Search.SearchAsync(d.EmployerActor1, new ProfileCriteria(), Ct))).Code);
        Assert.Equal("ProfileSearchNeedsValidOffer", (await Assert.ThrowsAsync<DomainException>(() => w.Search.DetailAsync(d.EmployerActor1, token, Ct))).Code);
        Assert.Equal("ProfileSearchNeedsValidOffer", (await Assert.ThrowsAsync<DomainException>(() =>
            w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, "ぜひ"), Ct))).Code);

        // An offer that expired on its own counts as closed too (R-JOB-3), with no sweeper run.
        Assert.True((await w.Search.AccessAsync(d.EmployerActor2, Ct)).CanSearch);
        d.Clock.Advance(TimeSpan.FromDays(120));
        Assert.False((await w.Search.AccessAsync(d.EmployerActor2, Ct)).CanSearch);

        await Assert.ThrowsAsync<ScopeException>(() => w.Search.SearchAsync(d.JobseekerActor1, new ProfileCriteria(), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => w.Search.AccessAsync(d.StaffActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => w.Sender.SendAsync(d.JobseekerActor1, new SendRequestInput(token, d.Offer1.Id, "x"), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => w.Sender.SentAsync(d.JobseekerActor2, Ct));
    }

    [Fact]
    public async Task A_request_reaches_the_jobseeker_who_answers_by_applying_and_the_employer_follows_its_status()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var token = await TokenOfAsync(w, d.EmployerActor1, "一般事務");

        var id = await w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, "<b>ぜひ</b>ご応募ください。"), Ct);

        var notice = await d.WithDbAsync(db => db.Notices.SingleAsync(n => n.Recipient == Recipients.User(d.JobseekerActor1.UserId), Ct));
        Assert.Equal((NoticeKind.DirectRequest, id), (notice.Kind, notice.SubjectId!.Value));
        var mine = Assert.Single(await new DirectRequestService(d.Ops).ListAsync(d.JobseekerActor1, Ct));
        Assert.Equal(("<b>ぜひ</b>ご応募ください。", d.Offer1.JobNumber, DirectRequestStatus.Sent), (mine.Message, mine.JobNumber, mine.Status));
        Assert.Equal(DirectRequestStatus.Sent, Assert.Single(await w.Sender.SentAsync(d.EmployerActor1, Ct)).Status);

        await d.Applications.ApplyAsync(d.JobseekerActor1, new ApplyInput(d.Offer1.Id, "リクエストを拝見し応募します。", [], SelfApplicationAcknowledged: true), Ct);
        var sent = Assert.Single(await w.Sender.SentAsync(d.EmployerActor1, Ct));
        Assert.Equal((DirectRequestStatus.Applied, "一般事務", "30代"), (sent.Status, sent.DesiredOccupation, sent.AgeBand));
        Assert.Single((await w.Search.DetailAsync(d.EmployerActor1, token, Ct))!.SentByUs);
        Assert.Contains(await d.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(Ct)), a => a == "DirectRequestSent");
    }

    [Fact]
    public async Task A_second_request_to_the_same_jobseeker_for_the_same_offer_is_refused_but_another_offer_may_follow()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var token = await TokenOfAsync(w, d.EmployerActor1, "一般事務");
        await w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, "ぜひ"), Ct);

        var again = await Assert.ThrowsAsync<DomainException>(() => w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, "もう一度"), Ct));
        Assert.Equal(("RequestAlreadySent", "JobOfferId"), (again.Code, again.Field));

        var second = await AddOfferAsync(d, PublicationScope.PublicWithName);
        await w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, second.Id, "別の求人です"), Ct);
        Assert.Equal(2, (await w.Sender.SentAsync(d.EmployerActor1, Ct)).Count);
    }

    [Fact]
    public async Task An_offer_without_self_application_or_of_another_establishment_cannot_carry_a_request_and_bad_messages_are_refused()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var token = await TokenOfAsync(w, d.EmployerActor1, "一般事務");
        var noSelf = await AddOfferAsync(d, PublicationScope.WithoutName);
        Assert.False(noSelf.SelfApplication);

        var e = await Assert.ThrowsAsync<DomainException>(() => w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, noSelf.Id, "ぜひ"), Ct));
        Assert.Equal(("RequestNeedsSelfApplication", "JobOfferId"), (e.Code, e.Field));
        Assert.Equal("OfferNotFound", (await Assert.ThrowsAsync<DomainException>(() =>
            w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer2.Id, "ぜひ"), Ct))).Code);
        Assert.Equal(("Required", "Message"), await CodeAsync(() => w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, "  "), Ct)));
        Assert.Equal(("TooLong", "Message"), await CodeAsync(() =>
            w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, new string('あ', 1001)), Ct)));
        Assert.Equal(0, await d.WithDbAsync(db => db.DirectRequests.CountAsync(Ct)));
        Assert.Equal(0, await d.WithDbAsync(db => db.Notices.CountAsync(Ct)));
    }

    [Fact]
    public async Task Ten_jobseekers_per_offer_and_the_eleventh_is_refused()
    {
        await using var w = await WorldAsync(extraPublic: 11);
        var d = w.Domain;
        var tokens = (await w.Search.SearchAsync(d.EmployerActor1, new ProfileCriteria(Occupation: "倉庫"), Ct)).Items.Select(c => c.Token).ToList();
        Assert.Equal(11, tokens.Count);
        foreach (var token in tokens.Take(DirectRequest.MaxPerOffer))
        {
            await w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, "ぜひご応募ください。"), Ct);
        }
        var e = await Assert.ThrowsAsync<DomainException>(() => w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(tokens[10], d.Offer1.Id, "ぜひ"), Ct));
        Assert.Equal(("RequestLimitReached", "JobOfferId", 10), (e.Code, e.Field, (int)e.Args[0]));
        Assert.Equal(10, await d.WithDbAsync(db => db.DirectRequests.CountAsync(r => r.JobOfferId == d.Offer1.Id, Ct)));
        Assert.Equal(10, (await w.Search.AccessAsync(d.EmployerActor1, Ct)).Offers.Single(o => o.Id == d.Offer1.Id).Sent);
    }

    [Fact]
    public async Task A_token_works_only_for_the_establishment_it_was_issued_to_and_sent_requests_stay_private()
    {
        await using var w = await WorldAsync();
        var d = w.Domain;
        var token1 = await TokenOfAsync(w, d.EmployerActor1, "一般事務");
        await w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token1, d.Offer1.Id, "ぜひ"), Ct);

        // employer2 holding employer1's token (a shared link) finds nothing and cannot send with it.
        Assert.Null(await w.Search.DetailAsync(d.EmployerActor2, token1, Ct));
        Assert.Equal("ProfileNotFound", (await Assert.ThrowsAsync<DomainException>(() =>
            w.Sender.SendAsync(d.EmployerActor2, new SendRequestInput(token1, d.Offer2.Id, "ぜひ"), Ct))).Code);
        Assert.Empty(await w.Sender.SentAsync(d.EmployerActor2, Ct));
        var token2 = await TokenOfAsync(w, d.EmployerActor2, "一般事務");
        Assert.NotEqual(token1, token2); // one person, two establishments: nothing to link their views by
        Assert.Empty((await w.Search.DetailAsync(d.EmployerActor2, token2, Ct))!.SentByUs);
        Assert.Null(await w.Search.DetailAsync(d.EmployerActor1, token2, Ct));

        // The same establishment gets the same token on every search and from its detail, also after a restart (the secret is in
        // the database), so a bookmarked profile stays valid while the profile is public.
        Assert.Equal(token1, await TokenOfAsync(w, d.EmployerActor1, "一般事務"));
        Assert.Equal(token1, (await w.Search.DetailAsync(d.EmployerActor1, token1, Ct))!.Card.Token);
        var restarted = new ProfileSearch(d.Ops, new OpaqueTokens(d.Ops));
        Assert.Equal(token1, Assert.Single((await restarted.SearchAsync(d.EmployerActor1, new ProfileCriteria(Occupation: "一般事務"), Ct)).Items).Token);

        // A tampered or made-up token, or a Guid, is simply not found.
        Assert.Null(await w.Search.DetailAsync(d.EmployerActor1, token1[..^2] + (token1[^2..] == "AA" ? "BB" : "AA"), Ct));
        Assert.Null(await w.Search.DetailAsync(d.EmployerActor1, d.Jobseeker1.Id.ToString("N"), Ct));
        Assert.Null(await w.Search.DetailAsync(d.EmployerActor1, d.Jobseeker1.Id.ToString(), Ct));

        // The profile stops being public: the request form refuses, the detail disappears.
        await new JobseekerProfileService(d.Ops).SetProfilePublicAsync(d.JobseekerActor1, false, Ct);
        Assert.Null(await w.Search.DetailAsync(d.EmployerActor1, token1, Ct));
        var second = await AddOfferAsync(d, PublicationScope.PublicWithName);
        Assert.Equal("ProfileNotFound", (await Assert.ThrowsAsync<DomainException>(() =>
            w.Sender.SendAsync(d.EmployerActor1, new SendRequestInput(token1, second.Id, "ぜひ"), Ct))).Code);
    }

    [Theory]
    [InlineData("2006-11-24", "10代")]
    [InlineData("2006-11-23", "20代")]
    [InlineData("1990-04-01", "30代")]
    [InlineData("1950-01-01", "70代")]
    [InlineData("1940-01-01", "70代以上")]
    public void Age_is_shown_as_a_ten_year_band(string birth, string band) =>
        Assert.Equal(band, ProfileSearch.AgeBand(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 23)));

    private static async Task<(string, string?)> CodeAsync(Func<Task> action)
    {
        var e = await Assert.ThrowsAsync<DomainException>(action);
        return (e.Code, e.Field);
    }

    private static async Task<JobOffer> AddOfferAsync(DomainWorld d, PublicationScope scope)
    {
        return await d.WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == d.Office1.Id, Ct);
            var offer = DomainWorld.Published(new Random(11), d.Establishment1, office, Vocabulary.Places[2], d.Clock.GetUtcNow(), scope);
            db.JobOffers.Add(offer);
            await db.SaveChangesAsync(Ct);
            return offer;
        });
    }
}
