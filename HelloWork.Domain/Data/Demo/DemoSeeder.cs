using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Figures;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using HelloWork.Domain.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Data.Demo;

/// <summary>
/// Demo data for the first start of an empty database (never in Production): offices, establishments, offers in every
/// state, jobseekers, referrals, applications in every state, message threads, notices, and the demo accounts.
/// Deterministic: the same seed gives the same data, relative to the clock.
/// </summary>
public sealed class DemoSeeder(HelloWorkDb db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock)
{
    public const string Password = "HelloWork!2026";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Offices.AnyAsync(ct))
        {
            return false;
        }
        // One transaction over the domain rows and the accounts (UserManager shares this scoped context): all or nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Several nodes starting on one empty database must seed once (each seeded). The seeding nodes take turns —
        // on PostgreSQL a transaction-scoped advisory lock, on SQLite the write transaction itself (BEGIN IMMEDIATE) — and the
        // one that waited finds the data there.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(20261207)", ct);
        }
        if (await db.Offices.AnyAsync(ct))
        {
            return false;
        }
        await SeedAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        var rnd = new Random(2026);
        var now = clock.GetUtcNow();

        var offices = new[]
        {
            new Office("13010", "ハローワーク飯田橋", "東京都", "東京都文京区後楽1-9-20 飯田橋合同庁舎", "03-3812-8609"),
            new Office("27010", "ハローワーク大阪東", "大阪府", "大阪府大阪市中央区農人橋2-1-36 ピップビル", "06-6942-4771"),
            new Office("01010", "ハローワーク札幌", "北海道", "北海道札幌市中央区北1条西2丁目", "011-562-0101"),
            new Office("40010", "ハローワーク福岡中央", "福岡県", "福岡県福岡市中央区赤坂1-6-19", "092-712-8609"),
        };
        db.Offices.AddRange(offices);

        var establishments = new List<Establishment>();
        for (var i = 0; i < 30; i++)
        {
            var office = offices[i % 2 == 0 ? 0 : i % 4 == 1 ? 1 : i % 4];
            var place = Vocabulary.Places.First(p => office.Prefecture == "東京都" ? p.Prefecture is "東京都" or "神奈川県" or "埼玉県" or "千葉県" : office.Prefecture == "大阪府" ? p.Prefecture is "大阪府" or "京都府" or "兵庫県" : p.Prefecture == office.Prefecture);
            var places = Vocabulary.Places.Where(p => p.Prefecture == place.Prefecture).ToArray();
            place = places[rnd.Next(places.Length)];
            var company = Vocabulary.Companies[i];
            var est = new Establishment(office.Id, Establishment.FormatNumber(office.Code, 100 + i), company.Name, "", place.PostalCode, place.Prefecture,
                place.Prefecture + place.Municipality + place.Address, company.Industry.Name, 10 + rnd.Next(0, 500), now.AddDays(-400 + i));
            if (i < 27)
            {
                est.Confirm(now.AddDays(-390 + i));
            }
            if (i % 3 != 2)
            {
                est.MarkOpenedOnline();
            }
            est.UpdateProfile("地域に根ざして50年。働く人を大切にする会社です。", null);
            establishments.Add(est);
        }
        db.Establishments.AddRange(establishments);

        // Offers: most published and valid; some in every other state (R-JOB-1).
        var offers = new List<JobOffer>();
        for (var i = 0; i < 300; i++)
        {
            var est = establishments[i % establishments.Count];
            var company = Vocabulary.Companies[i % establishments.Count];
            var office = offices.First(o => o.Id == est.OfficeId);
            // What the establishment hires for, so occupation, industry and name agree (a nursery offers 保育士, issue 25).
            var occ = Vocabulary.OccupationOf(company.Occupations[rnd.Next(company.Occupations.Length)]);
            var samePref = Vocabulary.Places.Where(p => p.Prefecture == est.Prefecture).ToArray();
            var place = samePref[rnd.Next(samePref.Length)];
            var sheet = SampleSheets.Build(rnd, occ, place, est.Name, est.Kana, est.Address, est.Employees, company);
            var channel = rnd.Next(3) == 0 ? OfferChannel.Counter : OfferChannel.Online;
            var kind = i switch { < 10 => "draft", < 20 => "submitted", < 26 => "returned", < 40 => "expired", < 46 => "filled", < 50 => "withdrawn", _ => "published" };
            var created = kind switch { "expired" => now.AddDays(-130 - rnd.Next(0, 60)), _ => now.AddDays(-rnd.Next(1, 55)) };
            var offer = new JobOffer(est.Id, channel, sheet, created);
            if (est.Status == EstablishmentStatus.Provisional && kind != "draft")
            {
                kind = "submitted";
            }
            if (kind != "draft")
            {
                offer.Submit(created.AddHours(2));
            }
            if (kind == "returned")
            {
                offer.Return("就業場所の最寄り駅からの所要時間と、固定残業代の有無を確認のうえ修正してください。", created.AddDays(1));
            }
            if (kind is "published" or "expired" or "filled" or "withdrawn")
            {
                offer.Accept(office, created.AddDays(1));
            }
            if (kind == "expired")
            {
                offer.ExpireIfDue(now);
            }
            if (kind is "filled" or "withdrawn")
            {
                offer.Close(kind == "filled" ? InvalidReason.Filled : InvalidReason.Withdrawn, now.AddDays(-rnd.Next(0, 3)));
            }
            offers.Add(offer);
        }
        db.JobOffers.AddRange(offers);

        // Jobseekers: the first ones get accounts; the rest were registered at the counter.
        var jobseekers = new List<Jobseeker>();
        for (var i = 0; i < 100; i++)
        {
            var f = i % Vocabulary.FamilyNames.Length;
            // The given name moves on by one more every round of family names, so no two of the first 400 share a name.
            var g = (i * 7 + 3 + i / Vocabulary.FamilyNames.Length) % Vocabulary.GivenNames.Length;
            var js = new Jobseeker($"{Vocabulary.FamilyNames[f]} {Vocabulary.GivenNames[g]}", $"{Vocabulary.FamilyKana[f]} {Vocabulary.GivenKana[g]}",
                new DateOnly(1965 + rnd.Next(0, 40), 1 + rnd.Next(0, 12), 1 + rnd.Next(0, 28)), $"090-{rnd.Next(1000, 9999)}-{rnd.Next(1000, 9999)}",
                "113-0033", "東京都文京区本郷1-1-1", now.AddDays(-rnd.Next(10, 200)));
            if (i != 1)
            {
                js.RegisterAtOffice(offices[i % 2], now.AddDays(-rnd.Next(5, 60)));
            }
            else
            {
                js.SetRegistrationActive(true, now); // jobseeker2's online registration is current (R-ACC-2)
            }
            var occ = Vocabulary.Occupations[i % Vocabulary.Occupations.Length];
            js.UpdateWishes(new JobseekerWishes
            {
                DesiredOccupation = occ.Title,
                DesiredOccupationCode = occ.Code,
                DesiredPrefecture = i % 2 == 0 ? "東京都" : "大阪府",
                DesiredMonthlyWage = 200_000 + rnd.Next(0, 10) * 10_000,
                DesiredEmploymentType = "正社員",
                DesiredHours = "9:00〜18:00",
                Qualifications = i % 3 == 0 ? "普通自動車運転免許、日商簿記3級" : "普通自動車運転免許",
                Experience = $"{occ.Title}の経験{1 + i % 10}年",
                WorkHistory = "2015年4月〜2023年3月 製造業にて生産管理\n2023年4月〜2025年9月 小売業にて店舗運営",
                SelfPr = "責任感を持って最後までやり遂げることを大切にしています。",
            }, now);
            js.SetConsent((ProvisionConsent)(i % 4), now);
            js.SetProfilePublic(i % 3 == 0, now);
            jobseekers.Add(js);
        }
        db.Jobseekers.AddRange(jobseekers);
        await db.SaveChangesAsync(ct);

        // Accounts.
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
        var empEst1 = establishments[0];
        var empEst2 = establishments[1];
        var agencies = new[]
        {
            new Agency("東京都文京区 就労支援課", AgencyKind.LocalGovernment, null, now.AddDays(-300)),
            new Agency("株式会社キャリアブリッジ", AgencyKind.PrivatePaid, "13-ユ-300001", now.AddDays(-200)),
            new Agency("NPO法人しごとネット", AgencyKind.PrivateFree, "13-ム-300002", now.AddDays(-20)),
        };
        agencies[0].Approve(now.AddDays(-290));
        agencies[1].Approve(now.AddDays(-190));
        db.Agencies.AddRange(agencies);
        // The documents of their applications (利用申請の添付書類): the approved two with what their kind requires, the pending one
        // still without its licence copy (the administrators' list says so).
        AgencyDocument Document(Agency agency, AgencyDocumentKind kind, string name, string text) =>
            AgencyDocument.Create(agency.Id, kind, new UploadedFile(name, MinimalPdf(text)), agency.CreatedAt);
        db.AgencyDocuments.AddRange(
            Document(agencies[0], AgencyDocumentKind.ApplicationForm, "利用申請書.pdf", "Riyou shinseisho"),
            Document(agencies[1], AgencyDocumentKind.ApplicationForm, "利用申請書.pdf", "Riyou shinseisho"),
            Document(agencies[1], AgencyDocumentKind.LicenseCopy, "有料職業紹介事業許可証.pdf", "Kyokasho"),
            Document(agencies[1], AgencyDocumentKind.Pledge, "誓約書.pdf", "Seiyakusho"),
            Document(agencies[2], AgencyDocumentKind.ApplicationForm, "利用申請書.pdf", "Riyou shinseisho"));
        await db.SaveChangesAsync(ct);

        var js1User = await CreateUserAsync("jobseeker1@example.jp", Roles.Jobseeker, jobseekers[0].Name, u => u.JobseekerId = jobseekers[0].Id, now);
        var js2User = await CreateUserAsync("jobseeker2@example.jp", Roles.Jobseeker, jobseekers[1].Name, u => u.JobseekerId = jobseekers[1].Id, now);
        var emp1User = await CreateUserAsync("employer1@example.jp", Roles.Employer, "採用担当 鈴木", u => u.EstablishmentId = empEst1.Id, now);
        await CreateUserAsync("employer2@example.jp", Roles.Employer, "人事部 田中", u => u.EstablishmentId = empEst2.Id, now);
        var staff1 = await CreateUserAsync("staff1@example.jp", Roles.Staff, "職業相談部門 高橋", u => { u.OfficeId = offices[0].Id; u.IsSupervisor = true; }, now);
        var staff2 = await CreateUserAsync("staff2@example.jp", Roles.Staff, "職業相談部門 伊藤", u => u.OfficeId = offices[1].Id, now);
        await CreateUserAsync("agency1@example.jp", Roles.Agency, "文京区 就労支援課", u => u.AgencyId = agencies[0].Id, now);
        await CreateUserAsync("agency2@example.jp", Roles.Agency, "キャリアブリッジ 担当", u => u.AgencyId = agencies[1].Id, now);
        await CreateUserAsync("admin@example.jp", Roles.Admin, "システム管理者", _ => { }, now);
        // 労働局 (R-EVAL-1): one per prefecture of the two staff offices.
        await CreateUserAsync("bureau1@example.jp", Roles.Bureau, "東京労働局 職業安定部", u => u.Prefecture = offices[0].Prefecture, now);
        await CreateUserAsync("bureau2@example.jp", Roles.Bureau, "大阪労働局 職業安定部", u => u.Prefecture = offices[1].Prefecture, now);

        // Referrals and applications in every state, most of them to employer1's offers so the applicant list is full.
        var open = offers.Where(o => o.IsOpen(now)).ToList();
        var est1Open = open.Where(o => o.EstablishmentId == empEst1.Id).ToList();
        var outbox = new Outbox(db, now);
        var applications = new List<Application>();
        var referralCount = 0;
        for (var i = 0; i < 160; i++)
        {
            var js = jobseekers[2 + i % 98];
            var offer = i < 90 ? est1Open[i % est1Open.Count] : open[rnd.Next(open.Count)];
            if (applications.Any(a => a.JobOfferId == offer.Id && a.JobseekerId == js.Id))
            {
                continue;
            }
            var appliedAt = now.AddHours(-rnd.Next(2, 24 * 40));
            applications.Add(AddApplication(db, offer, js, offices, staff1, appliedAt, now, i, rnd, ref referralCount));
        }

        // jobseeker1: a fresh application (cancellable), one in selection, one hired, one withdrawn, one cancelled; two proposals.
        var js1 = jobseekers[0];
        var js1Offers = est1Open.Take(5).ToList();
        var fresh = AddApplication(db, js1Offers[0], js1, offices, staff1, now.AddHours(-2), now, 0, rnd, ref referralCount, forceReferral: true, keepInSelection: true);
        var inSel = AddApplication(db, js1Offers[1], js1, offices, staff1, now.AddDays(-5), now, 1, rnd, ref referralCount, keepInSelection: true);
        var notHired = AddApplication(db, open[7], js1, offices, staff1, now.AddDays(-30), now, 2, rnd, ref referralCount, keepInSelection: true);
        notHired.RegisterResult(ResultOutcome.NotHired, 4, false, null, null, ResultChannel.EmployerOnline, now.AddDays(-20));
        var withdrawn = AddApplication(db, open[8], js1, offices, staff1, now.AddDays(-12), now, 3, rnd, ref referralCount, keepInSelection: true);
        withdrawn.RegisterResult(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null, ResultChannel.EmployerOnline, now.AddDays(-8));
        var cancelled = AddApplication(db, open[9], js1, offices, staff1, now.AddDays(-3), now, 4, rnd, ref referralCount, keepInSelection: true);
        cancelled.Cancel(cancelled.AppliedAt.AddHours(3));
        applications.AddRange([fresh, inSel, notHired, withdrawn, cancelled]);
        foreach (var offer in js1Offers.Skip(2).Take(2))
        {
            db.Referrals.Add(new Referral(offer.Id, js1.Id, offices[0].Id, staff1.Id, staff1.DisplayName, ReferralKind.Online,
                EmployerConfirmation.Confirmed, null, now.AddDays(-1), now.AddDays(6)));
        }
        db.Referrals.Add(new Referral(open[20].Id, js1.Id, offices[0].Id, staff1.Id, staff1.DisplayName, ReferralKind.Online,
            EmployerConfirmation.SkippedUnreachable, "土曜日のため求人者と連絡がつかず", now.AddDays(-10), now.AddDays(-3)));

        // Message threads (R-MSG-1).
        // Only on applications old enough for both messages to lie in the past, and each message from a person of its side:
        // employer1's user writes on its own establishment's applications; a jobseeker answers only through their own account.
        var jobseekerUsers = new Dictionary<Guid, Guid> { [jobseekers[0].Id] = js1User.Id, [jobseekers[1].Id] = js2User.Id };
        var est1OfferIds = offers.Where(o => o.EstablishmentId == empEst1.Id).Select(o => o.Id).ToHashSet();
        foreach (var app in applications.Where(a => a.Status == ApplicationStatus.InSelection && a.AppliedAt < now.AddHours(-27) && est1OfferIds.Contains(a.JobOfferId))
                     .OrderByDescending(a => jobseekerUsers.ContainsKey(a.JobseekerId)).Take(25))
        {
            db.Messages.Add(new Message(app.Id, MessageSide.Employer, emp1User.Id, "ご応募ありがとうございます。面接日程についてご都合のよい日時を3つほどお知らせください。", app.AppliedAt.AddHours(20)));
            if (jobseekerUsers.TryGetValue(app.JobseekerId, out var replier))
            {
                db.Messages.Add(new Message(app.Id, MessageSide.Jobseeker, replier, "ご連絡ありがとうございます。来週の火曜日または水曜日の午前中でお願いいたします。", app.AppliedAt.AddHours(26)));
            }
        }
        db.Messages.Add(new Message(inSel.Id, MessageSide.Employer, emp1User.Id, $"面接は{InterviewDay(now)}10時から、本社3階の会議室で行います。履歴書をご持参ください。", now.AddHours(-6)));

        // Saved searches, favourites, a direct request, notices.
        db.SavedSearches.Add(new SavedSearch(js1.Id, "東京都の事務（正社員）", "q=事務&pref=東京都&type=Regular", now.AddDays(-7)));
        foreach (var offer in open.Skip(30).Take(3))
        {
            db.Favourites.Add(new Favourite(js1.Id, offer.Id, now.AddDays(-2)));
        }
        var requestOffer = est1Open.FirstOrDefault(o => o.SelfApplication);
        if (requestOffer is not null)
        {
            db.DirectRequests.Add(new DirectRequest(requestOffer.Id, empEst1.Id, js1.Id, "ご経験を拝見し、ぜひ一度お話を伺いたくリクエストをお送りしました。", now.AddDays(-1)));
        }
        await outbox.AddAsync(Recipients.User(js1User.Id), NoticeKind.ReferralProposed, null, new Dictionary<string, string>
        {
            [NoticeArg.OfferTitle] = js1Offers[2].Title, [NoticeArg.JobNumber] = js1Offers[2].JobNumber ?? "",
            [NoticeArg.Date] = NoticeArg.DateValue(Common.JapanTime.DateOf(now).AddDays(14)),
        }, ct);
        var closure = new DateOnly(Common.JapanTime.DateOf(now).Year, 12, 29);
        await outbox.AddAsync(Recipients.User(js1User.Id), NoticeKind.OfficeClosure, null,
            new Dictionary<string, string> { [NoticeArg.Date] = NoticeArg.DateValue(closure), [NoticeArg.Until] = NoticeArg.DateValue(closure.AddDays(5)) }, ct);
        await outbox.AddAsync(Recipients.User(js2User.Id), NoticeKind.Welcome, null, NoticeArg.None, ct);
        await outbox.AddAsync(Recipients.Establishment(empEst1.Id), NoticeKind.ApplicationReceived, fresh.Id, new Dictionary<string, string>
        {
            [NoticeArg.Method] = fresh.Method.ToString(), [NoticeArg.OfficeName] = offices[0].Name, [NoticeArg.JobNumber] = js1Offers[0].JobNumber ?? "",
            [NoticeArg.OfferTitle] = js1Offers[0].Title, [NoticeArg.ApplicantName] = js1.Name,
        }, ct);
        await outbox.AddAsync(Recipients.Establishment(empEst1.Id), NoticeKind.ApplicationCancelled, cancelled.Id,
            new Dictionary<string, string> { [NoticeArg.JobNumber] = open[9].JobNumber ?? "", [NoticeArg.OfferTitle] = open[9].Title, [NoticeArg.ApplicantName] = js1.Name }, ct);
        await outbox.AddAsync(Recipients.Establishment(empEst2.Id), NoticeKind.Welcome, null, NoticeArg.None, ct);
        await outbox.AddAsync(Recipients.Office(offices[0].Id), NoticeKind.OfferSubmitted, null, NoticeArg.None, ct);
        await outbox.AddAsync(Recipients.Office(offices[1].Id), NoticeKind.OfferSubmitted, null, NoticeArg.None, ct);
        db.IntegratedFacilityTargets.Add(CreateTarget(offices[0].Id, "文京区しごとセンター", now));
        DemoEstablishmentProfile.Seed(db, empEst1, offices[0], staff1.Id, now);
        DemoBookings.Seed(db, rnd, offices, [staff1, staff2], jobseekers, open, now);
        DemoEvaluation.Seed(db, offices, staff1.Id, now);

        await db.SaveChangesAsync(ct);
    }

    private static IntegratedFacilityTarget CreateTarget(Guid officeId, string name, DateTimeOffset now)
    {
        var t = new IntegratedFacilityTarget(officeId, name, Common.JapanTime.DateOf(now).Month >= 4 ? Common.JapanTime.DateOf(now).Year : Common.JapanTime.DateOf(now).Year - 1);
        t.SetTargets(300, 45m, 1200, 3000);
        t.SetActuals(210, 47.5m, 1300, 2100);
        return t;
    }

    private static Application AddApplication(HelloWorkDb db, JobOffer offer, Jobseeker js, Office[] offices, AppUser staff, DateTimeOffset appliedAt,
        DateTimeOffset now, int i, Random rnd, ref int referralCount, bool forceReferral = false, bool keepInSelection = false)
    {
        var method = forceReferral ? ApplicationMethod.OnlineReferral : (i % 5) switch { 0 or 1 => ApplicationMethod.OnlineReferral, 2 or 3 => ApplicationMethod.SelfApplication, _ => ApplicationMethod.CounterReferral };
        if (method == ApplicationMethod.SelfApplication && !offer.SelfApplication)
        {
            method = ApplicationMethod.CounterReferral;
        }
        Referral? referral = null;
        if (method != ApplicationMethod.SelfApplication)
        {
            var office = offices.First(o => o.Id == offer.AcceptingOfficeId);
            referral = new Referral(offer.Id, js.Id, office.Id, staff.Id, staff.DisplayName,
                method == ApplicationMethod.OnlineReferral ? ReferralKind.Online : ReferralKind.Counter,
                EmployerConfirmation.Confirmed, null, appliedAt.AddHours(-20), appliedAt.AddDays(6));
            db.Referrals.Add(referral);
            referralCount++;
        }
        var app = new Application(offer.Id, offer.EstablishmentId, js.Id, method, referral?.Id,
            method == ApplicationMethod.CounterReferral ? "" : "これまでの経験を活かし、貴社で長く働きたいと考え応募いたしました。", appliedAt, applicantHasMypage: i % 4 != 3);
        referral?.Establish(app.Id, appliedAt);
        db.Applications.Add(app);
        var age = appliedAt;
        switch (keepInSelection ? -1 : i % 7)
        {
            case 0 when age < appliedAt.AddDays(10):
                break;
            case 1:
                var differs = rnd.Next(4) == 0;
                app.RegisterResult(ResultOutcome.Hired, null, differs, differs ? "勤務開始時刻が8時30分に変更" : null,
                    Common.JapanTime.DateOf(appliedAt).AddDays(14), i % 3 == 0 ? ResultChannel.StaffEntered : ResultChannel.EmployerOnline, Past(appliedAt.AddDays(7), now));
                break;
            case 2:
                app.RegisterResult(ResultOutcome.NotHired, 1 + rnd.Next(0, 7), false, null, null, ResultChannel.EmployerOnline, Past(appliedAt.AddDays(6), now));
                break;
            case 3 when appliedAt.AddHours(5) < appliedAt.AddDays(1):
                app.Cancel(appliedAt.AddHours(5));
                break;
            case 4:
                app.RegisterResult(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null, ResultChannel.EmployerOnline, Past(appliedAt.AddDays(3), now));
                break;
        }
        if (offer.AcceptsDocuments && app.Status == ApplicationStatus.InSelection && method != ApplicationMethod.CounterReferral)
        {
            db.ApplicationDocuments.Add(new ApplicationDocument(app.Id, "履歴書.pdf", Common.FileSniffer.Pdf, MinimalPdf("Rirekisho"), appliedAt));
        }
        return app;
    }

    /// <summary>A demo time that is meant to have happened: never later than now (a result is not registered in the future).</summary>
    private static DateTimeOffset Past(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now.AddMinutes(-30);

    /// <summary>The interview day the demo message proposes: the third working day after today (Japan time), written as a Japanese
    /// letter writes it, 「12月10日（木）」.</summary>
    private static string InterviewDay(DateTimeOffset now)
    {
        var day = Common.JapanTime.DateOf(now);
        for (var left = 3; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }
        return $"{day.Month}月{day.Day}日（{Documents.Pdf.JapaneseFormat.Weekday(day)}）";
    }

    /// <summary>A tiny valid PDF standing in for an uploaded résumé.</summary>
    public static byte[] MinimalPdf(string text) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj " +
        $"4 0 obj<</Length {30 + text.Length}>>stream\nBT /F1 24 Tf 72 760 Td ({text}) Tj ET\nendstream endobj " +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF");

    private string? _passwordHash;

    private async Task<AppUser> CreateUserAsync(string email, string role, string displayName, Action<AppUser> scope, DateTimeOffset now)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Role = role, CreatedAt = now };
        scope(user);
        // The demo accounts share one password, so they share one hash: each PBKDF2 hash is 100,000 iterations (≈ 60 ms of a
        // core), twelve of them a second of every cold start (issue 26). The hash is salted and verified as any other.
        user.PasswordHash = _passwordHash ??= users.PasswordHasher.HashPassword(user, Password);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
