using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Bookings;

/// <summary>The office's side of an event after it is published (R-EVT-1): 中止 with a reason, which tells everyone booked or waiting
/// (notice, and mail by their choice), frees no seat to anyone and takes no more bookings; and 出席 / 欠席 per attendee once it has
/// begun, as appointments' attended / no-show (R-APT-1). Both audited (R-AUD-1), both signalled to open pages (R-LIVE-1), and
/// another office's event or booking is not found (R-ACC-4).</summary>
public sealed class EventCancellationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancelling_an_event_tells_every_booked_and_waiting_person_with_the_reason_and_stops_its_bookings_R_EVT_1()
    {
        await using var d = await DomainWorld.CreateAsync();
        var people = await BookingWorld.JobseekersAsync(d, 4);
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 2), [], Ct);
        Assert.Equal(BookingOutcome.Booked, await events.BookAsync(people[0], eventId, false, Ct));
        Assert.Equal(BookingOutcome.Booked, await events.BookAsync(people[1], eventId, false, Ct));
        Assert.Equal(BookingOutcome.Waiting, await events.BookAsync(people[2], eventId, true, Ct));
        var signals = new List<LiveNotice>();
        using var listening = d.Bus.Subscribe(Topics.Bookings, n => { lock (signals) { signals.Add(n); } return Task.CompletedTask; });

        // Without a reason: refused next to the field, nothing changed.
        var noReason = await Assert.ThrowsAsync<DomainException>(() => events.CancelEventAsync(d.StaffActor1, eventId, "  ", Ct));
        Assert.Equal((ErrorCodes.Required, "CancelReason"), (noReason.Code, noReason.Field));
        Assert.Equal(2, await d.WithDbAsync(db => db.OfficeEvents.Where(e => e.Id == eventId).Select(e => e.Booked).SingleAsync(Ct)));
        // Another office's staff: not found, nothing changed (R-ACC-4).
        await Assert.ThrowsAsync<ScopeException>(() => events.CancelEventAsync(d.StaffActor2, eventId, "会場の都合", Ct));

        Assert.Equal(3, await events.CancelEventAsync(d.StaffActor1, eventId, "会場の設備点検のため", Ct));

        var told = await d.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.EventCancelled).ToListAsync(Ct));
        Assert.Equal(people.Take(3).Select(p => Recipients.User(p.UserId)).Order(), told.Select(n => n.Recipient).Order());
        Assert.All(told, n => Assert.Equal(eventId, n.SubjectId));
        Assert.All(told, n => Assert.Equal("会場の設備点検のため", System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(n.Args)![NoticeArg.Reason]));
        Assert.Equal(3, await d.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.NoticeKind == NoticeKind.EventCancelled, Ct)));
        Assert.Equal(1, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "EventCancelled" && a.SubjectId == eventId, Ct)));
        Assert.Equal(3, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "EventBookingCancelled", Ct)));
        Assert.Contains(signals, s => s.IsTopicSignal && s.Kind == NoticeKind.SeatsChanged && s.SubjectId == eventId);

        // The waiting person was not moved up; nobody holds a seat; the page says 中止 with the reason; no new booking or waiting place.
        var card = (await events.DetailAsync(people[3], eventId, Ct)).Card;
        Assert.True(card.Cancelled);
        Assert.Equal("会場の設備点検のため", card.CancelReason);
        Assert.False(card.Open);
        Assert.Null((await events.DetailAsync(people[2], eventId, Ct)).Card.Mine);
        Assert.Empty(await events.AttendeesAsync(d.StaffActor1, eventId, Ct));
        Assert.Equal(ErrorCodes.EventClosed, (await Assert.ThrowsAsync<DomainException>(() => events.BookAsync(people[3], eventId, true, Ct))).Code);
        Assert.DoesNotContain(await events.UpcomingAsync(people[3], ct: Ct), e => e.Id == eventId);
        Assert.Equal(ErrorCodes.EventAlreadyCancelled,
            (await Assert.ThrowsAsync<DomainException>(() => events.CancelEventAsync(d.StaffActor1, eventId, "二度目", Ct))).Code);
        var (input, numbers) = await events.EditAsync(d.StaffActor1, eventId, Ct);
        Assert.Equal(ErrorCodes.EventAlreadyCancelled,
            (await Assert.ThrowsAsync<DomainException>(() => events.SaveAsync(d.StaffActor1, eventId, input, numbers, Ct))).Code);
        Assert.Equal(0, await d.WithDbAsync(db => db.OfficeEvents.Where(e => e.Id == eventId).Select(e => e.Booked).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Staff_record_attended_or_absent_per_confirmed_attendee_once_the_event_has_begun_R_EVT_1_R_APT_1()
    {
        await using var d = await DomainWorld.CreateAsync();
        var people = await BookingWorld.JobseekersAsync(d, 3);
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 2), [], Ct);
        foreach (var p in people)
        {
            await events.BookAsync(p, eventId, waitIfFull: true, Ct);
        }
        var list = await events.AttendeesAsync(d.StaffActor1, eventId, Ct);
        var (came, absent, waiting) = (list.Single(a => a.Name == "予約 booker0"), list.Single(a => a.Name == "予約 booker1"), list.Single(a => a.Name == "予約 booker2"));
        Assert.Equal(BookingStatus.Waiting, waiting.Status);

        // Before the event begins: refused, nothing recorded.
        Assert.Equal(ErrorCodes.EventAttendanceBeforeStart,
            (await Assert.ThrowsAsync<DomainException>(() => events.RecordAttendanceAsync(d.StaffActor1, came.BookingId, Attendance.Attended, Ct))).Code);
        d.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(5)));

        await events.RecordAttendanceAsync(d.StaffActor1, came.BookingId, Attendance.Attended, Ct);
        // An event that has begun can no longer be cancelled.
        Assert.Equal(ErrorCodes.EventAlreadyStarted,
            (await Assert.ThrowsAsync<DomainException>(() => events.CancelEventAsync(d.StaffActor1, eventId, "開始後の中止", Ct))).Code);
        await events.RecordAttendanceAsync(d.StaffActor1, absent.BookingId, Attendance.NoShow, Ct);
        // A waiting place held no seat to come to; another office's staff do not find the booking (R-ACC-4).
        Assert.Equal(ErrorCodes.EventBookingNotConfirmed,
            (await Assert.ThrowsAsync<DomainException>(() => events.RecordAttendanceAsync(d.StaffActor1, waiting.BookingId, Attendance.Attended, Ct))).Code);
        await Assert.ThrowsAsync<ScopeException>(() => events.RecordAttendanceAsync(d.StaffActor2, came.BookingId, Attendance.NoShow, Ct));

        var after = (await events.AttendeesAsync(d.StaffActor1, eventId, Ct)).ToDictionary(a => a.BookingId, a => a.Attendance);
        Assert.Equal(Attendance.Attended, after[came.BookingId]);
        Assert.Equal(Attendance.NoShow, after[absent.BookingId]);
        Assert.Null(after[waiting.BookingId]);
        Assert.Equal(2, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "EventAttendanceRecorded", Ct)));
        Assert.Equal(1, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "EventAttendanceRecorded" && a.SubjectId == absent.BookingId
            && a.JobseekerId == people[1].JobseekerId && a.Detail!.EndsWith("NoShow"), Ct)));
    }
}
