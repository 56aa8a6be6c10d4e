using HelloWork.Domain.Bookings;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// In Debian's Chromium on the real portal: jobseeker1 books the last seat while jobseeker2's open event page shows
/// the seats drop to zero without reloading; jobseeker2 joins the waiting list; jobseeker1's cancellation moves jobseeker2 up, and
/// jobseeker2's open page and bell say so (R-EVT-1, R-LIVE-1). And every new page, for jobseekers and staff, at 1280×800 and 390×844
/// (screenshots and axe through <see cref="PortalBrowser"/>; R-TRN-1, R-APT-1).
/// </summary>
public sealed class BookingBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 10_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_last_seat_taken_shows_zero_on_another_open_page_and_a_cancellation_moves_the_waiting_person_up_and_tells_them()
    {
        portal.Start();
        var events = portal.Get<EventBookings>();
        var staff1 = await portal.ActorAsync("staff1@example.jp");
        var now = portal.Get<TimeProvider>().GetUtcNow();
        var title = $"ブラウザ確認セミナー {Guid.NewGuid():N}"[..20];
        var eventId = await events.SaveAsync(staff1, null, new OfficeEventInput(EventKind.Seminar, title, "", now.AddDays(3), now.AddDays(3).AddHours(1),
            "ハローワーク飯田橋 5階", null, 2, now.AddDays(2)), [], Ct);
        // One seat taken already by a jobseeker registered at the counter.
        var counterJobseeker = await portal.QueryAsync(db => db.Jobseekers.OrderBy(j => j.JobseekerNumber).Where(j => j.JobseekerNumber != null).Skip(40).Select(j => j.Id).FirstAsync(Ct));
        await events.BookAsync(new Actor(Guid.NewGuid(), Roles.Jobseeker, "counter", JobseekerId: counterJobseeker), eventId, false, Ct);

        await using var watcher = await PortalBrowser.OpenAsync(portal, chromium, "booking-jobseeker2");
        await watcher.SignInAsync("jobseeker2@example.jp");
        await watcher.VisitAsync($"/jobseeker/events/{eventId}");
        var seats = watcher.Page.GetByTestId("seats-left");
        await Assertions.Expect(seats).ToContainTextAsync("1席／定員2席");
        var watcherLoads = 0;
        watcher.Page.Load += (_, _) => watcherLoads++;
        var bell = watcher.Page.Locator("a[aria-label^='お知らせ（未読のお知らせ']");
        var unread = Count(await bell.GetAttributeAsync("aria-label"));

        await using var booker = await PortalBrowser.OpenAsync(portal, chromium, "booking-jobseeker1");
        await booker.SignInAsync("jobseeker1@example.jp");
        await booker.VisitAsync($"/jobseeker/events/{eventId}");
        await booker.Page.GetByRole(AriaRole.Button, new() { Name = "予約する" }).ClickAsync();
        await Assertions.Expect(booker.Page.GetByTestId("my-booking")).ToContainTextAsync("予約済み", Live);
        await booker.CheckPageAsync();

        // jobseeker2's page, open all along, shows no seat left and offers the waiting list.
        await Assertions.Expect(seats).ToContainTextAsync("0席／定員2席", Live);
        var join = watcher.Page.GetByRole(AriaRole.Button, new() { Name = "キャンセル待ちに登録する" });
        await Assertions.Expect(join).ToBeVisibleAsync();
        await watcher.CheckPageAsync();
        await join.ClickAsync();
        await Assertions.Expect(watcher.Page.GetByTestId("my-booking")).ToContainTextAsync("キャンセル待ち（1番目）", Live);

        await booker.Page.GetByRole(AriaRole.Button, new() { Name = "予約をキャンセルする" }).ClickAsync();
        await Assertions.Expect(booker.Page.GetByRole(AriaRole.Button, new() { Name = "キャンセル待ちに登録する" })).ToBeVisibleAsync();

        // jobseeker2 moved up: the open page says 予約済み and the bell counts the notice, without a reload.
        await Assertions.Expect(watcher.Page.GetByTestId("my-booking")).ToContainTextAsync("予約済み", Live);
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"お知らせ（未読のお知らせ {unread + 1}）", new() { Timeout = 10_000 });
        await watcher.CheckPageAsync();
        Assert.Equal(0, watcherLoads);
        await watcher.VisitAsync("/notices");
        await Assertions.Expect(watcher.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("キャンセル待ちから予約が確定しました");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Every_booking_page_renders_for_jobseekers_and_staff(int width, int height)
    {
        portal.Start();
        var (eventId, courseId) = await portal.QueryAsync(async db => (
            await db.OfficeEvents.Where(e => e.Kind == EventKind.InterviewFair).Select(e => e.Id).FirstAsync(Ct),
            await db.TrainingCourses.Where(c => c.BenefitEligible).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync(Ct)));

        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, $"booking-pages-js-{width}", width, height);
        await jobseeker.SignInAsync("jobseeker1@example.jp");
        foreach (var path in new[] { "/jobseeker/training", $"/jobseeker/training/{courseId}", "/jobseeker/events", $"/jobseeker/events/{eventId}",
                     $"/jobseeker/appointments?course={courseId}" })
        {
            await jobseeker.VisitAsync(path);
        }
        await Assertions.Expect(jobseeker.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("担当者：職業相談部門 高橋");

        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, $"booking-pages-staff-{width}", width, height);
        await staff.SignInAsync("staff1@example.jp");
        foreach (var path in new[] { "/staff/training", "/staff/events", $"/staff/events/{eventId}", "/staff/appointments" })
        {
            await staff.VisitAsync(path);
        }
    }

    private static int Count(string? label)
    {
        Assert.NotNull(label);
        return int.Parse(new string([.. label.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
    }
}
