using HelloWork.Domain;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Bookings;

/// <summary>Arrangements the booking tests share: jobseekers of office 1 with an account each (to be told), a counsellor, an event,
/// slots; and a second "node" — another <see cref="Operations"/> with its own connection pool and bus on the same database.</summary>
internal static class BookingWorld
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="count"/> jobseekers registered at office 1, each with a login user; their actors.</summary>
    public static async Task<List<Actor>> JobseekersAsync(DomainWorld d, int count, string prefix = "booker")
    {
        var now = d.Clock.GetUtcNow();
        return await d.WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == d.Office1.Id, Ct);
            var actors = new List<Actor>();
            for (var i = 0; i < count; i++)
            {
                var js = new Jobseeker($"予約 {prefix}{i}", "ヨヤク", new DateOnly(1970 + i % 30, 1, 1), null, null, null, now);
                js.RegisterAtOffice(office, now);
                db.Jobseekers.Add(js);
                var user = new AppUser { Id = Guid.NewGuid(), UserName = $"{prefix}{i}@example.jp", Email = $"{prefix}{i}@example.jp", Role = Roles.Jobseeker,
                    JobseekerId = js.Id, DisplayName = js.Name, CreatedAt = now, EmailConfirmed = true };
                db.Users.Add(user);
                actors.Add(new Actor(user.Id, Roles.Jobseeker, js.Name, JobseekerId: js.Id));
            }
            await db.SaveChangesAsync(Ct);
            return actors;
        });
    }

    /// <summary>A staff user of office 1 who holds counselling slots (the DomainWorld's staff actors have no user row).</summary>
    public static async Task<Actor> CounsellorAsync(DomainWorld d, Guid officeId, string name = "職業相談部門 高橋")
    {
        var user = new AppUser { Id = Guid.NewGuid(), UserName = $"c{Guid.NewGuid():N}@example.jp", Role = Roles.Staff, OfficeId = officeId,
            DisplayName = name, CreatedAt = d.Clock.GetUtcNow() };
        await d.WithDbAsync(db => { db.Users.Add(user); return db.SaveChangesAsync(Ct); });
        return new Actor(user.Id, Roles.Staff, name, OfficeId: officeId);
    }

    public static OfficeEventInput Seminar(DomainWorld d, int capacity, string title = "応募書類の書き方セミナー") =>
        new(EventKind.Seminar, title, "履歴書と職務経歴書の書き方を学びます。", d.Clock.GetUtcNow().AddDays(7), d.Clock.GetUtcNow().AddDays(7).AddHours(2),
            "ハローワーク飯田橋 3階会議室", null, capacity, d.Clock.GetUtcNow().AddDays(6));

    /// <summary>Node B: the same database through another pool (PostgreSQL: another application name) and another in-process bus.</summary>
    public static Operations SecondNode(DomainWorld d)
    {
        var options = new DbContextOptionsBuilder<HelloWorkDb>();
        if (d.IsPostgres)
        {
            options.UseNpgsql(d.ConnectionString + ";Application Name=hellowork-node-b", o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(d.ConnectionString);
        }
        return new Operations(new Factory(options.Options), d.Clock, new InProcessLiveBus(new LocalDispatcher()));
    }

    private sealed class Factory(DbContextOptions<HelloWorkDb> options) : IDbContextFactory<HelloWorkDb>
    {
        public HelloWorkDb CreateDbContext() => new(options);
    }
}
