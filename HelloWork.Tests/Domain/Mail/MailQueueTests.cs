using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Mail;

/// <summary>
/// Who gets a notice mail, in the domain (R-MAIL-1, R-MAIL-3): the mail row is written by the notice outbox in the operation's
/// transaction for each person behind the recipient who chose "immediately" and has a confirmed address; "daily" people get one
/// digest a Japan-time day from 08:00 with the count; "none" gets nothing; offices, unconfirmed addresses and disabled login users
/// get nothing; no row carries the notice's title or body (R-MAIL-4).
/// </summary>
public sealed class MailQueueTests
{
    private static async Task<Guid> UserAsync(DomainWorld w, string email, bool confirmed = true, Guid? establishmentId = null, bool disabled = false)
    {
        var id = Guid.NewGuid();
        await w.WithDbAsync(async db =>
        {
            db.Users.Add(new AppUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = confirmed, DisplayName = "名前", Role = establishmentId is null ? Roles.Jobseeker : Roles.Employer,
                EstablishmentId = establishmentId, CreatedAt = w.Clock.GetUtcNow(), LockoutEnd = disabled ? EstablishmentUsers.DisabledUntil : null,
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private static Task NoticeAsync(DomainWorld w, string recipient, NoticeKind kind = NoticeKind.ResultRegistered, Guid? subject = null) =>
        w.Ops.RunAsync(Actor.System, x => x.Notices.AddAsync(recipient, kind, subject, new Dictionary<string, string>
        {
            [NoticeArg.OfferTitle] = "秘密のタイトル", [NoticeArg.ApplicantName] = "山田太郎", [NoticeArg.Caption] = "本文 090-0000-0000",
            [NoticeArg.JobNumber] = "13010-00000001",
        }));

    private static Task<List<OutboxMail>> RowsAsync(DomainWorld w) => w.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync());

    private static Task SetAsync(DomainWorld w, Guid userId, MailMode mode) => w.WithDbAsync(async db =>
    {
        var p = new MailPreference(userId, w.Clock.GetUtcNow());
        p.Set(mode, "ja", w.Clock.GetUtcNow());
        db.MailPreferences.Add(p);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Each_choice_decides_who_gets_a_notice_mail_R_MAIL_3()
    {
        await using var w = await DomainWorld.CreateAsync();
        var immediate = await UserAsync(w, "immediate@example.jp");
        var none = await UserAsync(w, "none@example.jp");
        var daily = await UserAsync(w, "daily@example.jp");
        var unconfirmed = await UserAsync(w, "unconfirmed@example.jp", confirmed: false);
        await SetAsync(w, none, MailMode.None);
        await SetAsync(w, daily, MailMode.Daily);

        foreach (var id in new[] { immediate, none, daily, unconfirmed })
        {
            await NoticeAsync(w, Recipients.User(id));
        }
        await NoticeAsync(w, Recipients.Office(w.Office1.Id));
        await NoticeAsync(w, Recipients.User(immediate), NoticeKind.Info); // not a mailed kind

        var rows = await RowsAsync(w);
        var row = Assert.Single(rows);
        Assert.Equal(immediate, row.UserId);
        Assert.Equal(NoticeKind.ResultRegistered, row.NoticeKind);
        // The web renders the link from the notice (R-NTC-1): the row names the notice, not a route.
        Assert.Null(row.Link);
        Assert.NotNull(row.NoticeId);
        // R-MAIL-4: of the notice's data only the job number is in the row, never a name or a text.
        Assert.DoesNotContain("山田", row.Detail ?? "");
        Assert.Equal("13010-00000001", row.Detail);
    }

    [Fact]
    public async Task An_establishment_notice_mails_each_enabled_confirmed_user_of_it_R_MAIL_1()
    {
        await using var w = await DomainWorld.CreateAsync();
        var a = await UserAsync(w, "a@example.jp", establishmentId: w.Establishment1.Id);
        var b = await UserAsync(w, "b@example.jp", establishmentId: w.Establishment1.Id);
        await UserAsync(w, "disabled@example.jp", establishmentId: w.Establishment1.Id, disabled: true);
        await UserAsync(w, "other@example.jp", establishmentId: w.Establishment2.Id);

        await NoticeAsync(w, Recipients.Establishment(w.Establishment1.Id), NoticeKind.ApplicationReceived);

        Assert.Equal(new[] { a, b }.Order(), (await RowsAsync(w)).Select(r => r.UserId!.Value).Order());
    }

    [Fact]
    public async Task Messages_mail_once_per_thread_per_hour_R_MAIL_3()
    {
        await using var w = await DomainWorld.CreateAsync();
        var user = await UserAsync(w, "thread@example.jp");
        var thread = Guid.NewGuid();
        await NoticeAsync(w, Recipients.User(user), NoticeKind.MessageReceived, thread);
        await NoticeAsync(w, Recipients.User(user), NoticeKind.MessageReceived, thread);
        await NoticeAsync(w, Recipients.User(user), NoticeKind.MessageReceived, Guid.NewGuid()); // another thread
        Assert.Equal(2, (await RowsAsync(w)).Count);
        w.Clock.Advance(MailQueue.ThreadWindow + TimeSpan.FromSeconds(1));
        await NoticeAsync(w, Recipients.User(user), NoticeKind.MessageReceived, thread);
        Assert.Equal(3, (await RowsAsync(w)).Count);
    }

    [Fact]
    public async Task The_daily_digest_counts_new_notices_once_a_day_from_eight_Japan_time_R_MAIL_3()
    {
        await using var w = await DomainWorld.CreateAsync();
        // 07:00 Japan time.
        var today = JapanTime.DateOf(w.Clock.GetUtcNow()).AddDays(1);
        w.Clock.SetUtcNow(JapanTime.StartOf(today).AddHours(7));
        var user = await UserAsync(w, "digest@example.jp");
        await SetAsync(w, user, MailMode.Daily);
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        await NoticeAsync(w, Recipients.User(user));
        await NoticeAsync(w, Recipients.User(user), NoticeKind.ApplicationReceived);
        var digests = new MailDigests(w.Ops);

        Assert.Equal(0, await digests.RunAsync()); // before 08:00
        w.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await digests.RunAsync());
        Assert.Equal(0, await digests.RunAsync()); // once a day
        var row = Assert.Single(await RowsAsync(w));
        Assert.Equal(MailKind.Digest, row.Kind);
        Assert.Equal("2", row.Detail);

        w.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await digests.RunAsync()); // nothing new: no mail
    }
}
