using System.Globalization;
using System.Text.RegularExpressions;
using HelloWork.Testing;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using HelloWork.Web.Notices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// Notices are data (R-NTC-1): the domain stores kind, subject and arguments and knows no wording and no routes; the web
/// renders them by kind in the reader's language (R-UI-1); stored prose notices are converted by the migration. And the one
/// live pattern: no component subscribes to the bus (R-LIVE-1, R-LIVE-2).
/// </summary>
public sealed partial class NoticesAsDataTests(LiveHubFixture fixture) : IClassFixture<LiveHubFixture>
{
    private static readonly CultureInfo Japanese = new("ja-JP");
    private static readonly CultureInfo English = new("en");
    private static readonly string[] Audiences = ["user:", "est:", "office:", "agency:"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> FullArgs = new()
    {
        [NoticeArg.OfferTitle] = "一般事務", [NoticeArg.JobNumber] = "13010-00001261", [NoticeArg.EstablishmentName] = "株式会社テスト",
        [NoticeArg.OfficeName] = "ハローワーク飯田橋", [NoticeArg.ApplicantName] = "山田 太郎", [NoticeArg.AgencyName] = "テスト人材",
        [NoticeArg.Method] = "OnlineReferral", [NoticeArg.Result] = "Hired", [NoticeArg.Correction] = "賃金を確認してください",
        [NoticeArg.Caption] = "職場の様子", [NoticeArg.Reason] = "人物が写っています", [NoticeArg.Date] = "2026-12-29", [NoticeArg.Until] = "2027-01-03",
    };

    [Fact]
    public void Every_kind_renders_for_its_readers_in_Japanese_and_in_English_with_no_template_left_R_NTC_1_R_UI_1()
    {
        var renderer = new NoticeRenderer();
        var rendered = 0;
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            foreach (var audience in Audiences)
            {
                var (recipient, subject) = (audience + Guid.NewGuid(), Guid.NewGuid());
                var ja = renderer.Render(kind, recipient, subject, FullArgs, Japanese);
                var en = renderer.Render(kind, recipient, subject, FullArgs, English);
                foreach (var text in new[] { ja.Title, ja.Body, en.Title, en.Body })
                {
                    Assert.DoesNotMatch("[{}\\[\\]]", text);
                }
                Assert.NotEmpty(ja.Title);
                Assert.Equal(ja.Link, en.Link);
                if (ja.Link is not null)
                {
                    rendered++;
                    Assert.NotEqual(ja.Title, en.Title);
                    Assert.Matches("[ぁ-んァ-ン一-龯]", ja.Title);
                    Assert.DoesNotMatch("[ぁ-んァ-ン]", en.Title);
                }
            }
        }
        Assert.True(rendered >= 20, $"{rendered} kind/reader pairs with a link");
        // Arguments are formatted for the reader: enum members by label, dates as each language writes them.
        var accepted = new Dictionary<string, string>(FullArgs);
        Assert.Contains("2026年12月29日", renderer.Render(NoticeKind.OfferAccepted, "est:x", Guid.NewGuid(), accepted, Japanese).Body, StringComparison.Ordinal);
        Assert.Contains("December 29, 2026", renderer.Render(NoticeKind.OfferAccepted, "est:x", Guid.NewGuid(), accepted, English).Body, StringComparison.Ordinal);
        Assert.Equal("応募通知（オンラインハローワーク紹介）", renderer.Render(NoticeKind.ApplicationReceived, "est:x", null, accepted, Japanese).Title);
        Assert.Equal("New application (Online Hello Work referral)", renderer.Render(NoticeKind.ApplicationReceived, "est:x", null, accepted, English).Title);
    }

    [Fact]
    public void A_missing_argument_leaves_out_its_label_rather_than_printing_it_empty_R_NTC_1()
    {
        var renderer = new NoticeRenderer();
        var onlyTitle = new Dictionary<string, string> { [NoticeArg.OfferTitle] = "一般事務" };
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            foreach (var audience in Audiences)
            {
                foreach (var culture in new[] { Japanese, English })
                {
                    var body = renderer.Render(kind, audience + "x", Guid.NewGuid(), onlyTitle, culture).Body;
                    Assert.DoesNotContain("求人番号", body, StringComparison.Ordinal);
                    Assert.DoesNotContain("Job number", body, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("応募者 ", body, StringComparison.Ordinal);
                    Assert.DoesNotMatch("[：:]\\s*$|（）|\\(\\)", body);
                }
            }
        }
        Assert.Equal("一般事務", renderer.Render(NoticeKind.ResultRegistered, "user:x", Guid.NewGuid(), onlyTitle, Japanese).Body);
    }

    [Fact]
    public void The_domain_writes_no_web_route_and_no_component_subscribes_to_the_bus_R_NTC_1_R_LIVE_1_R_LIVE_2()
    {
        var root = PortalProcess.SolutionRoot();
        var routes = Directory.EnumerateFiles(Path.Combine(root, "HelloWork.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RouteLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value}"))
            .ToList();
        Assert.Empty(routes);

        var components = Path.Combine(root, "HelloWork.Web", "Components");
        var bus = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("ILiveBus", StringComparison.Ordinal) || File.ReadAllText(f).Contains("LiveRefresh", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.Empty(bus);
        Assert.True(Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories).Count(f => File.ReadAllText(f).Contains("<LiveUpdates", StringComparison.Ordinal)) >= 15);
    }

    [Fact]
    public async Task Stored_prose_notices_are_converted_to_kind_and_arguments_from_their_subject_R_NTC_1()
    {
        // A copy of a migrated, seeded database with the old prose columns put back and notices written the old way.
        var copy = Path.Combine(fixture.Database.Folder, $"convert-{Guid.NewGuid():N}.db");
        await using (var source = new SqliteConnection($"Data Source={fixture.Database.Path}"))
        {
            await source.OpenAsync(Ct);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{copy}'";
            await vacuum.ExecuteNonQueryAsync(Ct);
        }
        var options = new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite($"Data Source={copy};Pooling=false").Options;
        await using var db = new HelloWorkDb(options);
        var application = await db.Applications.AsNoTracking().Where(a => a.ReferralId != null && a.Method == HelloWork.Domain.Applications.ApplicationMethod.OnlineReferral).FirstAsync(Ct);
        var offer = await db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == application.JobOfferId, Ct);
        var name = await db.Jobseekers.Where(j => j.Id == application.JobseekerId).Select(j => j.Name).FirstAsync(Ct);
        var referral = await db.Referrals.AsNoTracking().FirstAsync(Ct);
        var referralOffer = await db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == referral.JobOfferId, Ct);
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE Notices ADD COLUMN Title TEXT NOT NULL DEFAULT ''", Ct);
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE Notices ADD COLUMN Body TEXT NOT NULL DEFAULT ''", Ct);
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE Notices ADD COLUMN Link TEXT NULL", Ct);
        var rows = new (string Recipient, NoticeKind Kind, string Title, Guid? Subject)[]
        {
            ("est:" + application.EstablishmentId, NoticeKind.ApplicationReceived, "応募通知（オンラインハローワーク紹介）", application.Id),
            ("office:" + referral.OfficeId, NoticeKind.Info, "紹介を送信しました", referral.Id),
            ("office:" + referral.OfficeId, NoticeKind.Info, "紹介が辞退されました", referral.Id),
            ("est:" + application.EstablishmentId, NoticeKind.ImageReviewed, "画像を公開しませんでした", Guid.NewGuid()),
            ("user:" + Guid.NewGuid(), NoticeKind.Info, "ハローワークでの求職登録のご案内", null),
        };
        var seq = 1_000_000;
        foreach (var (recipient, kind, title, subject) in rows)
        {
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            if (subject is { } about)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Notices (Id, Recipient, Seq, Kind, SubjectId, Args, CreatedAt, Title, Body, Link) VALUES ({0}, {1}, {2}, {3}, {4}, '{{}}', 0, {5}, '本文', '/employer/applicants')",
                    [id, recipient, seq++, (int)kind, about.ToString().ToUpperInvariant(), title], Ct);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Notices (Id, Recipient, Seq, Kind, SubjectId, Args, CreatedAt, Title, Body, Link) VALUES ({0}, {1}, {2}, {3}, NULL, '{{}}', 0, {4}, '本文', NULL)",
                    [id, recipient, seq++, (int)kind, title], Ct);
            }
        }

        foreach (var statement in NoticeArgsMigration.Statements(postgres: false))
        {
            await db.Database.ExecuteSqlRawAsync(statement.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), Ct);
        }

        var converted = await db.Notices.AsNoTracking().Where(n => n.Seq >= 1_000_000).OrderBy(n => n.Seq).ToListAsync(Ct);
        Assert.Equal([NoticeKind.ApplicationReceived, NoticeKind.ReferralSent, NoticeKind.ReferralDeclined, NoticeKind.ImageRefused, NoticeKind.Welcome],
            converted.Select(n => n.Kind));
        var received = NoticeArg.Read(converted[0].Args);
        Assert.Equal((offer.Title, offer.JobNumber ?? "", name, application.Method.ToString()),
            (received[NoticeArg.OfferTitle], received[NoticeArg.JobNumber], received[NoticeArg.ApplicantName], received[NoticeArg.Method]));
        Assert.Equal(referralOffer.JobNumber ?? "", NoticeArg.Read(converted[1].Args)[NoticeArg.JobNumber]);
        Assert.Empty(NoticeArg.Read(converted[3].Args)); // the image is gone: no arguments, still the right kind
        var text = new NoticeRenderer().Render(converted[0].Kind, converted[0].Recipient, converted[0].SubjectId, received, English);
        Assert.Equal(($"/employer/applicants/{application.Id}", "New application (Online Hello Work referral)"), (text.Link, text.Title));
        Assert.Contains(name, text.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"/(jobseeker|employer|staff|agency|admin|notices|jobs|search|Account)\\b")]
    private static partial Regex RouteLiteral();
}
