using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using HelloWork.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// The referral deadline reminder (R-REF-3, R-MAIL-1, R-MAIL-3): two days before a proposed referral's deadline (Japan
/// time, R-TIME-1) the periodic sweep writes one notice of kind <see cref="NoticeKind.ReferralDeadlineSoon"/> to the jobseeker,
/// which mails by the jobseeker's choice through the outbox — once per referral, whatever the sweeps and restarts: the portal
/// that was down when the time came reminds at its start-up sweep, and the next start writes nothing more.
/// </summary>
public sealed class ReferralDeadlineMailTests : IDisposable
{
    private readonly SweepFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SweepPortal<ReferralDeadlineSweeper> Portal(FakeTimeProvider clock) => new(_folder, clock, ReferralDeadlineOptions.Section);

    private static Task<List<Notice>> RemindersAsync(SweepPortal<ReferralDeadlineSweeper> portal) =>
        portal.DbAsync(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.ReferralDeadlineSoon).ToListAsync());

    [Fact]
    public async Task Two_days_before_the_deadline_in_Japan_time_the_jobseeker_is_told_once_across_sweeps_and_restarts_R_MAIL_1_R_MAIL_3()
    {
        // 10:00 in Japan: the demo's referrals were sent yesterday with six days to go.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        List<Referral> proposed;
        Guid userId;
        await using (var first = Portal(clock))
        {
            _ = first.Services; // start: migrations, demo data, the start-up sweep
            await first.WaitForSweepsAsync(1);
            var now = clock.GetUtcNow();
            proposed = await first.DbAsync(db => db.Referrals.AsNoTracking()
                .Where(r => r.Status == ReferralStatus.Proposed && r.Deadline > now).OrderBy(r => r.Deadline).ToListAsync());
            Assert.NotEmpty(proposed);
            Assert.All(proposed, r => Assert.True(r.Deadline - now > ReferralDeadlineReminders.LeadTime, "the demo's deadlines are further off"));
            Assert.Empty(await RemindersAsync(first)); // nothing due at start-up
            userId = await first.DbAsync(db => db.Users.Where(u => u.JobseekerId == proposed[0].JobseekerId).Select(u => u.Id).SingleAsync());

            // A minute before two days ahead of the deadline the hourly sweep still says nothing.
            var remindAt = proposed[0].Deadline - ReferralDeadlineReminders.LeadTime;
            var sweeps = first.Sweeper.Sweeps;
            clock.SetUtcNow(remindAt - TimeSpan.FromMinutes(1)); // fires the due hourly ticks
            await first.WaitForSweepsAsync(sweeps + 1);
            await first.Sweeper.SweepOnceAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await RemindersAsync(first));
        }

        // The portal is down when the time comes; it starts again half an hour later and reminds at its start-up sweep.
        clock.Advance(TimeSpan.FromMinutes(31));
        var due = proposed.Where(r => r.Deadline - clock.GetUtcNow() <= ReferralDeadlineReminders.LeadTime).ToList();
        await using (var second = Portal(clock))
        {
            _ = second.Services;
            await second.WaitForSweepsAsync(1);
            var reminders = await RemindersAsync(second);
            Assert.Equal(due.Select(r => r.Id).Order(), reminders.Select(n => n.SubjectId!.Value).Order());
            var notice = reminders.First(n => n.SubjectId == proposed[0].Id);
            Assert.Equal(Recipients.User(userId), notice.Recipient);
            // The deadline's date as a person in Japan reads it (the day that ends at the deadline).
            Assert.Equal(NoticeArg.DateValue(JapanTime.DateOf(proposed[0].Deadline.AddTicks(-1))), NoticeArg.Read(notice.Args)[NoticeArg.Date]);
            // By the jobseeker's choice (the default: at once), one mail per reminder, written with it.
            Assert.Equal(due.Count, await second.DbAsync(db => db.OutboxMails.CountAsync(m => m.UserId == userId
                && m.Kind == MailKind.Notice && m.NoticeKind == NoticeKind.ReferralDeadlineSoon)));
            Assert.All(await second.DbAsync(db => db.Referrals.Where(r => due.Select(d => d.Id).Contains(r.Id)).ToListAsync()),
                r => Assert.NotNull(r.DeadlineRemindedAt));

            // More sweeps write nothing more.
            await second.Sweeper.SweepOnceAsync(TestContext.Current.CancellationToken);
            clock.Advance(TimeSpan.FromHours(1));
            await second.WaitForSweepsAsync(3);
            Assert.Equal(due.Count, (await RemindersAsync(second)).Count);
        }

        // Nor does the next start.
        await using var third = Portal(clock);
        _ = third.Services;
        await third.WaitForSweepsAsync(1);
        Assert.Equal(due.Count, (await RemindersAsync(third)).Count);
        Assert.Equal(due.Count, await third.DbAsync(db => db.OutboxMails.CountAsync(m => m.NoticeKind == NoticeKind.ReferralDeadlineSoon)));
    }

    [Fact]
    public async Task A_jobseeker_who_chose_no_mail_gets_the_notice_and_no_mail_R_MAIL_3()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var portal = Portal(clock);
        _ = portal.Services;
        await portal.WaitForSweepsAsync(1);
        var now = clock.GetUtcNow();
        var referral = await portal.DbAsync(db => db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Proposed && r.Deadline > now).OrderBy(r => r.Deadline).FirstAsync());
        var user = await portal.DbAsync(db => db.Users.Where(u => u.JobseekerId == referral.JobseekerId).Select(u => u.Id).SingleAsync());
        var jobseeker = new Actor(user, HelloWork.Domain.Accounts.Roles.Jobseeker, "jobseeker", JobseekerId: referral.JobseekerId);
        await portal.Services.GetRequiredService<MailPreferences>().SetAsync(jobseeker, MailMode.None, "ja");

        clock.SetUtcNow(referral.Deadline - ReferralDeadlineReminders.LeadTime + TimeSpan.FromMinutes(1));
        await portal.Sweeper.SweepOnceAsync(TestContext.Current.CancellationToken);

        Assert.Contains(await RemindersAsync(portal), n => n.SubjectId == referral.Id && n.Recipient == Recipients.User(user));
        Assert.Equal(0, await portal.DbAsync(db => db.OutboxMails.CountAsync(m => m.NoticeKind == NoticeKind.ReferralDeadlineSoon)));
    }

    [Fact]
    public async Task A_deadline_date_ends_at_midnight_in_Japan_and_the_reminder_comes_at_midnight_two_days_before_R_TIME_1_R_MAIL_3()
    {
        // 10:00 in Japan on 7 December; staff send a referral whose deadline is the 12th (it ends at 24:00 on the 12th, Japan time).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var portal = Portal(clock);
        _ = portal.Services;
        await portal.WaitForSweepsAsync(1);
        var staff = await ActorAsync(portal, "staff1@example.jp");
        var jobseeker = await ActorAsync(portal, "jobseeker1@example.jp");
        var deadline = new DateOnly(2026, 12, 12);
        var candidates = await portal.DbAsync(db => db.JobOffers.AsNoTracking()
            .Where(o => o.Status == HelloWork.Domain.JobOffers.OfferStatus.Published && o.ValidUntil >= deadline).Select(o => o.Id).Take(40).ToListAsync());
        Guid? referralId = null;
        var refusals = new List<string>();
        foreach (var offer in candidates)
        {
            try
            {
                referralId = await new ReferralService(portal.Services.GetRequiredService<Operations>())
                    .SendAsync(staff, new ReferralInput(offer, jobseeker.JobseekerId!.Value, EmployerConfirmation.Confirmed, null, deadline));
                break;
            }
            catch (DomainException e)
            {
                refusals.Add(e.Code);
                // Not this offer (already referred or applied, not accepted by this office …): the next.
            }
        }
        Assert.True(referralId is not null, "a referral was sent; refused: " + string.Join(",", refusals.Distinct()));

        // 23:59 on the 10th in Japan (14:59 UTC): not yet.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 14, 59, 0, TimeSpan.Zero));
        await portal.Sweeper.SweepOnceAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(await RemindersAsync(portal), n => n.SubjectId == referralId);
        // 00:01 on the 11th in Japan (15:01 UTC on the 10th): two days before the deadline's end, the reminder.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 15, 1, 0, TimeSpan.Zero));
        await portal.Sweeper.SweepOnceAsync(TestContext.Current.CancellationToken);
        var notice = Assert.Single(await RemindersAsync(portal), n => n.SubjectId == referralId);
        Assert.Equal("2026-12-12", NoticeArg.Read(notice.Args)[NoticeArg.Date]);
    }

    private static async Task<Actor> ActorAsync(SweepPortal<ReferralDeadlineSweeper> portal, string email)
    {
        var u = await portal.DbAsync(db => db.Users.AsNoTracking().SingleAsync(x => x.Email == email));
        return new Actor(u.Id, u.Role, u.DisplayName, u.JobseekerId, u.EstablishmentId, u.OfficeId, u.AgencyId, u.IsSupervisor);
    }
}
