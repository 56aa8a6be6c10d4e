using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Search;
using HelloWork.Domain.Data.Demo;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Agencies;

/// <summary>
/// The agencies' side of information provision: the approval workflow (R-AGY-1), feeds that two agencies cannot link
/// (R-AGY-2, R-ACC-4), two-way guidance threads (R-AGY-3), placement reports counted in the office figures and the usage report,
/// the 利用団体ID lookup, and one publication-scope rule for the browser and the data method (R-AGY-1).
/// </summary>
public sealed class AgencyProvisionTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Actor Admin = new(Guid.NewGuid(), Roles.Admin, "admin");
    private DomainWorld world = default!;

    public async ValueTask InitializeAsync() => world = await DomainWorld.CreateAsync();

    public ValueTask DisposeAsync() => world.DisposeAsync();

    private AgencyService Agencies => new(world.Ops, world.Tokens);

    private Provision Provision => new(world.Ops, world.Tokens);

    private async Task<(Agency Agency, Actor Actor)> ApprovedAsync(string name, AgencyKind kind)
    {
        var agency = new Agency(name, kind, Agency.NeedsLicense(kind) ? "13-ユ-300001" : null, world.Clock.GetUtcNow());
        agency.Approve(world.Clock.GetUtcNow());
        await world.WithDbAsync(db => { db.Agencies.Add(agency); return db.SaveChangesAsync(Ct); });
        return (agency, new Actor(Guid.NewGuid(), Roles.Agency, name, AgencyId: agency.Id));
    }

    /// <summary>The agency submits its 利用申請書, which every kind needs before a first approval (AgencyDocumentTests).</summary>
    private Task SubmitApplicationFormAsync(Guid agencyId) => new AgencyDocuments(world.Ops).UploadAsync(
        new Actor(Guid.NewGuid(), Roles.Agency, "applicant", AgencyId: agencyId), AgencyDocumentKind.ApplicationForm,
        new HelloWork.Domain.Applications.UploadedFile("利用申請書.pdf", DemoSeeder.MinimalPdf("Form")), Ct);

    private Task<int> AddUserAsync(Guid id, string email, string role, Action<AppUser> scope) => world.WithDbAsync(db =>
    {
        var user = new AppUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = email, Role = role, CreatedAt = world.Clock.GetUtcNow() };
        scope(user);
        db.Users.Add(user);
        return db.SaveChangesAsync(Ct);
    });

    private Task ConsentAsync(Guid jobseekerId, ProvisionConsent consent) => world.WithDbAsync(async db =>
    {
        var js = await db.Jobseekers.FirstAsync(j => j.Id == jobseekerId, Ct);
        js.SetConsent(consent, world.Clock.GetUtcNow());
        return await db.SaveChangesAsync(Ct);
    });

    // ---- Approval (R-AGY-1) ----

    [Fact]
    public async Task An_application_is_returned_with_a_reason_sent_again_and_approved_with_an_id_and_the_agency_is_told_each_time()
    {
        var agencyId = await world.AppliedAgencyAsync("学校法人みらい学園", AgencyKind.School, null); // 学校等: no licence number needed
        var userId = Guid.NewGuid();
        await AddUserAsync(userId, "school@example.jp", Roles.Agency, u => u.AgencyId = agencyId);
        var agencyActor = new Actor(userId, Roles.Agency, "school", AgencyId: agencyId);

        // A return needs a reason: refused next to the field, nothing changes.
        var empty = await Assert.ThrowsAsync<DomainException>(() => Agencies.ReturnAsync(Admin, agencyId, "  ", Ct));
        Assert.Equal(("Required", "ReturnReason"), (empty.Code, empty.Field));
        Assert.Equal(AgencyStatus.Pending, (await Agencies.OwnApplicationAsync(agencyActor, Ct)).Status);

        await Agencies.ReturnAsync(Admin, agencyId, "届出書の写しを確認できません。", Ct);
        var returned = await Agencies.OwnApplicationAsync(agencyActor, Ct);
        Assert.Equal((AgencyStatus.Returned, "届出書の写しを確認できません。", (string?)null), (returned.Status, returned.ReturnReason, returned.Code));
        await Assert.ThrowsAsync<DomainException>(() => Agencies.ApproveAsync(Admin, Guid.NewGuid(), Ct)); // unknown agency

        await SubmitApplicationFormAsync(agencyId);
        await Agencies.ResubmitAsync(agencyActor, "学校法人みらい学園 キャリアセンター", AgencyKind.School, null, Ct);
        await Agencies.ApproveAsync(Admin, agencyId, Ct);

        var approved = await Agencies.OwnApplicationAsync(agencyActor, Ct);
        Assert.Equal(AgencyStatus.Approved, approved.Status);
        Assert.Null(approved.ReturnReason);
        Assert.True(Agency.IsCode(approved.Code), approved.Code);
        var notices = await world.WithDbAsync(db => db.Notices.Where(n => n.Recipient == Recipients.Agency(agencyId)).OrderBy(n => n.Seq)
            .Select(n => n.Kind).ToListAsync(Ct));
        Assert.Equal([NoticeKind.AgencyReturned, NoticeKind.AgencyApproved], notices);
        // The agency's user chose nothing, so both notices are mailed at once (R-MAIL-3), carrying no text of the reason.
        var mails = await world.WithDbAsync(db => db.OutboxMails.Where(m => m.UserId == userId).Select(m => m.NoticeKind).ToListAsync(Ct));
        Assert.Equal(2, mails.Count);
        Assert.Contains(NoticeKind.AgencyApproved, mails);
        Assert.Contains(NoticeKind.AgencyReturned, mails);
    }

    [Fact]
    public async Task Only_the_admin_reviews_and_an_approved_or_returned_application_cannot_be_returned_again()
    {
        var agencyId = await world.AppliedAgencyAsync("商工会議所 職業紹介窓口", AgencyKind.SpecialCorporation, null);
        var (_, other) = await ApprovedAsync("文京区 就労支援課", AgencyKind.LocalGovernment);

        // R-ACC-4: an agency, a staff member and a jobseeker are refused the review and the list, and nothing changes.
        foreach (var actor in new[] { other, world.StaffActor1, world.JobseekerActor1 })
        {
            await Assert.ThrowsAsync<ScopeException>(() => Agencies.ApproveAsync(actor, agencyId, Ct));
            await Assert.ThrowsAsync<ScopeException>(() => Agencies.ReturnAsync(actor, agencyId, "x", Ct));
            await Assert.ThrowsAsync<ScopeException>(() => Agencies.ApplicationsAsync(actor, Ct));
        }
        Assert.Equal(AgencyStatus.Pending, (await Agencies.ApplicationsAsync(Admin, Ct)).Single(a => a.Id == agencyId).Status);

        await SubmitApplicationFormAsync(agencyId);
        await Agencies.ApproveAsync(Admin, agencyId, Ct);
        var again = await Assert.ThrowsAsync<DomainException>(() => Agencies.ReturnAsync(Admin, agencyId, "遅れて差戻し", Ct));
        Assert.Equal(ErrorCodes.AgencyNotPending, again.Code);
    }

    [Fact]
    public async Task An_agency_approved_before_ids_existed_gets_one_by_a_second_approval_without_a_new_notice()
    {
        var agencyId = await world.AppliedAgencyAsync("旧来の団体", AgencyKind.LocalGovernment, null);
        await SubmitApplicationFormAsync(agencyId);
        await Agencies.ApproveAsync(Admin, agencyId, Ct);
        // As a database migrated from before: approved, no code.
        await world.WithDbAsync(db => db.Agencies.Where(a => a.Id == agencyId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Code, (string?)null), Ct));

        await Agencies.ApproveAsync(Admin, agencyId, Ct);
        var code = await world.WithDbAsync(db => db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).FirstAsync(Ct));
        Assert.True(Agency.IsCode(code), code);
        await Agencies.ApproveAsync(Admin, agencyId, Ct); // once it has one, approving again changes nothing
        Assert.Equal(code, await world.WithDbAsync(db => db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).FirstAsync(Ct)));
        Assert.Equal(1, await world.WithDbAsync(db => db.Notices.CountAsync(n => n.Recipient == Recipients.Agency(agencyId), Ct)));
    }

    [Fact]
    public async Task The_agency_id_finds_approved_agencies_only_and_the_same_answer_for_pending_suspended_unknown_and_malformed()
    {
        var pending = await world.AppliedAgencyAsync("審査中の団体", AgencyKind.LocalGovernment, null);
        var (approved, _) = await ApprovedAsync("株式会社キャリアブリッジ", AgencyKind.PrivatePaid);

        var card = await Agencies.FindByCodeAsync($" {approved.Code} ", Ct);
        Assert.Equal((approved.Code, "株式会社キャリアブリッジ", AgencyKind.PrivatePaid), (card!.Code, card.Name, card.Kind));

        Assert.Null(await Agencies.FindByCodeAsync("1234567", Ct));
        Assert.Null(await Agencies.FindByCodeAsync("abcdefgh", Ct));
        Assert.Null(await Agencies.FindByCodeAsync(approved.Code == "10000000" ? "10000001" : "10000000", Ct));
        Assert.Null(await Agencies.FindByCodeAsync(null, Ct));
        Assert.All(await world.WithDbAsync(db => db.Agencies.Where(a => a.Id == pending).Select(a => a.Code).ToListAsync(Ct)), Assert.Null);
        await Agencies.SuspendAsync(Admin, approved.Id, Ct);
        Assert.Null(await Agencies.FindByCodeAsync(approved.Code, Ct));
    }

    [Fact]
    public async Task The_agency_id_lookup_lists_what_the_agency_offers_and_for_a_jobseeker_only_what_it_has_of_them_R_AGY_1_R_AGY_2_R_ACC_4()
    {
        var (agency, actor) = await ApprovedAsync("文京区 就労支援課", AgencyKind.LocalGovernment);
        var jsUser = Guid.NewGuid();
        await AddUserAsync(jsUser, "js1@example.jp", Roles.Jobseeker, u => u.JobseekerId = world.Jobseeker1.Id);
        await ConsentAsync(world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsOnly);
        await ConsentAsync(world.Jobseeker2.Id, ProvisionConsent.PrivateOnly);
        var token = (await Provision.ProfilesAsync(agency, 0, 10, Ct)).Single().Token;
        await Agencies.SendGuidanceAsync(actor, token, "区の就労支援窓口のご案内です。", Ct);
        var today = JapanTime.Today(world.Clock);
        var open = await world.WithDbAsync(db => db.JobOffers.CountAsync(o => o.Status == OfferStatus.Published && o.ValidUntil >= today, Ct));

        // Anyone: the agency, the open offers it is provided and the consents that cover it; nothing of any person.
        var anonymous = await Agencies.LookupAsync(agency.Code, null, Ct);
        Assert.Equal(("文京区 就労支援課", open), (anonymous!.Card.Name, anonymous.OpenOffers));
        Assert.Equal([ProvisionConsent.LocalGovernmentsAndPrivate, ProvisionConsent.LocalGovernmentsOnly], anonymous.CoveringConsents);
        Assert.Null(anonymous.Mine);
        Assert.Null((await Agencies.LookupAsync(agency.Code, world.StaffActor1, Ct))!.Mine);

        // A jobseeker whose consent covers it: provided, one guidance message; after 受信拒否, refused.
        var jobseeker1 = world.JobseekerActor1 with { UserId = jsUser };
        Assert.Equal(new AgencyRelation(ProvisionConsent.LocalGovernmentsOnly, true, false, 1), (await Agencies.LookupAsync(agency.Code, jobseeker1, Ct))!.Mine);
        await Agencies.RefuseAgencyAsync(jobseeker1, agency.Id, Ct);
        Assert.True((await Agencies.LookupAsync(agency.Code, jobseeker1, Ct))!.Mine!.Refused);
        // Another jobseeker, whose consent does not cover it: not provided, no messages (nothing of jobseeker1's).
        Assert.Equal(new AgencyRelation(ProvisionConsent.PrivateOnly, false, false, 0),
            (await Agencies.LookupAsync(agency.Code, world.JobseekerActor2, Ct))!.Mine);
        // Any other ID: nothing.
        Assert.Null(await Agencies.LookupAsync("1234567", world.JobseekerActor2, Ct));
        await Agencies.SuspendAsync(Admin, agency.Id, Ct);
        Assert.Null(await Agencies.LookupAsync(agency.Code, jobseeker1, Ct));
    }

    // ---- Feeds two agencies cannot link (R-AGY-2, R-ACC-4) ----

    [Fact]
    public async Task Two_agencies_feeds_of_the_same_consenting_people_share_no_field_and_no_order_that_links_a_record()
    {
        var (local, _) = await ApprovedAsync("文京区 就労支援課", AgencyKind.LocalGovernment);
        var (school, _) = await ApprovedAsync("学校法人みらい学園", AgencyKind.School);
        var wishes = new JobseekerWishes { DesiredOccupation = "一般事務", DesiredPrefecture = "東京都", Qualifications = "日商簿記2級",
            Experience = "事務5年", WorkHistory = "商社で営業事務" };
        // Twelve people with the same wishes, created and edited one after another on one Japan day, minutes apart: an instant, an
        // id or the insertion order would tell them apart and link them across agencies; nothing of that may be in the feeds.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero)); // 10:00 in Japan
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(7));
            var js = new Jobseeker($"同意者{i}", "ドウイシャ", new DateOnly(1990, 1, 1), null, null, null, world.Clock.GetUtcNow());
            js.UpdateWishes(wishes, world.Clock.GetUtcNow());
            js.SetConsent(ProvisionConsent.LocalGovernmentsAndPrivate, world.Clock.GetUtcNow());
            await world.WithDbAsync(db => { db.Jobseekers.Add(js); return db.SaveChangesAsync(Ct); });
            ids.Add(js.Id);
        }

        var a = await Provision.ProfilesAsync(local, 0, 100, Ct);
        var b = await Provision.ProfilesAsync(school, 0, 100, Ct);
        Assert.Equal(12, a.Count);
        Assert.Equal(12, b.Count);

        // No field but the token differs between records, in either feed, as the API writes them (JSON) and as the CSV does.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        string Rest(ProvidedProfile p) => JsonSerializer.Serialize(p with { Token = "" }, json);
        Assert.Single(a.Concat(b).Select(Rest).Distinct());
        Assert.Contains("\"updatedOn\":\"2026-11-24\"", Rest(a[0]), StringComparison.Ordinal); // to the day, not the instant
        var csvA = await CsvAsync(a);
        var csvB = await CsvAsync(b);
        Assert.Single(csvA.Concat(csvB).Select(line => line[line.IndexOf(',', StringComparison.Ordinal)..]).Distinct());

        // The tokens differ per agency, and each feed is ordered by its own agency's token: the order carries nothing else.
        Assert.Empty(a.Select(p => p.Token).Intersect(b.Select(p => p.Token)));
        Assert.Equal(a.Select(p => p.Token).Order(StringComparer.Ordinal), a.Select(p => p.Token));
        Assert.Equal(b.Select(p => p.Token).Order(StringComparer.Ordinal), b.Select(p => p.Token));
        var scopeA = await world.Tokens.ForAsync(TokenHolder.Agency, local.Id, Ct);
        var scopeB = await world.Tokens.ForAsync(TokenHolder.Agency, school.Id, Ct);
        var peopleA = a.Select(p => scopeA.Resolve(p.Token)!.Value).ToList();
        var peopleB = b.Select(p => scopeB.Resolve(p.Token)!.Value).ToList();
        Assert.Equal(ids.Order(), peopleA.Order()); // the same people …
        Assert.NotEqual(peopleA, peopleB);          // … in orders unrelated to each other (1 in 12! to coincide) …
        Assert.NotEqual(ids, peopleA);              // … and to when they registered or edited (the database's order).
        Assert.NotEqual(ids, peopleB);

        // Paging walks the same order: page 2 of 5 is what follows page 1.
        var paged = (await Provision.ProfilesAsync(local, 0, 5, Ct)).Concat(await Provision.ProfilesAsync(local, 5, 5, Ct))
            .Concat(await Provision.ProfilesAsync(local, 10, 5, Ct));
        Assert.Equal(a.Select(p => p.Token), paged.Select(p => p.Token));
    }

    private static async Task<List<string>> CsvAsync(IEnumerable<ProvidedProfile> rows)
    {
        var stream = new MemoryStream();
        var writer = PipeWriter.Create(stream);
        await ProvisionCsv.WriteProfilesAsync(writer, rows, Ct);
        await writer.CompleteAsync();
        return [.. Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)];
    }

    [Fact]
    public async Task Filters_narrow_the_consented_profiles_and_never_widen_them_beyond_consent()
    {
        var (local, _) = await ApprovedAsync("文京区 就労支援課", AgencyKind.LocalGovernment);
        await world.WithDbAsync(async db =>
        {
            var js1 = await db.Jobseekers.FirstAsync(j => j.Id == world.Jobseeker1.Id, Ct);
            js1.UpdateWishes(new JobseekerWishes { DesiredOccupation = "介護職員", DesiredPrefecture = "東京都", Qualifications = "介護福祉士" }, world.Clock.GetUtcNow());
            js1.SetConsent(ProvisionConsent.LocalGovernmentsOnly, world.Clock.GetUtcNow());
            var js2 = await db.Jobseekers.FirstAsync(j => j.Id == world.Jobseeker2.Id, Ct);
            js2.UpdateWishes(new JobseekerWishes { DesiredOccupation = "介護職員", DesiredPrefecture = "大阪府" }, world.Clock.GetUtcNow());
            js2.SetConsent(ProvisionConsent.PrivateOnly, world.Clock.GetUtcNow()); // not for local governments
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Single(await Provision.ProfilesAsync(local, new ProfileFilter("介護"), 0, 100, Ct));
        Assert.Single(await Provision.ProfilesAsync(local, new ProfileFilter("福祉士", "東京都"), 0, 100, Ct));
        Assert.Empty(await Provision.ProfilesAsync(local, new ProfileFilter(null, "大阪府"), 0, 100, Ct)); // the Osaka one did not consent to this kind
        Assert.Empty(await Provision.ProfilesAsync(local, new ProfileFilter("営業"), 0, 100, Ct));
    }

    // ---- One publication-scope rule (R-AGY-1) ----

    [Fact]
    public async Task An_agency_sees_the_employer_name_of_a_scope_2_offer_neither_in_the_browser_nor_in_the_data_method()
    {
        var (agency, actor) = await ApprovedAsync("株式会社キャリアブリッジ", AgencyKind.PrivatePaid);
        var registeredOnly = await world.WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == world.Office1.Id, Ct);
            var est = await db.Establishments.FirstAsync(e => e.Id == world.Establishment1.Id, Ct);
            var offer = DomainWorld.Published(new Random(3), est, office, Vocabulary.Places[0], world.Clock.GetUtcNow(), PublicationScope.NameToRegisteredOnly);
            db.JobOffers.Add(offer);
            await db.SaveChangesAsync(Ct);
            return offer.JobNumber!;
        });
        var search = new JobSearch(world.Ops);

        // Browser method: the offer's page as the agency sees it.
        var detail = await search.DetailAsync(actor, registeredOnly, Ct);
        Assert.False(detail!.ShowsEmployerName);
        // Data method: the same offer in the feed.
        var provided = await Provision.OffersAsync(agency, new OfferExportCriteria(), Ct).ToListAsync(Ct);
        Assert.Null(provided.Single(o => o.JobNumber == registeredOnly).EstablishmentName);
        // Both follow one function: scope 1 shows the name on both paths.
        Assert.True((await search.DetailAsync(actor, world.Offer1.JobNumber!, Ct))!.ShowsEmployerName);
        Assert.Equal(world.Establishment1.Name, provided.Single(o => o.JobNumber == world.Offer1.JobNumber).EstablishmentName);
        Assert.False(SearchViewer.ForAgency.ShowsName(PublicationScope.NameToRegisteredOnly, world.Establishment1.Id));
        // A registered jobseeker still sees the name of a scope 2 offer.
        Assert.True((await search.DetailAsync(world.JobseekerActor1, registeredOnly, Ct))!.ShowsEmployerName);
    }

    // ---- Two-way guidance (R-AGY-3) ----

    [Fact]
    public async Task Guidance_goes_both_ways_by_the_agencys_own_token_and_nobody_else_can_join_the_thread()
    {
        var (agency, actor) = await ApprovedAsync("文京区 就労支援課", AgencyKind.LocalGovernment);
        var (_, otherActor) = await ApprovedAsync("北区 就労支援課", AgencyKind.LocalGovernment);
        var jsUser = Guid.NewGuid();
        await AddUserAsync(jsUser, "js1@example.jp", Roles.Jobseeker, u => u.JobseekerId = world.Jobseeker1.Id);
        await ConsentAsync(world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsOnly);
        var token = (await Provision.ProfilesAsync(agency, 0, 10, Ct)).Single().Token;
        var inbox = new GuidanceInbox(world.Ops, world.Tokens);
        var jobseeker = world.JobseekerActor1 with { UserId = jsUser };

        await Agencies.SendGuidanceAsync(actor, token, "区の就労支援窓口のご案内です。", Ct);
        // The agency answers only once the jobseeker has written: one first guidance, then answers (seed 003 ④).
        var early = await Assert.ThrowsAsync<DomainException>(() => Agencies.ReplyGuidanceAsync(actor, token, "追伸", Ct));
        Assert.Equal(ErrorCodes.GuidanceNoQuestion, early.Code);

        await Agencies.AnswerGuidanceAsync(jobseeker, agency.Id, "土日も相談できますか。", Ct);
        var threads = await inbox.AgencyThreadsAsync(actor, Ct);
        var thread = Assert.Single(threads);
        Assert.Equal(token, thread.Token);
        Assert.True(thread.CanAnswer);
        Assert.Equal([false, true], thread.Messages.Select(m => m.FromJobseeker));
        Assert.DoesNotContain(world.Jobseeker1.Name, JsonSerializer.Serialize(threads), StringComparison.Ordinal);

        await Agencies.ReplyGuidanceAsync(actor, token, "土曜日は10時から相談できます。", Ct);
        var mine = Assert.Single(await inbox.ThreadsAsync(jobseeker, Ct));
        Assert.Equal("土曜日は10時から相談できます。", mine.Messages[^1].Body);
        // Each side was told by a notice on its own recipient key (the live pages listen to these, R-LIVE-1).
        var kinds = await world.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.GuidanceMessage)
            .Select(n => n.Recipient).ToListAsync(Ct));
        Assert.Equal(2, kinds.Count(r => r == Recipients.User(jsUser)));
        Assert.Equal(1, kinds.Count(r => r == Recipients.Agency(agency.Id)));

        // R-ACC-4: another agency sees no thread and cannot answer with this agency's token; after 受信拒否 nobody can.
        Assert.Empty(await inbox.AgencyThreadsAsync(otherActor, Ct));
        var foreign = await Assert.ThrowsAsync<DomainException>(() => Agencies.ReplyGuidanceAsync(otherActor, token, "横から", Ct));
        Assert.Equal(ErrorCodes.ProfileNotProvided, foreign.Code);
        await Assert.ThrowsAsync<ScopeException>(() => inbox.AgencyThreadsAsync(world.JobseekerActor1, Ct));
        await Agencies.RefuseAgencyAsync(jobseeker, agency.Id, Ct);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Agencies.ReplyGuidanceAsync(actor, token, "再度", Ct));
        Assert.Equal(ErrorCodes.GuidanceRefusedByJobseeker, refused.Code);
        Assert.False(Assert.Single(await inbox.AgencyThreadsAsync(actor, Ct)).CanAnswer);
    }

    // ---- Placements and the usage report ----

    [Fact]
    public async Task A_placement_report_counts_in_the_accepting_offices_figures_and_the_agencys_usage_and_bad_input_changes_nothing()
    {
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        var (agency, actor) = await ApprovedAsync("株式会社キャリアブリッジ", AgencyKind.PrivatePaid);
        var (_, other) = await ApprovedAsync("NPO法人しごとネット", AgencyKind.PrivateFree);
        var today = JapanTime.DateOf(world.Clock.GetUtcNow());

        async Task Refused(string code, string? field, string? jobNumber, DateOnly? hiredOn)
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => Agencies.ReportPlacementAsync(actor, jobNumber, hiredOn, Ct));
            Assert.Equal((code, field), (e.Code, e.Field));
        }
        await Refused(ErrorCodes.Required, "JobNumber", " ", today);
        await Refused(ErrorCodes.OfferNotFound, "JobNumber", "99999-99999999", today);
        await Refused(ErrorCodes.HiringDateRequired, "HiredOn", world.Offer1.JobNumber, null);
        await Refused(ErrorCodes.HiringDateOutOfRange, "HiredOn", world.Offer1.JobNumber, today.AddDays(1));
        Assert.Equal(0, await world.WithDbAsync(db => db.PlacementReports.CountAsync(Ct)));

        await Agencies.ReportPlacementAsync(actor, world.Offer1.JobNumber, today, Ct);
        await Agencies.ReportPlacementAsync(actor, world.Offer1.JobNumber, today.AddDays(-1), Ct);

        var figures = new OfficeFigures(world.Ops);
        var office1 = await figures.YearAsync(world.StaffActor1, OfficeFigures.FiscalYearOf(today), Ct);
        var office2 = await figures.YearAsync(world.StaffActor2, OfficeFigures.FiscalYearOf(today), Ct);
        Assert.Equal(2, office1.Months[OfficeFigures.MonthIndex(today)].AgencyPlacements);
        Assert.Equal(2, office1.Year.AgencyPlacements);
        Assert.Equal(0, office2.Year.AgencyPlacements); // offer 1 was accepted by office 1 only

        Assert.Equal(2, (await Agencies.PlacementsAsync(actor, Ct)).Count);
        Assert.Empty(await Agencies.PlacementsAsync(other, Ct)); // R-ACC-4: an agency sees its own reports only
        Assert.Equal(2, (await Agencies.UsageReportAsync(actor, null, Ct)).Single().Placements);
    }

    [Fact]
    public async Task The_usage_report_counts_each_kind_of_use_per_japan_month_and_shows_an_agency_its_own_only()
    {
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.Zero)); // 2026-11-30 23:30 in Japan
        var (agency, actor) = await ApprovedAsync("文京区 就労支援課", AgencyKind.LocalGovernment);
        var (otherAgency, _) = await ApprovedAsync("北区 就労支援課", AgencyKind.LocalGovernment);
        await ConsentAsync(world.Jobseeker1.Id, ProvisionConsent.LocalGovernmentsAndPrivate);
        var token = (await Provision.ProfilesAsync(agency, 0, 10, Ct)).Single().Token;

        await Agencies.RecordUsageAsync(agency.Id, u => u.CountOfferView(), Ct);
        await Agencies.RecordUsageAsync(agency.Id, u => u.CountOfferView(), Ct);
        await Agencies.RecordUsageAsync(agency.Id, u => u.CountProfileView(), Ct);
        await Agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(40), Ct);
        await Agencies.SendGuidanceAsync(actor, token, "ご案内", Ct);
        world.Clock.Advance(TimeSpan.FromHours(1)); // 2026-12-01 00:30 in Japan: a new month
        await Agencies.RecordUsageAsync(agency.Id, u => u.CountDownload(3), Ct);
        await Agencies.RecordUsageAsync(otherAgency.Id, u => u.CountOfferView(), Ct);

        var report = await Agencies.UsageReportAsync(actor, null, Ct);
        Assert.Equal(
            [new UsageRow("2026-12", 0, 0, 1, 3, 0, 0), new UsageRow("2026-11", 2, 1, 1, 40, 1, 0)],
            report);
        // An agency naming another agency's id still gets its own report (R-ACC-4); the admin may choose any agency.
        Assert.Equal(report, await Agencies.UsageReportAsync(actor, otherAgency.Id, Ct));
        Assert.Equal([new UsageRow("2026-12", 1, 0, 0, 0, 0, 0)], await Agencies.UsageReportAsync(Admin, otherAgency.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => Agencies.UsageReportAsync(world.JobseekerActor1, agency.Id, Ct));
    }
}
