extern alias web;

using HelloWork.Domain;
using System.Diagnostics;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using HelloWork.Testing;
using HelloWork.Domain.Notices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using web::HelloWork.Web.Mail;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>mail</c> (R-MAIL-1): mails a second from the outbox to a real SMTP server on loopback. A fresh database (SQLite
/// in bench-out, or <c>--pg</c>) gets <c>--users</c> confirmed accounts and <c>--mails</c> notices written through the real
/// <see cref="Operations"/> and notice outbox (so each notice writes its mail row as in the portal); then <c>--nodes</c>
/// dispatchers — the portal's own <see cref="MailDispatcher"/>, MailKit over SMTP, leases on the rows — send until the outbox is
/// empty. The loopback server counts deliveries per Message-Id: a row never delivered is lost, a Message-Id delivered twice a
/// duplicate. Writing the rows is not timed; sending is.
/// </summary>
public static class MailScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var mails = options.Int("mails", options.Quick ? 2_000 : 20_000);
        var users = options.Int("users", 200);
        var nodes = options.Int("nodes", 2);
        var folder = Path.Combine(RepoPaths.BenchOut, "mail-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var db = options.Postgres is { } pg
            ? new BenchDb(new DatabaseSettings("Postgres", pg))
            : new BenchDb(new DatabaseSettings("Sqlite", new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "mail.db"), Pooling = true }.ToString()));
        var report = new Report("mail");
        try
        {
            await using (var ctx = db.CreateContext())
            {
                if (!db.IsSqlite)
                {
                    await ctx.Database.EnsureDeletedAsync();
                }
                await ctx.Database.MigrateAsync();
                if (db.IsSqlite)
                {
                    await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                }
            }
            await using var services = db.Services();
            var ops = services.GetRequiredService<Operations>();
            var ids = await CreateUsersAsync(db, users);
            var write = Stopwatch.StartNew();
            for (var done = 0; done < mails;)
            {
                var n = Math.Min(500, mails - done);
                var from = done;
                await ops.RunAsync(Actor.System, async w =>
                {
                    for (var i = from; i < from + n; i++)
                    {
                        await w.Notices.AddAsync(Recipients.User(ids[i % ids.Count]), NoticeKind.ResultRegistered, null, null);
                    }
                });
                done += n;
            }
            write.Stop();
            await using (var ctx = db.CreateContext())
            {
                var rows = await ctx.OutboxMails.CountAsync();
                Console.WriteLine($"{rows:N0} outbox rows written with {mails:N0} notices in {write.Elapsed.TotalSeconds:N1} s ({db.Describe})");
            }

            await using var smtp = LoopbackSmtp.Start();
            var settings = new MailSettings
            {
                SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, StartTls = false, BatchSize = options.Int("batch", 100), BaseUrl = "https://portal.example.jp",
            };
            var environment = new HostingEnvironment { ContentRootPath = folder };
            var dispatchers = Enumerable.Range(0, nodes).Select(_ => new MailDispatcher(
                services.GetRequiredService<IDbContextFactory<Domain.Data.HelloWorkDb>>(), TimeProvider.System,
                new MailSender(settings, environment, NullLogger<MailSender>.Instance), new MailRenderer(settings), settings, new web::HelloWork.Web.Notices.NoticeRenderer(), new MailQueueSignal(ops))).ToList();

            var watch = Stopwatch.StartNew();
            var sentByNode = new int[nodes];
            await Task.WhenAll(dispatchers.Select((d, i) => Task.Run(async () =>
            {
                var idle = 0;
                while (idle < 3)
                {
                    var sent = await d.RunOnceAsync();
                    sentByNode[i] += sent;
                    idle = sent == 0 ? idle + 1 : 0;
                    if (sent == 0)
                    {
                        await Task.Delay(20);
                    }
                }
            })));
            var elapsed = watch.Elapsed.TotalSeconds;

            List<string> messageIds;
            int pending;
            await using (var ctx = db.CreateContext())
            {
                messageIds = await ctx.OutboxMails.Select(m => m.MessageId).ToListAsync();
                pending = await ctx.OutboxMails.CountAsync(m => m.Status != MailStatus.Sent);
            }
            var counts = smtp.CountByMessageId;
            var lost = messageIds.Count(id => !counts.ContainsKey(id));
            var duplicates = counts.Values.Sum(c => Math.Max(0, c - 1));
            var rate = messageIds.Count / elapsed;
            report.Row("rows", "nodes", "seconds", "mails/s", "delivered", "duplicates", "lost", "not sent");
            report.Row(messageIds.Count, nodes, elapsed, rate, smtp.Deliveries, duplicates, lost, pending);
            Console.WriteLine("per node: " + string.Join(", ", sentByNode.Select((n, i) => $"node {i + 1} sent {n:N0}")));
            report.Figure("mails", messageIds.Count);
            report.Figure("mails_per_s", rate);
            report.Figure("duplicates", duplicates);
            report.Figure("lost", lost);
            report.Figure("nodes", nodes);
            report.Figure("database", db.IsSqlite ? "sqlite" : "postgres");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.Flag("keep"))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
        report.Print();
        return 0;
    }

    private static async Task<List<Guid>> CreateUsersAsync(BenchDb db, int count)
    {
        await using var ctx = db.CreateContext();
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var email = $"bench-mail-{i:D5}@example.jp";
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = "ベンチ", Role = Roles.Jobseeker, CreatedAt = DateTimeOffset.UtcNow,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            ctx.Users.Add(user);
            ids.Add(user.Id);
        }
        await ctx.SaveChangesAsync();
        return ids;
    }
}
