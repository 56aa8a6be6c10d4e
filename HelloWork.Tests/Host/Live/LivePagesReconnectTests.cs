using System.Collections.Concurrent;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using HelloWork.Domain.Search;
using HelloWork.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// Every kind of live page (R-LIVE-1, R-LIVE-2): a change another person makes while the page's connection is down (the
/// change is committed, its push never arrives) reaches the page after the circuit reconnects — through the circuit's
/// <see cref="LiveNotices"/> feed that the pages' <c>LiveUpdates</c> use, with the page's own <see cref="LiveKinds"/> — exactly
/// once; and what the page then reloads shows the change.
/// </summary>
public sealed class LivePagesReconnectTests(LiveHubFixture fixture) : IClassFixture<LiveHubFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Applicant_list_and_offer_list_get_an_application_made_while_down_once_R_LIVE_1_R_LIVE_2()
    {
        var (jobseeker, employer) = (await Host.ActorAsync("jobseeker1@example.jp"), await Host.ActorAsync("employer1@example.jp"));
        var offerId = await Host.SelfApplicationOfferAsync(employer, jobseeker);
        Guid applicationId = default;

        var got = await ReconnectAfterAsync(employer, async silent =>
            applicationId = await new ApplicationService(silent).ApplyAsync(jobseeker, new ApplyInput(offerId, "志望動機です。", [], SelfApplicationAcknowledged: true)));

        Assert.Single(Concerning(got, LiveKinds.ApplicantList), n => n.SubjectId == applicationId && n.Kind == NoticeKind.ApplicationReceived);
        Assert.Single(Concerning(got, LiveKinds.EmployerOffers), n => n.SubjectId == applicationId);
        Assert.Single(Concerning(got, null), n => n.SubjectId == applicationId); // the employer's home counters
        var rows = await ApplicantRowsAsync(employer);
        Assert.Contains(rows, r => r.ApplicationId == applicationId);
    }

    [Fact]
    public async Task Applicant_row_unread_mark_appears_and_clears_across_a_reconnect_R_MSG_2_R_LIVE_2()
    {
        var (jobseeker, employer) = (await Host.ActorAsync("jobseeker1@example.jp"), await Host.ActorAsync("employer1@example.jp"));
        var applicationId = await Host.ApplyAsync(jobseeker, await Host.SelfApplicationOfferAsync(employer, jobseeker));
        Assert.False((await ApplicantRowsAsync(employer)).Single(r => r.ApplicationId == applicationId).UnreadMessages);

        var sent = await ReconnectAfterAsync(employer, silent => new MessageService(silent).SendAsync(jobseeker, applicationId, "面接日程の件でご連絡しました。"));
        Assert.Single(Concerning(sent, LiveKinds.ApplicantList), n => n.SubjectId == applicationId && n.Kind == NoticeKind.MessageReceived);
        Assert.Single(Concerning(sent, LiveKinds.ApplicantDetail), n => n.SubjectId == applicationId);
        Assert.True((await ApplicantRowsAsync(employer)).Single(r => r.ApplicationId == applicationId).UnreadMessages);

        // Another user of the establishment reads the thread while this page is down: after the reconnect the page gets one
        // read signal for the establishment and the mark is gone.
        var read = await ReconnectAfterAsync(employer, silent => new MessageService(silent).ReadThreadAsync(employer, applicationId), readState: true);
        var est = Recipients.Establishment(employer.EstablishmentId!.Value);
        Assert.Single(read, n => n.IsReadSignal && n.Recipient == est);
        Assert.Empty(Concerning(read, LiveKinds.ApplicantList));
        Assert.False((await ApplicantRowsAsync(employer)).Single(r => r.ApplicationId == applicationId).UnreadMessages);
    }

    [Fact]
    public async Task Review_queue_gets_a_submission_and_an_acceptance_and_offer_list_and_detail_a_return_made_while_down_once_R_LIVE_1_R_LIVE_2()
    {
        var employer = await Host.ActorAsync("employer1@example.jp");
        var staffs = new[] { await Host.ActorAsync("staff1@example.jp"), await Host.ActorAsync("staff2@example.jp") };
        // A complete draft of the employer's establishment (the demo sheet), as the entry screens would leave it.
        var offer = await WithDbAsync(async db =>
        {
            var est = await db.Establishments.SingleAsync(e => e.Id == employer.EstablishmentId, Ct);
            var sheet = SampleSheets.Build(new Random(16), Vocabulary.Occupations[0], Vocabulary.Places[0], est.Name, est.Kana, est.Address, est.Employees);
            var draft = db.JobOffers.Add(new JobOffer(est.Id, OfferChannel.Online, sheet, Host.Get<TimeProvider>().GetUtcNow())).Entity;
            await db.SaveChangesAsync(Ct);
            return (draft.Id, est.OfficeId);
        });
        var staff = staffs.Single(s => s.OfficeId == offer.OfficeId);

        // The review queue: the employer submits while the staff page is down.
        var submitted = await ReconnectAfterAsync(staff, silent => new JobOfferService(silent).SubmitAsync(employer, offer.Id));
        Assert.Single(Concerning(submitted, LiveKinds.ReviewQueue), n => n.SubjectId == offer.Id && n.Kind == NoticeKind.OfferSubmitted);
        Assert.Single(Concerning(submitted, LiveKinds.StaffFigures), n => n.SubjectId == offer.Id);
        Assert.Contains(await Host.Get<ReviewQueue>().OffersAsync(staff, Ct), i => i.OfferId == offer.Id);

        var got = await ReconnectAfterAsync(employer, silent => new JobOfferService(silent).ReturnAsync(staff, offer.Id, "賃金の欄を確認してください。"));

        Assert.Single(Concerning(got, LiveKinds.EmployerOffer), n => n.SubjectId == offer.Id && n.Kind == NoticeKind.OfferReturned);
        Assert.Single(Concerning(got, LiveKinds.EmployerOffers), n => n.SubjectId == offer.Id);
        var row = (await Host.Get<EmployerOffers>().ListAsync(employer, Ct)).Single(r => r.Id == offer.Id);
        Assert.Equal((OfferStatus.Returned, true), (row.Status, row.HasCorrectionRequest));

        // Submitted again and accepted by a colleague while this staff page is down: the offer leaves the open queue.
        await new JobOfferService(Host.Get<Operations>()).SubmitAsync(employer, offer.Id);
        var accepted = await ReconnectAfterAsync(staff, silent => new JobOfferService(silent).AcceptAsync(staff, offer.Id));
        Assert.Single(Concerning(accepted, LiveKinds.ReviewQueue), n => n.SubjectId == offer.Id && n.Kind == NoticeKind.OfferAccepted
            && n.Recipient == Recipients.Office(offer.OfficeId));
        Assert.DoesNotContain(await Host.Get<ReviewQueue>().OffersAsync(staff, Ct), i => i.OfferId == offer.Id);
    }

    [Fact]
    public async Task Referral_board_staff_figures_and_staff_home_get_a_decline_made_while_down_once_R_LIVE_1_R_LIVE_2()
    {
        var staff = await Host.ActorAsync("staff1@example.jp");
        var jobseeker = await Host.ActorAsync("jobseeker1@example.jp");
        var now = Host.Get<TimeProvider>().GetUtcNow();
        var proposed = await WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.JobseekerId == jobseeker.JobseekerId && r.OfficeId == staff.OfficeId
            && r.Status == ReferralStatus.Proposed).ToListAsync(Ct));
        var referralId = proposed.First(r => r.Deadline > now).Id;

        var got = await ReconnectAfterAsync(staff, silent => new ReferralService(silent).DeclineAsync(jobseeker, referralId));

        Assert.Single(Concerning(got, LiveKinds.ReferralBoard), n => n.SubjectId == referralId && n.Kind == NoticeKind.ReferralDeclined);
        Assert.Single(Concerning(got, LiveKinds.StaffFigures), n => n.SubjectId == referralId);
        Assert.Single(Concerning(got, null), n => n.SubjectId == referralId);
        Assert.Equal(ReferralStatus.Declined, await WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Sent_requests_get_a_decline_made_while_down_once_R_LIVE_1_R_LIVE_2()
    {
        var employer = await Host.ActorAsync("employer1@example.jp");
        var jobseeker = await Host.ActorAsync("jobseeker2@example.jp");
        // A request of the employer's to the jobseeker, still open (arranged as the talent search would leave it).
        var requestId = await WithDbAsync(async db =>
        {
            var offer = await db.JobOffers.Where(o => o.EstablishmentId == employer.EstablishmentId && o.Status == OfferStatus.Published)
                .Select(o => o.Id).FirstAsync(Ct);
            var request = db.DirectRequests.Add(new DirectRequest(offer, employer.EstablishmentId!.Value, jobseeker.JobseekerId!.Value,
                "ご経験を拝見し、ぜひご応募いただきたくご連絡しました。", Host.Get<TimeProvider>().GetUtcNow())).Entity;
            await db.SaveChangesAsync(Ct);
            return request.Id;
        });

        var got = await ReconnectAfterAsync(employer, silent => new DirectRequestService(silent).DeclineAsync(jobseeker, requestId));

        Assert.Single(Concerning(got, LiveKinds.SentRequests), n => n.SubjectId == requestId && n.Kind == NoticeKind.DirectRequest);
        var row = (await Host.Get<DirectRequestSender>().SentAsync(employer, Ct)).Single(r => r.Id == requestId);
        Assert.Equal(DirectRequestStatus.Declined, row.Status);
    }

    [Fact]
    public async Task Guidance_threads_on_both_sides_get_a_reply_made_while_down_once_R_AGY_3_R_LIVE_1_R_LIVE_2()
    {
        var agencyActor = await Host.ActorAsync("agency1@example.jp");
        var agency = await WithDbAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyActor.AgencyId, Ct));
        var tokens = Host.Get<OpaqueTokens>();
        // A consented jobseeker with an account of their own, in the agency's feed under the agency's own token.
        var scope = await tokens.ForAsync(TokenHolder.Agency, agency.Id, Ct);
        var feed = (await new Provision(Host.Get<Operations>(), tokens).ProfilesAsync(agency, 0, 500, Ct)).Select(p => p.Token).ToHashSet();
        var withAccounts = await WithDbAsync(db => db.Users.Where(u => u.JobseekerId != null).Select(u => new { u.Email, u.JobseekerId }).ToListAsync(Ct));
        var person = withAccounts.First(u => feed.Contains(scope.Issue(u.JobseekerId!.Value)));
        var token = scope.Issue(person.JobseekerId!.Value);
        var jobseeker = await Host.ActorAsync(person.Email!);
        var sent = await new AgencyService(Host.Get<Operations>(), tokens).SendGuidanceAsync(agencyActor, token, "区の就労支援窓口のご案内です。", Ct);

        // The jobseeker's question while the agency's page is down, then the agency's answer while the jobseeker's page is down.
        var asked = await ReconnectAfterAsync(agencyActor, silent =>
            new AgencyService(silent, tokens).AnswerGuidanceAsync(jobseeker, agency.Id, "土日も相談できますか。", Ct));
        Assert.Single(Concerning(asked, LiveKinds.Guidance), n => n.Recipient == Recipients.Agency(agency.Id));
        var answered = await ReconnectAfterAsync(jobseeker, silent =>
            new AgencyService(silent, tokens).ReplyGuidanceAsync(agencyActor, token, "土曜日は10時から相談できます。", Ct));
        Assert.Single(Concerning(answered, LiveKinds.Guidance), n => n.Recipient == Recipients.User(jobseeker.UserId));
        var thread = Assert.Single(await new GuidanceInbox(Host.Get<Operations>(), tokens).AgencyThreadsAsync(agencyActor, Ct), t => t.Token == token);
        Assert.Equal([false, true, false], thread.Messages.Select(m => m.FromJobseeker));
        Assert.NotEqual(Guid.Empty, sent);
    }

    [Fact]
    public async Task Admin_agency_applications_get_a_new_application_and_a_corrected_one_sent_without_a_push_once_R_AGY_1_R_LIVE_2()
    {
        var admin = await Host.ActorAsync("admin@example.jp");
        var email = $"agency-{Guid.NewGuid():N}@example.jp";
        const string name = "みなと市 雇用対策課";
        Guid agencyId = default;

        // A new application (the registration page's own service) is a notice to the administrators, published as it commits.
        var before = await Host.Get<NoticeService>().LastSeqAsync(admin, Recipients.Admins, Ct);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAgencyAsync(
                new AgencyRegistration(email, "Agency!2026-pass", "雇用 一郎", name, AgencyKind.LocalGovernment, null));
        }
        agencyId = (await Host.ActorAsync(email)).AgencyId!.Value;
        var applied = await Host.Get<NoticeService>().SinceAsync(admin, Recipients.Admins, before, ct: Ct);
        Assert.Single(Concerning(applied, LiveKinds.AgencyApplications), n => n.SubjectId == agencyId);

        // Returned, corrected and sent again without a push (as while the administrators' page is down): the catch-up by sequence
        // that a reconnect runs hands it over, once. (The administrators' key also carries the mail queue's signals whenever mail
        // flows, so this page's catch-up is read directly rather than through a silent window.)
        await Host.Get<AgencyService>().ReturnAsync(admin, agencyId, "団体区分を確認してください。", Ct);
        var agency = await Host.ActorAsync(email);
        var seen = await Host.Get<NoticeService>().LastSeqAsync(admin, Recipients.Admins, Ct);
        var silent = Silent();
        // The corrected document first (R-AGY-1: the application's documents), then the application itself: two notices, caught up.
        await new AgencyDocuments(silent).UploadAsync(agency, AgencyDocumentKind.ApplicationForm, new UploadedFile("利用申請書（訂正）.pdf", DemoSeeder.MinimalPdf("Corrected")), Ct);
        await new AgencyService(silent, Host.Get<OpaqueTokens>()).ResubmitAsync(agency, name, AgencyKind.LocalGovernment, null, Ct);
        var corrected = await Host.Get<NoticeService>().SinceAsync(admin, Recipients.Admins, seen, ct: Ct);
        Assert.Equal(2, Concerning(corrected, LiveKinds.AgencyApplications).Count(n => n.SubjectId == agencyId));
        Assert.Contains(await Host.Get<AgencyService>().ApplicationsAsync(admin, Ct), a => a.Id == agencyId && a.Status == AgencyStatus.Pending
            && a.Documents.Single().FileName == "利用申請書（訂正）.pdf");
        // The administrators' key is theirs alone (R-ACC-4).
        await Assert.ThrowsAsync<ScopeException>(() => Host.Get<NoticeService>().SinceAsync(agency, Recipients.Admins, 0, ct: Ct));
    }

    [Fact]
    public async Task Admin_mail_queue_gets_a_bounce_reported_without_a_push_by_catch_up_and_no_one_elses_feed_does_R_LIVE_2_R_MAIL_1()
    {
        var admin = await Host.ActorAsync("admin@example.jp");
        var jobseeker = await Host.ActorAsync("jobseeker2@example.jp");
        var staff = await Host.ActorAsync("staff1@example.jp");
        // A mail that was sent (the outbox row, as the worker leaves it) and later comes back as a delivery status notification.
        var mailId = await Host.Get<Operations>().RunAsync(Actor.System, async w =>
        {
            var mail = w.Db.OutboxMails.Add(new HelloWork.Domain.Mail.OutboxMail(jobseeker.UserId, "jobseeker2@example.jp", "ja",
                HelloWork.Domain.Mail.MailKind.Notice, null, w.Now, NoticeKind.ResultRegistered)).Entity;
            await w.Db.SaveChangesAsync(Ct);
            await w.Db.OutboxMails.Where(m => m.Id == mail.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, HelloWork.Domain.Mail.MailStatus.Sent), Ct);
            return mail.Id;
        });
        var report = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(string.Join("\r\n",
            "From: MAILER-DAEMON@mx.example.net", "To: bounces@hellowork.example.jp", "Subject: Undelivered Mail Returned to Sender",
            "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "",
            "--b", "Content-Type: text/plain", "", "undeliverable", "",
            "--b", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.net", "",
            "Final-Recipient: rfc822; jobseeker2@example.jp", "Action: failed", "Status: 5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 User unknown", "",
            "--b", "Content-Type: text/rfc822-headers", "", $"Message-Id: <{mailId:N}@hellowork.local>", "", "--b--", ""))));
        var settings = new HelloWork.Web.Mail.MailSettings { BounceAddress = "bounces@hellowork.example.jp" };

        // Reported without a push (as while the administrators' page is down); the catch-up by sequence that a reconnect runs
        // hands the signal over. The administrators' key also carries the worker's own signals whenever other mail flows, so the
        // catch-up is read directly and may hold more than this one.
        var seen = await Host.Get<NoticeService>().LastSeqAsync(admin, Recipients.Admins, Ct);
        var silent = Silent();
        await new HelloWork.Web.Mail.MailBounces(silent, settings).ReceiveAsync(report, Ct);
        var got = await Host.Get<NoticeService>().SinceAsync(admin, Recipients.Admins, seen, ct: Ct);

        Assert.NotEmpty(Concerning(got, LiveKinds.MailQueue));
        var shown = await Host.Get<HelloWork.Web.Mail.MailAdmin>().GetAsync(admin, HelloWork.Domain.Mail.MailStatus.Bounced, Ct);
        Assert.Contains(shown.Rows, r => r.Id == mailId && r.LastError!.Contains("5.1.1", StringComparison.Ordinal));
        // The signal is the administrators' alone (R-ACC-4): another role cannot listen to it …
        await Assert.ThrowsAsync<ScopeException>(() => Host.Get<NoticeService>().SinceAsync(staff, Recipients.Admins, 0, ct: Ct));
        // … and it is not a notice a person reads: the admin's bell and notice list do not show it.
        Assert.DoesNotContain(await Host.Get<NoticeService>().ListAsync(admin, 200, Ct), n => n.Kind == NoticeKind.MailQueueChanged);
    }

    /// <summary>
    /// Opens a feed as a page would, makes <paramref name="changeWhileDown"/> with a bus that drops every push (the page's
    /// connection is down: nothing arrives), then reconnects the circuit (<see cref="LiveCircuitHandler"/>) and returns what the
    /// feed handed over, waiting until nothing more comes.
    /// </summary>
    private async Task<List<LiveNotice>> ReconnectAfterAsync(Actor listener, Func<Operations, Task> changeWhileDown, bool readState = false)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var live = scope.ServiceProvider.GetRequiredService<LiveNotices>();
        var got = new ConcurrentQueue<LiveNotice>();
        using var subscription = await live.SubscribeAsync(listener, n =>
        {
            if (!n.IsReadSignal || readState)
            {
                got.Enqueue(n);
            }
            return Task.CompletedTask;
        }, Ct);
        var silent = Silent();

        await changeWhileDown(silent);
        await Task.Delay(300, Ct);
        Assert.Empty(got); // down: the change is committed but nothing reached the page

        await new LiveCircuitHandler(live).OnConnectionUpAsync(null!, Ct);
        var until = DateTime.UtcNow + Timeout;
        while (got.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < until, "nothing arrived after the reconnect");
            await Task.Delay(20, Ct);
        }
        await Task.Delay(500, Ct); // anything delivered twice would arrive now
        return [.. got];
    }

    private static List<LiveNotice> Concerning(IEnumerable<LiveNotice> got, IReadOnlyCollection<NoticeKind>? kinds) =>
        [.. got.Where(n => !n.IsReadSignal && LiveKinds.Concerns(n, kinds, readState: false))];

    private async Task<IReadOnlyList<ApplicantRow>> ApplicantRowsAsync(Actor employer) =>
        (await Host.Get<ApplicantQueries>().QueryAsync(employer, employer.EstablishmentId!.Value, new ApplicantQuery { PageSize = 100 }, Ct)).Rows;

    /// <summary>The host's operations with a bus that drops every push: a change made as while every page's connection is down.</summary>
    private Operations Silent() => new(Host.Get<IDbContextFactory<HelloWorkDb>>(), Host.Get<TimeProvider>(), new DroppingBus());

    private async Task<T> WithDbAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        await using var db = await Host.Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync(Ct);
        return await query(db);
    }

    private sealed class DroppingBus : ILiveBus
    {
        public Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler) => throw new NotSupportedException();
    }
}
