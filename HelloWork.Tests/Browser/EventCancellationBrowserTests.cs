using HelloWork.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// In Chromium on the real portal, the office's side of an event on /staff/events/{id} (R-EVT-1, R-APT-1, R-LIVE-1): staff record
/// 出席 and 欠席 per attendee of an event that has begun; and staff cancel an event with a reason while a booked jobseeker's page is
/// open, which shows 中止 and the reason without a reload, and the jobseeker's bell counts the notice. Both screens at 1280×800 and
/// 390×844 (screenshots and axe through <see cref="PortalBrowser"/>).
/// </summary>
public sealed class EventCancellationBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 10_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_record_attendance_and_cancel_an_event_with_a_reason_that_the_booked_jobseekers_open_page_shows_live()
    {
        portal.Start();
        var events = portal.Get<EventBookings>();
        var staff1 = await portal.ActorAsync("staff1@example.jp");
        var jobseeker1 = await portal.ActorAsync("jobseeker1@example.jp");
        var jobseeker2 = await portal.ActorAsync("jobseeker2@example.jp");
        var now = portal.Get<TimeProvider>().GetUtcNow();
        var suffix = Guid.NewGuid().ToString("N")[..6];

        // An event that has begun (booked while open, then its time came: its dates moved into the past), with two attendees.
        var held = await events.SaveAsync(staff1, null, new OfficeEventInput(EventKind.Seminar, $"出欠確認セミナー {suffix}", "", now.AddDays(2),
            now.AddDays(2).AddHours(2), "ハローワーク飯田橋 5階", null, 5, now.AddDays(1)), [], Ct);
        await events.BookAsync(jobseeker1, held, false, Ct);
        await events.BookAsync(jobseeker2, held, false, Ct);
        await portal.QueryAsync(db => db.OfficeEvents.Where(e => e.Id == held).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.StartsAt, now.AddMinutes(-30)).SetProperty(e => e.EndsAt, now.AddMinutes(90)).SetProperty(e => e.CutOffAt, now.AddHours(-1)), Ct));
        var bookings = await portal.QueryAsync(db => db.EventBookings.Where(b => b.EventId == held).ToDictionaryAsync(b => b.JobseekerId, b => b.Id, Ct));

        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, "event-staff");
        await staff.SignInAsync("staff1@example.jp");
        await staff.VisitAsync($"/staff/events/{held}");
        var row1 = staff.Page.Locator($"tr[data-attendee='{bookings[jobseeker1.JobseekerId!.Value]}']");
        await row1.GetByRole(AriaRole.Button, new() { Name = "出席" }).ClickAsync();
        await Assertions.Expect(row1.GetByTestId("attendance")).ToContainTextAsync("出席", Live);
        var otherRow = staff.Page.Locator($"tr[data-attendee='{bookings[jobseeker2.JobseekerId!.Value]}']");
        await otherRow.GetByRole(AriaRole.Button, new() { Name = "欠席" }).ClickAsync();
        await Assertions.Expect(otherRow.GetByTestId("attendance")).ToContainTextAsync("欠席", Live);
        await staff.CheckPageAsync();
        await staff.CheckAtSizeAsync(390, 844);
        await staff.Page.SetViewportSizeAsync(1280, 800);

        // An upcoming event jobseeker1 booked, whose page jobseeker1 has open.
        var title = $"中止確認セミナー {suffix}";
        var cancelled = await events.SaveAsync(staff1, null, new OfficeEventInput(EventKind.Seminar, title, "", now.AddDays(5), now.AddDays(5).AddHours(1),
            "ハローワーク飯田橋 5階", null, 3, now.AddDays(4)), [], Ct);
        await events.BookAsync(jobseeker1, cancelled, false, Ct);
        await using var watcher = await PortalBrowser.OpenAsync(portal, chromium, "event-cancelled-jobseeker1");
        await watcher.SignInAsync("jobseeker1@example.jp");
        await watcher.VisitAsync($"/jobseeker/events/{cancelled}");
        await Assertions.Expect(watcher.Page.GetByTestId("my-booking")).ToContainTextAsync("予約済み");
        var loads = 0;
        watcher.Page.Load += (_, _) => loads++;
        var bell = watcher.Page.Locator("a[aria-label^='お知らせ（未読のお知らせ']");
        var unread = Count(await bell.GetAttributeAsync("aria-label"));

        await staff.VisitAsync($"/staff/events/{cancelled}");
        // Without a reason: the message next to the field, nothing changes.
        await staff.Page.GetByTestId("cancel-event").ClickAsync();
        await Assertions.Expect(staff.Page.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("入力してください。", Live);
        await Assertions.Expect(watcher.Page.GetByTestId("event-cancelled")).ToHaveCountAsync(0);
        await staff.Page.Locator("textarea[data-testid='cancel-reason'], [data-testid='cancel-reason'] textarea").First.FillAsync("講師の急病のため");
        await staff.Page.GetByTestId("cancel-event").ClickAsync();
        await Assertions.Expect(staff.Page.GetByTestId("event-cancelled")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await staff.CheckPageAsync();

        // jobseeker1's page, open all along: 中止 and the reason, the booking gone, the bell one up; no reload.
        await Assertions.Expect(watcher.Page.GetByTestId("event-cancelled")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(watcher.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("このイベントは中止になりました。理由：講師の急病のため", Live);
        await Assertions.Expect(watcher.Page.GetByTestId("my-booking")).ToHaveCountAsync(0);
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"お知らせ（未読のお知らせ {unread + 1}）", new() { Timeout = 10_000 });
        Assert.Equal(0, loads);
        await watcher.CheckPageAsync();
        await watcher.CheckAtSizeAsync(390, 844);
        await watcher.VisitAsync("/notices");
        await Assertions.Expect(watcher.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("予約していたイベントが中止になりました");
    }

    private static int Count(string? label)
    {
        Assert.NotNull(label);
        return int.Parse(new string([.. label.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
    }
}
