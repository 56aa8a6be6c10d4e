using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Trust;

/// <summary>One visitor of the matrix: a demo account (or nobody) with its signed-in cookie client, its actor, its bearer
/// token for the hub, its API key when it is an agency, and its recipient keys.</summary>
public sealed record MatrixIdentity(string Name, string Column, HttpClient Client, Actor? Actor, string? Token, string? ApiKey, IReadOnlyList<string> Keys,
    string? Home = null)
{
    public bool IsAnonymous => Actor is null;
}

/// <summary>One object a route parameter can name: its parameter values, who owns it, and text that only its owners may see.</summary>
public sealed record MatrixObject(string Label, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Owners, IReadOnlyList<string> Markers);

/// <summary>
/// The real demo data behind the matrix, read and (where the demo has none) made through the portal's own services:
/// one signed-in client per identity, and for each <see cref="MatrixTable.Objects"/> kind the objects with their owners.
/// Made once per test run: two self-applications with an uploaded PDF (jobseeker1 → employer1, jobseeker2 → employer2),
/// one API key per agency, and two 求職申込み sent from home by two online-only people made for it; nothing else is changed.
/// </summary>
public sealed class MatrixWorld
{
    private static readonly string[] Emails = [.. DemoAccounts.All.Select(a => a.Email)];

    private MatrixWorld(IReadOnlyList<MatrixIdentity> identities, IReadOnlyDictionary<MatrixTable.Objects, IReadOnlyList<MatrixObject>> objects, string jobseeker1Name,
        IReadOnlySet<string> maySeeJobseeker1)
    {
        Identities = identities;
        Objects = objects;
        Jobseeker1Name = jobseeker1Name;
        MaySeeJobseeker1 = maySeeJobseeker1;
    }

    public IReadOnlyList<MatrixIdentity> Identities { get; }
    public IReadOnlyDictionary<MatrixTable.Objects, IReadOnlyList<MatrixObject>> Objects { get; }

    /// <summary>jobseeker1's name: personal data checked in every response of the matrix.</summary>
    public string Jobseeker1Name { get; }

    /// <summary>Who may see <see cref="Jobseeker1Name"/> (R-ACC-4): jobseeker1, employers jobseeker1 applied to, and staff of
    /// the offices jobseeker1 is registered at or was referred by (or whose offers jobseeker1 was referred to). Worked out from
    /// the data, not listed by hand.</summary>
    public IReadOnlySet<string> MaySeeJobseeker1 { get; }

    public static async Task<MatrixWorld> CreateAsync(PortalHost portal)
    {
        var ct = TestContext.Current.CancellationToken;
        await portal.StartAsync();
        var services = portal.Services;
        var users = await portal.QueryAsync(db => db.Users.Where(u => Emails.Contains(u.Email!)).ToListAsync(ct));
        Actor ActorOf(string email)
        {
            var u = users.Single(x => x.Email == email);
            return new Actor(u.Id, u.Role, u.DisplayName, u.JobseekerId, u.EstablishmentId, u.OfficeId, u.AgencyId, u.IsSupervisor, u.Prefecture);
        }

        // Identities, signed in concurrently: the form for the cookie, the API for the hub's bearer token.
        var identities = await Task.WhenAll(DemoAccounts.All.Select(async account =>
        {
            var client = await portal.NewClientAsync();
            using (var signIn = await Forms.SignInAsync(client, account.Email))
            {
                Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
            }
            using var tokenClient = await portal.NewClientAsync();
            using var login = await tokenClient.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = PortalHost.DemoPassword }, ct);
            login.EnsureSuccessStatusCode();
            var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("accessToken").GetString();
            var actor = ActorOf(account.Email);
            string? key = null;
            if (actor.IsAgency)
            {
                key = (await services.GetRequiredService<AgencyService>().CreateKeyAsync(actor, "authorization matrix", ct)).Secret;
            }
            return new MatrixIdentity(account.Email, account.Role, client, actor, token, key, NoticeService.RecipientsOf(actor), account.Home);
        }));
        var anonymous = new MatrixIdentity("anonymous", "anonymous", await portal.NewClientAsync(), null, null, null, []);
        var all = (IReadOnlyList<MatrixIdentity>)[anonymous, .. identities];
        string Owner(Func<Actor, bool> match) => identities.Single(i => match(i.Actor!)).Name;

        var js1 = ActorOf("jobseeker1@example.jp");
        var js2 = ActorOf("jobseeker2@example.jp");
        var emp1 = ActorOf("employer1@example.jp");
        var emp2 = ActorOf("employer2@example.jp");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var names = await portal.QueryAsync(db => db.Jobseekers.Where(j => j.Id == js1.JobseekerId || j.Id == js2.JobseekerId).ToDictionaryAsync(j => j.Id, j => j.Name, ct));

        // Employer offers: each establishment's draft (never public, so its title is the establishment's own).
        var drafts = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Draft
            && (o.EstablishmentId == emp1.EstablishmentId || o.EstablishmentId == emp2.EstablishmentId)).ToListAsync(ct));
        MatrixObject Draft(Actor employer)
        {
            var offer = drafts.Where(o => o.EstablishmentId == employer.EstablishmentId).OrderBy(o => o.CreatedAt).First();
            return new MatrixObject($"{employer.Name}'s draft offer", Map(("Id", offer.Id.ToString()), ("Screen", "3")),
                Set(Owner(a => a.EstablishmentId == employer.EstablishmentId)), [offer.Title]);
        }

        // A published offer open to self-application: public, nobody owns it.
        var published = (await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published && o.SelfApplication
                && o.EstablishmentId != emp1.EstablishmentId && o.EstablishmentId != emp2.EstablishmentId).ToListAsync(ct)))
            .Where(o => o.AcceptsSelfApplication(now)).OrderBy(o => o.JobNumber).First();
        var publishedJob = new MatrixObject("a published offer", Map(("JobNumber", published.JobNumber!)), Set(), [published.Title]);

        // Two applications with a document: jobseeker1 → employer1, jobseeker2 → employer2 (self-applications, R-SELF-1).
        var a1 = await SelfApplyAsync(portal, js1, emp1, now, ct);
        var a2 = await SelfApplyAsync(portal, js2, emp2, now, ct);
        MatrixObject App((Guid Id, Guid? DocumentId, string Title) a, Actor jobseeker, Actor employer) =>
            new($"{jobseeker.Name}'s application to {employer.Name}", Map(("Id", a.Id.ToString())),
                Set(Owner(x => x.JobseekerId == jobseeker.JobseekerId), Owner(x => x.EstablishmentId == employer.EstablishmentId)),
                [names[jobseeker.JobseekerId!.Value], a.Title]);
        var documents = new List<MatrixObject>();
        foreach (var (a, jobseeker, employer) in new[] { (a1, js1, emp1), (a2, js2, emp2) })
        {
            if (a.DocumentId is { } documentId)
            {
                documents.Add(new MatrixObject($"{jobseeker.Name}'s document", Map(("id", documentId.ToString())),
                    Set(Owner(x => x.JobseekerId == jobseeker.JobseekerId), Owner(x => x.EstablishmentId == employer.EstablishmentId)), []));
            }
        }
        Assert.True(documents.Count > 0, "No demo offer of employer1 or employer2 accepts documents; the matrix needs one.");

        // Referral slips: jobseeker1's to employer1 (office 13010) and one of office 27010 for someone else.
        var offices = await portal.QueryAsync(db => db.Offices.ToDictionaryAsync(o => o.Code, o => o.Id, ct));
        var slips = await portal.QueryAsync(async db =>
        {
            var own = await (from r in db.Referrals
                             join o in db.JobOffers on r.JobOfferId equals o.Id
                             where r.JobseekerId == js1.JobseekerId && o.EstablishmentId == emp1.EstablishmentId
                             select new { r.Id, r.JobseekerId, r.OfficeId, o.EstablishmentId, o.AcceptingOfficeId }).FirstAsync(ct);
            var other = await (from r in db.Referrals
                               join o in db.JobOffers on r.JobOfferId equals o.Id
                               where r.OfficeId == offices["27010"] && o.AcceptingOfficeId == offices["27010"] && r.JobseekerId != js1.JobseekerId
                                     && r.JobseekerId != js2.JobseekerId && o.EstablishmentId != emp1.EstablishmentId
                               select new { r.Id, r.JobseekerId, r.OfficeId, o.EstablishmentId, o.AcceptingOfficeId }).FirstAsync(ct);
            return new[] { own, other };
        });
        var slipObjects = slips.Select(s => new MatrixObject(s.OfficeId == offices["13010"] ? "jobseeker1's referral slip (office 13010)" : "a referral slip of office 27010",
            Map(("id", s.Id.ToString())),
            identities.Where(i => i.Actor!.JobseekerId == s.JobseekerId || i.Actor.EstablishmentId == s.EstablishmentId
                || (i.Actor.IsStaff && (i.Actor.OfficeId == s.OfficeId || i.Actor.OfficeId == s.AcceptingOfficeId))).Select(i => i.Name).ToHashSet(), [])).ToList();

        var today = JapanTime.DateOf(now);
        var fiscalYear = today.Month >= 4 ? today.Year : today.Year - 1;
        var quarter = new MatrixObject($"FY{fiscalYear} Q1", Map(("fiscalYear", fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("quarter", "1")), Set(), []);

        var keys = identities.SelectMany(i => i.Keys).Distinct()
            .Select(k => new MatrixObject("recipient " + k, Map(("recipient", k)), identities.Where(i => i.Keys.Contains(k)).Select(i => i.Name).ToHashSet(), []))
            .ToList();

        var imageId = await portal.QueryAsync(db => db.EstablishmentImages.Where(i => i.EstablishmentId == emp1.EstablishmentId)
            .OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync(ct));
        var image = new MatrixObject("employer1's picture", Map(("id", imageId.ToString())), Set(Owner(a => a.EstablishmentId == emp1.EstablishmentId)), []);

        // Each agency's own token for one demo jobseeker whose consent covers both agencies (R-AGY-2).
        var consenting = await portal.QueryAsync(db => db.Jobseekers.Where(j => j.Consent == ProvisionConsent.LocalGovernmentsAndPrivate)
            .OrderBy(j => j.Id).Select(j => j.Id).FirstAsync(ct));
        var agencyTokens = new List<MatrixObject>();
        foreach (var agency in identities.Where(i => i.Actor!.IsAgency))
        {
            var own = await services.GetRequiredService<OpaqueTokens>().ForAsync(TokenHolder.Agency, agency.Actor!.AgencyId!.Value, ct);
            agencyTokens.Add(new MatrixObject($"{agency.Name}'s profile token", Map(("token", own.Issue(consenting))), Set(agency.Name), []));
        }

        // A document of each demo agency's application (demo data), owned by that agency's account.
        var agencyDocuments = new List<MatrixObject>();
        foreach (var agency in identities.Where(i => i.Actor!.IsAgency))
        {
            var documentId = await portal.QueryAsync(db => db.AgencyDocuments.Where(d => d.AgencyId == agency.Actor!.AgencyId)
                .OrderBy(d => d.UploadedAt).Select(d => d.Id).FirstAsync(ct));
            agencyDocuments.Add(new MatrixObject($"{agency.Name}'s application document", Map(("id", documentId.ToString())), Set(agency.Name), []));
        }

        // A demo event of each of the two staff offices (owned by that office's staff), and a demo course (nobody's).
        var officeEvents = await portal.QueryAsync(db => db.OfficeEvents.Where(e => e.OfficeId == offices["13010"] || e.OfficeId == offices["27010"])
            .OrderBy(e => e.StartsAt).ToListAsync(ct));
        var eventObjects = new[] { offices["13010"], offices["27010"] }.Select(officeId => officeEvents.First(e => e.OfficeId == officeId))
            .Select(e => new MatrixObject($"an event of office {offices.Single(o => o.Value == e.OfficeId).Key}", Map(("Id", e.Id.ToString())),
                identities.Where(i => i.Actor!.IsStaff && i.Actor.OfficeId == e.OfficeId).Select(i => i.Name).ToHashSet(), [e.Title])).ToList();
        // A published offer of an establishment of each of the two staff offices (求人充足サービス by job number, R-CHG-3): owned by
        // that office's staff.
        var officeJobs = new List<MatrixObject>();
        foreach (var code in new[] { "13010", "27010" })
        {
            var officeId = offices[code];
            var job = await portal.QueryAsync(db => (from o in db.JobOffers
                                                     join e in db.Establishments on o.EstablishmentId equals e.Id
                                                     where e.OfficeId == officeId && o.Status == OfferStatus.Published
                                                     orderby o.JobNumber
                                                     select new { o.JobNumber, o.Title }).FirstAsync(ct));
            officeJobs.Add(new MatrixObject($"a published offer of office {code}", Map(("JobNumber", job.JobNumber!)),
                identities.Where(i => i.Actor!.IsStaff && i.Actor.OfficeId == officeId).Select(i => i.Name).ToHashSet(), [job.Title]));
        }
        var course = await portal.QueryAsync(db => db.TrainingCourses.OrderBy(c => c.Id).FirstAsync(ct));
        var courseObject = new MatrixObject("a training course", Map(("Id", course.Id.ToString())), Set(), [course.School]);

        // Two 求職申込み sent from home by two people registered only online, made here without a mypage account (so no identity of
        // the matrix is them, and no test counting accounts sees them): one to office 13010, one to 27010, each owned by that
        // office's staff (R-REG-2, R-ACC-4).
        var hwisOnly = await portal.QueryAsync(async db =>
        {
            var people = new[] { new Jobseeker("申込 一子", "モウシコミ イチコ", new DateOnly(1991, 1, 1), null, null, null, now),
                new Jobseeker("申込 二郎", "モウシコミ ジロウ", new DateOnly(1992, 2, 2), null, null, null, now) };
            db.Jobseekers.AddRange(people);
            await db.SaveChangesAsync(ct);
            return people.Select(j => new { j.Id, j.Name }).ToList();
        });
        var preRegistrations = services.GetRequiredService<HelloWork.Domain.Registration.PreRegistrationService>();
        var jobApplications = new List<MatrixObject>();
        foreach (var (person, code) in hwisOnly.Zip(new[] { "13010", "27010" }))
        {
            var applicant = new Actor(Guid.NewGuid(), HelloWork.Domain.Accounts.Roles.Jobseeker, person.Name, JobseekerId: person.Id);
            await Support.ApplicationForms.FillAllStepsAsync(preRegistrations, applicant, Support.ApplicationForms.Filled(JapanTime.DateOf(now)), ct);
            var sent = await preRegistrations.SubmitAsync(applicant, offices[code], ct);
            jobApplications.Add(new MatrixObject($"a job application sent to office {code}", Map(("ReceiptNumber", sent.ReceiptNumber)),
                identities.Where(i => i.Actor!.IsStaff && i.Actor.OfficeId == offices[code]).Select(i => i.Name).ToHashSet(), [person.Name]));
        }
        Assert.Equal(2, jobApplications.Count);

        var publicOffice = new MatrixObject("office 13010's publication", Map(("Code", "13010"), ("Prefecture", "東京都"),
            ("fiscalYear", fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture))), Set(), []);

        // Each demo office of a labour bureau's prefecture, owned by that bureau's account (worked out from the accounts' prefectures).
        var officePrefectures = await portal.QueryAsync(db => db.Offices.Where(o => o.Code == "13010" || o.Code == "27010")
            .Select(o => new { o.Code, o.Prefecture, o.Name }).ToListAsync(ct));
        var bureauOffices = officePrefectures.OrderBy(o => o.Code).Select(o => new MatrixObject($"office {o.Code} ({o.Prefecture})", Map(("Code", o.Code)),
            identities.Where(i => i.Actor!.IsBureau && i.Actor.Prefecture == o.Prefecture).Select(i => i.Name).ToHashSet(), [o.Name])).ToList();

        var objects = new Dictionary<MatrixTable.Objects, IReadOnlyList<MatrixObject>>
        {
            [MatrixTable.Objects.BureauOffice] = bureauOffices,
            [MatrixTable.Objects.JobApplication] = jobApplications,
            [MatrixTable.Objects.PublicOffice] = [publicOffice],
            [MatrixTable.Objects.OfficeEvent] = eventObjects,
            [MatrixTable.Objects.OfficeJob] = officeJobs,
            [MatrixTable.Objects.TrainingCourse] = [courseObject],
            [MatrixTable.Objects.AgencyProfileToken] = agencyTokens,
            [MatrixTable.Objects.EmployerOffer] = [Draft(emp1), Draft(emp2)],
            [MatrixTable.Objects.PublishedJob] = [publishedJob],
            [MatrixTable.Objects.Application] = [App(a1, js1, emp1), App(a2, js2, emp2)],
            [MatrixTable.Objects.ApplicationDocument] = documents,
            [MatrixTable.Objects.AgencyDocument] = agencyDocuments,
            [MatrixTable.Objects.ReferralSlip] = slipObjects,
            [MatrixTable.Objects.FiscalQuarter] = [quarter],
            [MatrixTable.Objects.RecipientKey] = keys,
            [MatrixTable.Objects.PublicEstablishmentImage] = [image],
        };
        var scope = await portal.QueryAsync(async db => (
            Establishments: await db.Applications.Where(a => a.JobseekerId == js1.JobseekerId).Select(a => a.EstablishmentId).Distinct().ToListAsync(ct),
            Offices: (await db.Jobseekers.Where(j => j.Id == js1.JobseekerId).Select(j => j.HomeOfficeId).ToListAsync(ct))
                .Concat(await db.Referrals.Where(r => r.JobseekerId == js1.JobseekerId).Select(r => (Guid?)r.OfficeId).ToListAsync(ct))
                .Concat(await (from r in db.Referrals join o in db.JobOffers on r.JobOfferId equals o.Id where r.JobseekerId == js1.JobseekerId select o.AcceptingOfficeId).ToListAsync(ct))
                .ToList()));
        var maySee = identities.Where(i => i.Actor!.JobseekerId == js1.JobseekerId
                || (i.Actor.EstablishmentId is { } e && scope.Establishments.Contains(e))
                || (i.Actor.IsStaff && scope.Offices.Contains(i.Actor.OfficeId)))
            .Select(i => i.Name).ToHashSet();
        return new MatrixWorld(all, objects, names[js1.JobseekerId!.Value], maySee);
    }

    /// <summary>A self-application of <paramref name="jobseeker"/> to an open offer of <paramref name="employer"/>, with a PDF
    /// when the offer accepts documents; made through <see cref="ApplicationService"/> as the page would.</summary>
    private static async Task<(Guid Id, Guid? DocumentId, string Title)> SelfApplyAsync(PortalHost portal, Actor jobseeker, Actor employer, DateTimeOffset now, CancellationToken ct)
    {
        var (offers, taken) = await portal.QueryAsync(async db => (
            await db.JobOffers.Where(o => o.EstablishmentId == employer.EstablishmentId && o.SelfApplication).ToListAsync(ct),
            await db.Applications.Where(a => a.JobseekerId == jobseeker.JobseekerId).Select(a => a.JobOfferId).ToListAsync(ct)));
        var offer = offers.Where(o => o.AcceptsSelfApplication(now) && !taken.Contains(o.Id))
            .OrderByDescending(o => o.AcceptsDocuments).ThenBy(o => o.CreatedAt).First();
        IReadOnlyList<UploadedFile> files = offer.AcceptsDocuments ? [new UploadedFile("職務経歴書.pdf", DemoSeeder.MinimalPdf("Matrix"))] : [];
        var id = await portal.Services.GetRequiredService<ApplicationService>().ApplyAsync(jobseeker,
            new ApplyInput(offer.Id, "認可マトリクスの確認のための応募です。", files, SelfApplicationAcknowledged: true), ct);
        var documentId = await portal.QueryAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct));
        return (id, documentId, offer.Title);
    }

    private static Dictionary<string, string> Map(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> Set(params string[] owners) => [.. owners];
}
