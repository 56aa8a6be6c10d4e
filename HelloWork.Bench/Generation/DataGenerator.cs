using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Bench.Generation;

/// <summary>What to generate. <see cref="Anchor"/> is "now" for the data: the same seed and anchor give the same rows.
/// <see cref="Offers"/> counts the offers that are published and open at the anchor (what the public search reads: the search benchmark asks for
/// 1,000,000 of them); drafts, offers under review, returned, filled, withdrawn and expired ones come on top, about 18 % more.</summary>
public sealed record GenerateSettings(int Offers, int Seed, double ApplicantsPerEstablishment, int BigApplicants, DateTimeOffset Anchor)
{
    /// <summary>About 0.7 establishments per offer, capped at the national figure of about 920,000 hiring establishments.</summary>
    public int Establishments => Math.Clamp((int)Math.Round(Offers * 0.7), 10, 920_000);

    /// <summary>At least one Hello Work office per prefecture; about 544 offices nationally.</summary>
    public int Offices => Math.Clamp(Offers / 2000, 47, 544);

    public int Jobseekers => Math.Max(20_000, Offers / 2);

    public int BigOffers => Math.Clamp(BigApplicants / 250, 1, Math.Max(1, Offers / 10));

    public int Applications => (int)Math.Round(Establishments * ApplicantsPerEstablishment);
}

public sealed record TableFigure(string Table, long Rows, double Seconds);

public sealed record GenerateResult(IReadOnlyList<TableFigure> Tables, double Seconds, Guid BigEstablishmentId, long DatabaseBytes)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Fills a freshly migrated database with national-scale, realistic Japanese data built through the domain's own model:
/// <see cref="Office"/>, <see cref="Establishment"/>, <see cref="Jobseeker"/>, <see cref="JobOffer"/> (submitted and accepted through
/// its methods, so job numbers, validity and search columns are the domain's), <see cref="Referral"/> and <see cref="Application"/>
/// (cancelled and results registered through their methods). Entities are built on one thread and written on another with
/// prepared INSERTs in large transactions; SQLite's secondary indexes are dropped during the load and rebuilt after it.
/// Establishment number 0 is the large employer with exactly <see cref="GenerateSettings.BigApplicants"/> applicants.
/// </summary>
public sealed class DataGenerator(BenchDb target, GenerateSettings s, TextWriter log)
{
    private const int CommitEvery = 50_000;

    private static readonly string[] Motivations =
    [
        "これまでの経験を活かし、貴社で長く働きたいと考え応募いたしました。",
        "地域に根ざした貴社の事業に魅力を感じ、応募いたしました。未経験ですが一生懸命取り組みます。",
        "前職で培った接客経験を活かし、お客様に喜ばれる仕事がしたいと考えています。",
        "子育てが一段落したため、家庭と両立しながら長く勤められる職場を探しておりました。",
        "資格取得支援制度があり、専門性を高めながら働ける点に惹かれました。",
    ];

    private readonly Random _rnd = new(s.Seed);
    private Office[] _offices = [];
    private readonly Random _benefitRnd = new(s.Seed + 22);
    private (Guid Id, int Office, bool Confirmed)[] _establishments = [];
    private (Guid Id, bool Full)[] _jobseekers = [];
    private readonly List<OfferInfo> _offers = [];

    private readonly record struct OfferInfo(Guid Id, int Establishment, int Office, long AcceptedTicks, long OpenUntilTicks, bool SelfApplication);

    public async Task<GenerateResult> RunAsync()
    {
        var total = Stopwatch.StartNew();
        log.WriteLine($"Generating into {target.Describe}: {s.Offers:N0} open offers (and about 18 % more in other states), {s.Establishments:N0} establishments, {s.Offices:N0} offices, "
            + $"{s.Jobseekers:N0} jobseekers, {s.Applications + s.BigApplicants:N0} applications (one establishment with {s.BigApplicants:N0}); seed {s.Seed}, anchor {s.Anchor:yyyy-MM-dd HH:mm}Z");
        await target.RecreateAsync();
        await using var db = target.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var dropped = new List<string>();
        if (target.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY;");
            dropped = await DropIndexesAsync(connection);
        }
        var tables = new List<TableFigure>();
        using (var offices = new BulkWriter<Office>(db))
        {
            tables.Add(Load(connection, "Offices", OfficeRows(offices), offices));
        }
        using (var establishments = new BulkWriter<Establishment>(db))
        {
            tables.Add(Load(connection, "Establishments", EstablishmentRows(establishments), establishments));
        }
        using (var jobseekers = new BulkWriter<Jobseeker>(db))
        {
            tables.Add(Load(connection, "Jobseekers", JobseekerRows(jobseekers), jobseekers));
        }
        using (var offers = new BulkWriter<JobOffer>(db))
        {
            tables.Add(Load(connection, "JobOffers", OfferRows(offers), offers));
        }
        using (var applications = new BulkWriter<Application>(db))
        using (var referrals = new BulkWriter<Referral>(db))
        {
            var watch = Stopwatch.StartNew();
            Load(connection, "Applications + Referrals", ApplicationRows(applications, referrals), applications, referrals);
            tables.Add(new TableFigure("Applications", applications.Count, watch.Elapsed.TotalSeconds));
            tables.Add(new TableFigure("Referrals", referrals.Count, 0));
        }
        // The offices' serials moved while offers were accepted and jobseekers registered: store where they ended.
        foreach (var office in _offices)
        {
            var entry = db.Offices.Attach(office);
            entry.Property(o => o.Version).OriginalValue = 0u;
            entry.Property(o => o.LastJobSerial).IsModified = true;
            entry.Property(o => o.LastJobseekerSerial).IsModified = true;
            entry.Property(o => o.Version).IsModified = true;
        }
        await db.SaveChangesAsync();
        {
            // ハロートレーニング nationwide (R-TRN-1): about six courses per office, each in its office's prefecture.
            var watch = Stopwatch.StartNew();
            var courses = HelloWork.Domain.Bookings.TrainingCatalogue.Generate(new Random(s.Seed), _offices, _offices.Length * 6,
                HelloWork.Domain.Common.JapanTime.DateOf(s.Anchor), s.Anchor).ToList();
            db.TrainingCourses.AddRange(courses);
            await db.SaveChangesAsync();
            tables.Add(new TableFigure("TrainingCourses", courses.Count, watch.Elapsed.TotalSeconds));
        }
        if (dropped.Count > 0)
        {
            var watch = Stopwatch.StartNew();
            log.Write($"Rebuilding {dropped.Count} indexes ...");
            foreach (var sql in dropped)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
            log.WriteLine($" {watch.Elapsed.TotalSeconds:N1} s");
            tables.Add(new TableFigure("(index rebuild)", 0, watch.Elapsed.TotalSeconds));
        }
        if (target.IsSqlite)
        {
            var watch = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA journal_mode=WAL;");
            tables.Add(new TableFigure("(analyze)", 0, watch.Elapsed.TotalSeconds));
        }
        await db.Database.CloseConnectionAsync();
        var bytes = target.IsSqlite ? new FileInfo(target.Describe).Length : 0;
        return new GenerateResult(tables, total.Elapsed.TotalSeconds, _establishments[0].Id, bytes);
    }

    /// <summary>Builds rows on a background thread and inserts them here, committing every <see cref="CommitEvery"/> rows.</summary>
    private TableFigure Load(DbConnection connection, string name, IEnumerable<(IRowSink Sink, object?[] Row)> rows, params IRowSink[] sinks)
    {
        var watch = Stopwatch.StartNew();
        using var queue = new BlockingCollection<(IRowSink, object?[])>(20_000);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var row in rows)
                {
                    queue.Add(row);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        long count = 0;
        var tx = connection.BeginTransaction();
        var lastReport = watch.Elapsed;
        try
        {
            foreach (var sink in sinks)
            {
                sink.Transaction = tx;
            }
            foreach (var (sink, row) in queue.GetConsumingEnumerable())
            {
                sink.Insert(row);
                if (++count % CommitEvery == 0)
                {
                    tx.Commit();
                    tx.Dispose();
                    tx = connection.BeginTransaction();
                    foreach (var s in sinks)
                    {
                        s.Transaction = tx;
                    }
                    if (watch.Elapsed - lastReport > TimeSpan.FromSeconds(10))
                    {
                        lastReport = watch.Elapsed;
                        log.WriteLine($"  {name}: {count:N0} rows, {count / watch.Elapsed.TotalSeconds:N0} rows/s");
                    }
                }
            }
            tx.Commit();
        }
        finally
        {
            tx.Dispose();
        }
        producer.GetAwaiter().GetResult();
        var figure = new TableFigure(name, count, watch.Elapsed.TotalSeconds);
        log.WriteLine($"{name}: {count:N0} rows in {figure.Seconds:N1} s ({count / Math.Max(figure.Seconds, 1e-9):N0} rows/s)");
        return figure;
    }

    private static async Task<List<string>> DropIndexesAsync(DbConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
                + "('Establishments', 'Jobseekers', 'JobOffers', 'Applications', 'Referrals')";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DROP INDEX \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }
        return [.. indexes.Select(i => i.Sql)];
    }

    private IEnumerable<(IRowSink, object?[])> OfficeRows(BulkWriter<Office> writer)
    {
        // Offices per prefecture in proportion to its weight, at least one each.
        var perPrefecture = Prefectures.All.Select(p => Math.Max(1, (int)Math.Round((double)s.Offices * p.Weight / Prefectures.TotalWeight))).ToArray();
        var list = new List<Office>();
        foreach (var p in Prefectures.All)
        {
            var place = p.Places[0];
            for (var k = 0; k < perPrefecture[p.Code - 1]; k++)
            {
                var suffix = k < Prefectures.OfficeSuffixes.Length ? Prefectures.OfficeSuffixes[k] : $"第{k + 1}";
                var city = place.Municipality.Replace("市", "", StringComparison.Ordinal).Split('区')[0];
                var office = new Office($"{p.Code:D2}{(k + 1) * 10:D3}", $"ハローワーク{city}{suffix}", p.Name,
                    $"{p.Name}{place.Municipality}{Prefectures.Towns[(k + p.Code) % Prefectures.Towns.Length]}{1 + k % 9}-{2 + k % 7}-{1 + k % 5}",
                    $"0{p.Code % 9 + 1}-{1000 + _rnd.Next(9000)}-{8609 - k}");
                SetId(office, NextGuid());
                list.Add(office);
            }
        }
        _offices = [.. list];
        return _offices.Select(o => ((IRowSink)writer, writer.ToRow(o)));
    }

    private IEnumerable<(IRowSink, object?[])> EstablishmentRows(BulkWriter<Establishment> writer)
    {
        _establishments = new (Guid, int, bool)[s.Establishments];
        var officesByPrefecture = _offices.Select((o, i) => (o, i)).GroupBy(x => x.o.Prefecture).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var serials = new int[_offices.Length];
        for (var i = 0; i < _establishments.Length; i++)
        {
            var big = i == 0;
            var pref = big ? Prefectures.All[12] : Prefectures.Pick(_rnd);
            var officeIndexes = officesByPrefecture[pref.Name];
            var officeIndex = officeIndexes[_rnd.Next(officeIndexes.Length)];
            var office = _offices[officeIndex];
            var place = pref.Places[_rnd.Next(pref.Places.Length)];
            var company = Vocabulary.CompanyNames[_rnd.Next(Vocabulary.CompanyNames.Length)];
            var prefix = Vocabulary.CompanyPrefixes[_rnd.Next(Vocabulary.CompanyPrefixes.Length)];
            var branch = big ? "" : _rnd.Next(3) == 0 ? $" {place.Municipality}{(_rnd.Next(2) == 0 ? "営業所" : "事業所")}" : "";
            var name = big ? "株式会社みらいホールディングス" : prefix + company + branch;
            var address = $"{pref.Name}{place.Municipality}{Prefectures.Towns[_rnd.Next(Prefectures.Towns.Length)]}{1 + _rnd.Next(9)}-{1 + _rnd.Next(30)}-{1 + _rnd.Next(20)}";
            var created = s.Anchor.AddDays(-_rnd.Next(30, 3650)).AddSeconds(-_rnd.Next(86_400));
            var employees = big ? 12_000 : _rnd.Next(10) == 0 ? 100 + _rnd.Next(2000) : 1 + _rnd.Next(99);
            var est = new Establishment(office.Id, Establishment.FormatNumber(office.Code, ++serials[officeIndex]), name, "", place.PostalCode, pref.Name,
                address, Vocabulary.Occupations[_rnd.Next(Vocabulary.Occupations.Length)].Industry, employees, created);
            SetId(est, NextGuid());
            var confirmed = big || _rnd.Next(100) < 97;
            if (confirmed)
            {
                est.Confirm(created.AddDays(_rnd.Next(1, 14)));
            }
            if (_rnd.Next(3) != 0)
            {
                est.MarkOpenedOnline();
            }
            if (_rnd.Next(2) == 0)
            {
                est.UpdateProfile("地域に根ざして事業を展開しています。働く人を大切にし、長く安心して働ける職場づくりに取り組んでいます。", null);
            }
            _establishments[i] = (est.Id, officeIndex, confirmed);
            yield return (writer, writer.ToRow(est));
        }
    }

    private IEnumerable<(IRowSink, object?[])> JobseekerRows(BulkWriter<Jobseeker> writer)
    {
        _jobseekers = new (Guid, bool)[s.Jobseekers];
        var today = JapanTime.DateOf(s.Anchor);
        for (var i = 0; i < _jobseekers.Length; i++)
        {
            var f = _rnd.Next(Vocabulary.FamilyNames.Length);
            var g = _rnd.Next(Vocabulary.GivenNames.Length);
            var created = s.Anchor.AddDays(-_rnd.Next(1, 400)).AddSeconds(-_rnd.Next(86_400));
            var birth = today.AddYears(-18 - _rnd.Next(0, 50)).AddDays(-_rnd.Next(0, 365));
            var pref = Prefectures.Pick(_rnd);
            var place = pref.Places[_rnd.Next(pref.Places.Length)];
            var js = new Jobseeker($"{Vocabulary.FamilyNames[f]} {Vocabulary.GivenNames[g]}", $"{Vocabulary.FamilyKana[f]} {Vocabulary.GivenKana[g]}", birth,
                $"090-{_rnd.Next(1000, 9999)}-{_rnd.Next(1000, 9999)}", place.PostalCode,
                $"{pref.Name}{place.Municipality}{Prefectures.Towns[_rnd.Next(Prefectures.Towns.Length)]}{1 + _rnd.Next(9)}-{1 + _rnd.Next(20)}", created);
            SetId(js, NextGuid());
            var full = _rnd.Next(10) < 7;
            if (full)
            {
                var registered = created.AddDays(_rnd.Next(0, 7));
                js.RegisterAtOffice(_offices[_rnd.Next(_offices.Length)], registered);
                // 雇用保険 受給資格: about 40 % of registered jobseekers, decided within two weeks of registering (the early re-employment
                // count, R-EVAL-1). Its own random stream, so every other column stays as the seed made it before.
                if (_benefitRnd.Next(100) < 40 && JapanTime.DateOf(registered).AddDays(_benefitRnd.Next(0, 14)) is var decided && decided <= today)
                {
                    js.UpdateBenefit(new BenefitEligibility(true, BenefitEligibility.LawfulDays[_benefitRnd.Next(BenefitEligibility.LawfulDays.Count)], decided), s.Anchor);
                }
            }
            var occ = Vocabulary.Occupations[_rnd.Next(Vocabulary.Occupations.Length)];
            js.UpdateWishes(new JobseekerWishes
            {
                DesiredOccupation = occ.Title,
                DesiredOccupationCode = occ.Code,
                DesiredPrefecture = pref.Name,
                DesiredMonthlyWage = 180_000 + _rnd.Next(0, 15) * 10_000,
                DesiredEmploymentType = _rnd.Next(3) == 0 ? "パート" : "正社員",
                Qualifications = _rnd.Next(2) == 0 ? "普通自動車運転免許" : "普通自動車運転免許、日商簿記3級",
                Experience = $"{occ.Title}の経験{1 + _rnd.Next(15)}年",
                WorkHistory = "2012年4月〜2019年3月 小売業にて販売\n2019年4月〜2025年9月 製造業にて品質管理",
            }, created);
            js.SetConsent((ProvisionConsent)_rnd.Next(4), created);
            js.SetProfilePublic(_rnd.Next(3) == 0, created);
            _jobseekers[i] = (js.Id, full);
            yield return (writer, writer.ToRow(js));
        }
    }

    private IEnumerable<(IRowSink, object?[])> OfferRows(BulkWriter<JobOffer> writer)
    {
        _offers.Clear();
        var open = 0;
        var anchorDate = JapanTime.DateOf(s.Anchor);
        for (var i = 0; open < s.Offers; i++)
        {
            var big = i < s.BigOffers;
            var estIndex = big ? 0 : 1 + _rnd.Next(_establishments.Length - 1);
            var est = _establishments[estIndex];
            var office = _offices[est.Office];
            var occ = Vocabulary.Occupations[_rnd.Next(Vocabulary.Occupations.Length)];
            var pref = Prefectures.All.First(p => p.Name == office.Prefecture);
            var place = pref.Places[_rnd.Next(pref.Places.Length)];
            var estName = big ? "株式会社みらいホールディングス" : $"{Vocabulary.CompanyPrefixes[estIndex % Vocabulary.CompanyPrefixes.Length]}{Vocabulary.CompanyNames[estIndex % Vocabulary.CompanyNames.Length]}";
            var address = $"{pref.Name}{place.Municipality}{place.Address}";
            var sheet = SampleSheets.Build(_rnd, occ, place, estName, "", address, big ? 12_000 : 5 + estIndex % 300);
            if (big)
            {
                // The large employer recruits nationally, online, and accepts self-applications.
                sheet = sheet with { Basics = sheet.Basics with { OnlineSelfApplication = true, Scope = PublicationScope.PublicWithName } };
            }
            var kind = big ? (_rnd.Next(4) == 0 ? "published" : "aged") : _rnd.Next(100) switch
            {
                < 2 => "draft",
                < 5 => "submitted",
                < 7 => "returned",
                < 12 => "aged",
                < 14 => "filled",
                < 15 => "withdrawn",
                _ => "published",
            };
            if (!est.Confirmed && kind is not "draft")
            {
                kind = "submitted";
            }
            var created = kind switch
            {
                "aged" => s.Anchor.AddDays(-(big ? _rnd.Next(60, 360) : _rnd.Next(100, 300))),
                "filled" or "withdrawn" => s.Anchor.AddDays(-_rnd.Next(20, 55)),
                _ => s.Anchor.AddDays(-_rnd.Next(1, 55)),
            };
            created = created.AddSeconds(-_rnd.Next(86_400));
            var offer = new JobOffer(est.Id, _rnd.Next(3) == 0 ? OfferChannel.Counter : OfferChannel.Online, sheet, created);
            SetId(offer, NextGuid());
            long accepted = 0, openUntil = 0;
            if (kind != "draft")
            {
                offer.Submit(created.AddHours(2));
            }
            if (kind == "returned")
            {
                offer.Return("就業場所の最寄り駅からの所要時間と、固定残業代の有無を確認のうえ修正してください。", created.AddDays(1));
            }
            if (kind is "published" or "aged" or "filled" or "withdrawn")
            {
                offer.Accept(office, created.AddDays(1));
                accepted = offer.AcceptedAt!.Value.UtcTicks;
                openUntil = Math.Min(JapanTime.EndOf(offer.ValidUntil!.Value).UtcTicks, s.Anchor.UtcTicks);
                if (kind is "filled" or "withdrawn")
                {
                    var closeAt = created.AddDays(1 + _rnd.Next(5, 19));
                    offer.Close(kind == "filled" ? InvalidReason.Filled : InvalidReason.Withdrawn, closeAt);
                    openUntil = closeAt.UtcTicks;
                }
                offer.ExpireIfDue(s.Anchor);
            }
            if (offer.Status == OfferStatus.Published && offer.ValidUntil >= anchorDate)
            {
                open++;
            }
            _offers.Add(new OfferInfo(offer.Id, estIndex, est.Office, accepted, openUntil, offer.SelfApplication));
            yield return (writer, writer.ToRow(offer));
        }
    }

    private IEnumerable<(IRowSink, object?[])> ApplicationRows(BulkWriter<Application> applications, BulkWriter<Referral> referrals)
    {
        var accepted = Enumerable.Range(s.BigOffers, _offers.Count - s.BigOffers).Where(i => _offers[i].AcceptedTicks > 0).ToArray();
        var bigOffers = Enumerable.Range(0, s.BigOffers).Where(i => _offers[i].AcceptedTicks > 0).ToArray();
        var pairs = new HashSet<long>();
        var staff = _offices.Select(o => (Id: NextGuid(), Name: $"職業相談部門 {Vocabulary.FamilyNames[_rnd.Next(Vocabulary.FamilyNames.Length)]}")).ToArray();
        var total = s.BigApplicants + (accepted.Length == 0 ? 0 : s.Applications);
        for (var k = 0; k < total; k++)
        {
            var pool = k < s.BigApplicants ? bigOffers : accepted;
            int offerIndex, jsIndex;
            do
            {
                offerIndex = pool[_rnd.Next(pool.Length)];
                jsIndex = _rnd.Next(_jobseekers.Length);
            }
            while (!pairs.Add((long)offerIndex * _jobseekers.Length + jsIndex)
                || (!_jobseekers[jsIndex].Full && !_offers[offerIndex].SelfApplication)
                || _offers[offerIndex].OpenUntilTicks - _offers[offerIndex].AcceptedTicks < TimeSpan.TicksPerHour * 2);
            var offer = _offers[offerIndex];
            var js = _jobseekers[jsIndex];
            var appliedAt = new DateTimeOffset(offer.AcceptedTicks + TimeSpan.TicksPerHour
                + (long)(_rnd.NextDouble() * (offer.OpenUntilTicks - offer.AcceptedTicks - TimeSpan.TicksPerHour)), TimeSpan.Zero);
            var method = offer.SelfApplication && (!js.Full || _rnd.Next(100) < 45) ? ApplicationMethod.SelfApplication
                : _rnd.Next(100) < 55 ? ApplicationMethod.OnlineReferral : ApplicationMethod.CounterReferral;
            Referral? referral = null;
            if (method != ApplicationMethod.SelfApplication)
            {
                var sent = appliedAt.AddHours(-_rnd.Next(1, 72));
                var (staffId, staffName) = staff[offer.Office];
                referral = new Referral(offer.Id, js.Id, _offices[offer.Office].Id, staffId, staffName,
                    method == ApplicationMethod.OnlineReferral ? ReferralKind.Online : ReferralKind.Counter, EmployerConfirmation.Confirmed, null,
                    sent, sent + Referral.DefaultApplicationPeriod);
                SetId(referral, NextGuid());
            }
            var app = new Application(offer.Id, _establishments[offer.Establishment].Id, js.Id, method, referral?.Id,
                method == ApplicationMethod.CounterReferral ? "" : Motivations[_rnd.Next(Motivations.Length)], appliedAt,
                applicantHasMypage: method != ApplicationMethod.CounterReferral || _rnd.Next(2) == 0);
            SetId(app, NextGuid());
            referral?.Establish(app.Id, appliedAt);
            Decide(app, appliedAt);
            yield return (applications, applications.ToRow(app));
            if (referral is not null)
            {
                yield return (referrals, referrals.ToRow(referral));
            }
        }
    }

    /// <summary>Selection as it goes: most recent applications are still in selection; older ones have results, some cancelled.</summary>
    private void Decide(Application app, DateTimeOffset appliedAt)
    {
        var roll = _rnd.Next(100);
        if (roll < 7)
        {
            var at = appliedAt.AddHours(_rnd.Next(1, 23));
            if (at < s.Anchor)
            {
                app.Cancel(at);
            }
            return;
        }
        var resultAt = appliedAt.AddDays(_rnd.Next(3, 21)).AddMinutes(_rnd.Next(600));
        if (roll < 45 || resultAt >= s.Anchor)
        {
            return;
        }
        if (roll < 60)
        {
            var differs = _rnd.Next(10) == 0;
            app.RegisterResult(ResultOutcome.Hired, null, differs, differs ? "勤務開始時刻が8時30分に変更" : null,
                JapanTime.DateOf(resultAt).AddDays(_rnd.Next(7, 30)), _rnd.Next(4) == 0 ? ResultChannel.StaffEntered : ResultChannel.EmployerOnline, resultAt);
        }
        else if (roll < 68)
        {
            app.RegisterResult(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null, ResultChannel.EmployerOnline, resultAt);
        }
        else
        {
            app.RegisterResult(ResultOutcome.NotHired, 1 + _rnd.Next(7), false, null, null,
                _rnd.Next(4) == 0 ? ResultChannel.StaffEntered : ResultChannel.EmployerOnline, resultAt);
        }
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rnd.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>Entities take a random id in their constructor; a seeded one makes the data set reproducible.</summary>
    private static void SetId<T>(T entity, Guid id) where T : class => IdSetter<T>.Set(entity, id);

    private static class IdSetter<T> where T : class
    {
        public static readonly Action<T, Guid> Set = typeof(T).GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)!
            .GetSetMethod(nonPublic: true)!.CreateDelegate<Action<T, Guid>>();
    }
}
