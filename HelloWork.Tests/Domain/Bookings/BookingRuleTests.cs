using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Bookings;

/// <summary>The booking rules one at a time: R-EVT-1 (waiting list, cut-off, seats signal), R-APT-1 (担当者制, cut-off, attendance),
/// R-TRN-1 (search, favourites, the course's counselling appointment) and R-ACC-4 (another person's booking is not found).</summary>
public sealed class BookingRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cancelled_seat_goes_to_the_oldest_waiting_booking_whose_person_is_told_and_mailed()
    {
        await using var d = await DomainWorld.CreateAsync();
        var (a, b, c) = (await BookingWorld.JobseekersAsync(d, 3)) switch { var x => (x[0], x[1], x[2]) };
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 1), [], Ct);
        var signals = new List<LiveNotice>();
        using var listening = d.Bus.Subscribe(Topics.Bookings, n => { lock (signals) { signals.Add(n); } return Task.CompletedTask; });

        Assert.Equal(BookingOutcome.Booked, await events.BookAsync(a, eventId, waitIfFull: false, Ct));
        Assert.Equal(ErrorCodes.EventFull, (await Assert.ThrowsAsync<DomainException>(() => events.BookAsync(b, eventId, waitIfFull: false, Ct))).Code);
        Assert.Equal(BookingOutcome.Waiting, await events.BookAsync(b, eventId, waitIfFull: true, Ct));
        d.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(BookingOutcome.Waiting, await events.BookAsync(c, eventId, waitIfFull: true, Ct));
        Assert.Equal(ErrorCodes.AlreadyBooked, (await Assert.ThrowsAsync<DomainException>(() => events.BookAsync(c, eventId, true, Ct))).Code);
        var cCard = (await events.DetailAsync(c, eventId, Ct)).Card;
        Assert.Equal((BookingStatus.Waiting, (int?)2, 0, 2), (cCard.Mine!.Status, cCard.Mine.WaitingPosition, cCard.SeatsLeft, cCard.Waiting));

        var aBooking = (await events.DetailAsync(a, eventId, Ct)).Card.Mine!.Id;
        await events.CancelAsync(a, aBooking, Ct);

        var bCard = (await events.DetailAsync(b, eventId, Ct)).Card;
        Assert.Equal(BookingStatus.Confirmed, bCard.Mine!.Status);
        Assert.Equal((0, 1), (bCard.SeatsLeft, bCard.Waiting));
        Assert.Equal(1, (await events.DetailAsync(c, eventId, Ct)).Card.Mine!.WaitingPosition);
        var told = await d.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.BookingMovedUp).ToListAsync(Ct));
        Assert.Equal(Recipients.User(b.UserId), Assert.Single(told).Recipient);
        Assert.Equal(1, await d.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.NoticeKind == NoticeKind.BookingMovedUp, Ct)));
        Assert.Equal(1, await d.WithDbAsync(db => db.AuditEntries.CountAsync(x => x.Action == "EventBookingMovedUp" && x.JobseekerId == b.JobseekerId, Ct)));
        // Every change (a booking, two places on the list, the cancellation) went out on the seats topic, refusals did not (R-LIVE-1).
        Assert.Equal(4, signals.Count(s => s.IsTopicSignal && s.Kind == NoticeKind.SeatsChanged && s.SubjectId == eventId));
    }

    [Fact]
    public async Task The_same_person_booking_twice_at_once_gets_one_seat_and_a_clear_refusal_R_EVT_1_R_ERR_1()
    {
        await using var d = await DomainWorld.CreateAsync();
        var person = (await BookingWorld.JobseekersAsync(d, 1))[0];
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 5), [], Ct);

        // Two tabs, one click each, at the same moment: both pass the "already booked?" read, the index takes one.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await events.BookAsync(person, eventId, waitIfFull: true, Ct)).ToString();
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == nameof(BookingOutcome.Booked)));
        Assert.All(outcomes.Where(o => o != nameof(BookingOutcome.Booked)), o => Assert.Equal(ErrorCodes.AlreadyBooked, o));
        var card = (await events.DetailAsync(person, eventId, Ct)).Card;
        Assert.Equal((4, BookingStatus.Confirmed), (card.SeatsLeft, card.Mine!.Status)); // the refused ones gave their seats back
    }

    [Fact]
    public async Task With_nobody_waiting_a_cancellation_frees_the_seat_and_after_the_cut_off_nothing_changes()
    {
        await using var d = await DomainWorld.CreateAsync();
        var people = await BookingWorld.JobseekersAsync(d, 2);
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 2), [], Ct);
        await events.BookAsync(people[0], eventId, false, Ct);
        await events.BookAsync(people[1], eventId, false, Ct);
        await events.CancelAsync(people[0], (await events.DetailAsync(people[0], eventId, Ct)).Card.Mine!.Id, Ct);
        Assert.Equal(1, (await events.DetailAsync(people[0], eventId, Ct)).Card.SeatsLeft);
        var cancelled = await d.WithDbAsync(db => db.EventBookings.Where(b => b.JobseekerId == people[0].JobseekerId).Select(b => b.Id).SingleAsync(Ct));
        Assert.Equal(ErrorCodes.BookingAlreadyCancelled, (await Assert.ThrowsAsync<DomainException>(() => events.CancelAsync(people[0], cancelled, Ct))).Code);

        d.Clock.Advance(TimeSpan.FromDays(6)); // the cut-off
        var mine = (await events.DetailAsync(people[1], eventId, Ct)).Card;
        Assert.False(mine.Open);
        Assert.Equal(ErrorCodes.EventCancelClosed, (await Assert.ThrowsAsync<DomainException>(() => events.CancelAsync(people[1], mine.Mine!.Id, Ct))).Code);
        Assert.Equal(ErrorCodes.EventClosed, (await Assert.ThrowsAsync<DomainException>(() => events.BookAsync(people[0], eventId, true, Ct))).Code);
        Assert.Equal(BookingStatus.Confirmed, (await events.DetailAsync(people[1], eventId, Ct)).Card.Mine!.Status);
    }

    [Fact]
    public async Task A_jobseeker_cannot_see_or_cancel_another_persons_booking_or_appointment_and_staff_see_only_their_offices_events()
    {
        await using var d = await DomainWorld.CreateAsync();
        var people = await BookingWorld.JobseekersAsync(d, 2);
        var (owner, other) = (people[0], people[1]);
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 5) with { Place = null, OnlineUrl = "https://meet.example.jp/hw-seminar" }, [], Ct);
        await events.BookAsync(owner, eventId, false, Ct);
        var bookingId = (await events.DetailAsync(owner, eventId, Ct)).Card.Mine!.Id;
        var appointments = new Appointments(d.Ops);
        var counsellor = await BookingWorld.CounsellorAsync(d, d.Office1.Id);
        await appointments.AddSlotsAsync(d.StaffActor1, counsellor.UserId, JapanTime.Today(d.Clock).AddDays(2), [new TimeOnly(9, 30)], 30, Ct);
        var slotId = (await appointments.ChoiceAsync(owner, Ct)).Slots[0].Id;
        await appointments.BookAsync(owner, slotId, null, Ct);

        await Assert.ThrowsAsync<ScopeException>(() => events.CancelAsync(other, bookingId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => appointments.CancelAsync(other, slotId, Ct));
        var seenByOther = await events.DetailAsync(other, eventId, Ct);
        Assert.Null(seenByOther.Card.Mine);
        Assert.Null(seenByOther.OnlineUrl); // the link is for those with a seat
        Assert.Equal("https://meet.example.jp/hw-seminar", (await events.DetailAsync(owner, eventId, Ct)).OnlineUrl);
        Assert.Empty(await appointments.MineAsync(other, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => events.AttendeesAsync(d.StaffActor2, eventId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => events.DetailAsync(d.StaffActor2, eventId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => events.SaveAsync(d.StaffActor2, eventId, BookingWorld.Seminar(d, 9), [], Ct));
        await Assert.ThrowsAsync<ScopeException>(() => appointments.RecordAsync(d.StaffActor2, slotId, Attendance.Attended, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => events.BookAsync(d.EmployerActor1, eventId, false, Ct));
        Assert.Empty(await appointments.DayAsync(d.StaffActor2, JapanTime.Today(d.Clock).AddDays(2), Ct));
        // Nothing changed: the owner still holds both.
        Assert.Equal(BookingStatus.Confirmed, (await events.DetailAsync(owner, eventId, Ct)).Card.Mine!.Status);
        Assert.Single(await appointments.MineAsync(owner, Ct));
    }

    [Fact]
    public async Task A_jobseeker_with_a_named_counsellor_books_that_persons_slots_cancels_until_two_hours_before_and_staff_record_attendance()
    {
        await using var d = await DomainWorld.CreateAsync();
        var jobseeker = (await BookingWorld.JobseekersAsync(d, 1))[0];
        var takahashi = await BookingWorld.CounsellorAsync(d, d.Office1.Id, "職業相談部門 高橋");
        var ito = await BookingWorld.CounsellorAsync(d, d.Office1.Id, "職業相談部門 伊藤");
        var appointments = new Appointments(d.Ops);
        var day = JapanTime.Today(d.Clock).AddDays(1);
        await appointments.AddSlotsAsync(d.StaffActor1, takahashi.UserId, day, [new TimeOnly(10, 0), new TimeOnly(11, 0)], 45, Ct);
        await appointments.AddSlotsAsync(d.StaffActor1, ito.UserId, day, [new TimeOnly(10, 0)], 45, Ct);
        Assert.Equal(ErrorCodes.SlotExists, (await Assert.ThrowsAsync<DomainException>(() =>
            appointments.AddSlotsAsync(d.StaffActor1, ito.UserId, day, [new TimeOnly(10, 0)], 45, Ct))).Code);
        Assert.Equal(3, (await appointments.ChoiceAsync(jobseeker, Ct)).Slots.Count);
        var number = await d.WithDbAsync(db => db.Jobseekers.Where(j => j.Id == jobseeker.JobseekerId).Select(j => j.JobseekerNumber!).SingleAsync(Ct));

        await appointments.AssignAsync(d.StaffActor1, number, takahashi.UserId, Ct);
        var choice = await appointments.ChoiceAsync(jobseeker, Ct);
        Assert.Equal("職業相談部門 高橋", choice.NamedCounsellor);
        Assert.All(choice.Slots, s => Assert.Equal("職業相談部門 高橋", s.CounsellorName));
        var itoSlot = (await appointments.DayAsync(d.StaffActor1, day, Ct)).Single(s => s.CounsellorUserId == ito.UserId).SlotId;
        await Assert.ThrowsAsync<ScopeException>(() => appointments.BookAsync(jobseeker, itoSlot, null, Ct));

        await appointments.BookAsync(jobseeker, choice.Slots[0].Id, null, Ct);
        Assert.Equal(1, await d.WithDbAsync(db => db.Notices.CountAsync(n => n.Recipient == Recipients.Office(d.Office1.Id) && n.Kind == NoticeKind.AppointmentBooked, Ct)));
        var slotStart = choice.Slots[0].StartsAt;
        d.Clock.SetUtcNow(slotStart - CounsellingSlot.CutOff - TimeSpan.FromMinutes(1));
        Assert.True(Assert.Single(await appointments.MineAsync(jobseeker, Ct)).CanCancel);
        d.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(Assert.Single(await appointments.MineAsync(jobseeker, Ct)).CanCancel);
        Assert.Equal(ErrorCodes.AppointmentCancelClosed, (await Assert.ThrowsAsync<DomainException>(() => appointments.CancelAsync(jobseeker, choice.Slots[0].Id, Ct))).Code);
        Assert.Equal(ErrorCodes.AttendanceBeforeStart, (await Assert.ThrowsAsync<DomainException>(() =>
            appointments.RecordAsync(d.StaffActor1, choice.Slots[0].Id, Attendance.Attended, Ct))).Code);

        d.Clock.SetUtcNow(slotStart.AddMinutes(5));
        await appointments.RecordAsync(d.StaffActor1, choice.Slots[0].Id, Attendance.NoShow, Ct);
        var row = (await appointments.DayAsync(d.StaffActor1, day, Ct)).Single(s => s.SlotId == choice.Slots[0].Id);
        Assert.Equal((Attendance.NoShow, jobseeker.JobseekerId), (row.Attendance!.Value, row.JobseekerId));
        Assert.Equal(1, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AttendanceRecorded" && a.JobseekerId == jobseeker.JobseekerId, Ct)));
    }

    [Fact]
    public async Task A_cancelled_appointment_frees_the_slot_for_the_next_person_and_a_jobseeker_without_a_home_office_is_told_to_register()
    {
        await using var d = await DomainWorld.CreateAsync();
        var people = await BookingWorld.JobseekersAsync(d, 2);
        var counsellor = await BookingWorld.CounsellorAsync(d, d.Office1.Id);
        var appointments = new Appointments(d.Ops);
        await appointments.AddSlotsAsync(d.StaffActor1, counsellor.UserId, JapanTime.Today(d.Clock).AddDays(3), [new TimeOnly(14, 0)], 60, Ct);
        var slot = Assert.Single((await appointments.ChoiceAsync(people[0], Ct)).Slots).Id;
        await appointments.BookAsync(people[0], slot, null, Ct);
        Assert.Empty((await appointments.ChoiceAsync(people[1], Ct)).Slots);
        Assert.Equal(ErrorCodes.SlotTaken, (await Assert.ThrowsAsync<DomainException>(() => appointments.BookAsync(people[1], slot, null, Ct))).Code);

        await appointments.CancelAsync(people[0], slot, Ct);
        Assert.Single((await appointments.ChoiceAsync(people[1], Ct)).Slots);
        await appointments.BookAsync(people[1], slot, null, Ct);
        Assert.Equal(ErrorCodes.JobseekerNotRegisteredAtOffice, (await Assert.ThrowsAsync<DomainException>(() =>
            appointments.BookAsync(d.JobseekerActor2, slot, null, Ct))).Code);
        Assert.Equal(1, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AppointmentCancelled", Ct)));
    }

    [Fact]
    public async Task Training_courses_are_searched_kept_as_favourites_and_an_intention_to_apply_books_a_counselling_appointment_with_the_course()
    {
        await using var d = await DomainWorld.CreateAsync();
        var jobseeker = (await BookingWorld.JobseekersAsync(d, 1))[0];
        var training = new TrainingCourses(d.Ops);
        var today = JapanTime.Today(d.Clock);
        TrainingCourseInput Course(string name, TrainingKind kind, string field, bool benefit, int deadlineInDays) => new(kind, name, "東京都立城北職業能力開発センター",
            "東京都", "東京都板橋区", field, today.AddDays(deadlineInDays + 20), today.AddDays(deadlineInDays + 200), 600, 30, today.AddDays(deadlineInDays),
            today.AddDays(deadlineInDays + 5), 8_000, benefit, "");
        var web = await training.SaveAsync(d.StaffActor1, null, Course("Webプログラミング科", TrainingKind.JobseekerSupport, "IT・Web", true, 10), Ct);
        await training.SaveAsync(d.StaffActor1, null, Course("介護職員初任者研修科", TrainingKind.PublicVocational, "介護・福祉", false, 10), Ct);
        await training.SaveAsync(d.StaffActor1, null, Course("CAD製図科", TrainingKind.PublicVocational, "製造・機械", false, -1), Ct);
        Assert.Equal(ErrorCodes.TrainingDeadlineAfterStart, (await Assert.ThrowsAsync<DomainException>(() => training.SaveAsync(d.StaffActor1, null,
            Course("締切不正科", TrainingKind.PublicVocational, "IT・Web", false, 10) with { StartDate = today.AddDays(5) }, Ct))).Code);
        await Assert.ThrowsAsync<ScopeException>(() => training.SaveAsync(d.StaffActor2, web, Course("乗っ取り科", TrainingKind.PublicVocational, "IT・Web", false, 10), Ct));

        Assert.Equal(2, (await training.SearchAsync(jobseeker, new TrainingFilter(), Ct)).Count); // the closed one only when asked for
        Assert.Equal(3, (await training.SearchAsync(jobseeker, new TrainingFilter(IncludeClosed: true), Ct)).Count);
        Assert.Equal("Webプログラミング科", Assert.Single(await training.SearchAsync(jobseeker, new TrainingFilter(BenefitOnly: true), Ct)).Name);
        Assert.Equal("介護職員初任者研修科", Assert.Single(await training.SearchAsync(jobseeker, new TrainingFilter(Words: "介護"), Ct)).Name);
        Assert.Equal("介護職員初任者研修科", Assert.Single(await training.SearchAsync(jobseeker, new TrainingFilter(Kind: TrainingKind.PublicVocational), Ct)).Name);

        await training.SetFavouriteAsync(jobseeker, web, true, Ct);
        await training.SetFavouriteAsync(jobseeker, web, true, Ct);
        var favourite = Assert.Single(await training.SearchAsync(jobseeker, new TrainingFilter(FavouritesOnly: true), Ct));
        Assert.True(favourite.Favourite);
        Assert.Empty(await training.SearchAsync(d.JobseekerActor1, new TrainingFilter(FavouritesOnly: true), Ct));

        var appointments = new Appointments(d.Ops);
        var counsellor = await BookingWorld.CounsellorAsync(d, d.Office1.Id);
        await appointments.AddSlotsAsync(d.StaffActor1, counsellor.UserId, today.AddDays(1), [new TimeOnly(15, 0)], 45, Ct);
        await appointments.BookAsync(jobseeker, (await appointments.ChoiceAsync(jobseeker, Ct)).Slots[0].Id, web, Ct);
        Assert.Equal("Webプログラミング科", Assert.Single(await appointments.MineAsync(jobseeker, Ct)).CourseName);
        Assert.Equal("Webプログラミング科", Assert.Single(await appointments.DayAsync(d.StaffActor1, today.AddDays(1), Ct), s => s.JobseekerId is not null).CourseName);
        var notice = await d.WithDbAsync(db => db.Notices.SingleAsync(n => n.Kind == NoticeKind.AppointmentBooked, Ct));
        Assert.Equal("Webプログラミング科", NoticeArg.Read(notice.Args)[NoticeArg.CourseName]);
    }

    [Fact]
    public async Task Reminders_go_out_once_the_day_before_an_event_and_an_appointment()
    {
        await using var d = await DomainWorld.CreateAsync();
        var person = (await BookingWorld.JobseekersAsync(d, 1))[0];
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 3), [], Ct);
        await events.BookAsync(person, eventId, false, Ct);
        var appointments = new Appointments(d.Ops);
        var counsellor = await BookingWorld.CounsellorAsync(d, d.Office1.Id);
        await appointments.AddSlotsAsync(d.StaffActor1, counsellor.UserId, JapanTime.DateOf(d.Clock.GetUtcNow().AddDays(7)), [new TimeOnly(16, 0)], 30, Ct);
        await appointments.BookAsync(person, (await appointments.ChoiceAsync(person, Ct)).Slots[0].Id, null, Ct);
        var reminders = new BookingReminders(d.Ops);

        Assert.Equal(0, await reminders.SendDueAsync(Ct));
        d.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(1)); // within a day of the seminar (7 days ahead)
        Assert.Equal(1, await reminders.SendDueAsync(Ct));
        Assert.Equal(0, await reminders.SendDueAsync(Ct));
        d.Clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(1, await reminders.SendDueAsync(Ct)); // the appointment, the next day
        var kinds = await d.WithDbAsync(db => db.Notices.Where(n => n.Recipient == Recipients.User(person.UserId)).Select(n => n.Kind).ToListAsync(Ct));
        Assert.Equal([NoticeKind.EventReminder, NoticeKind.AppointmentReminder], kinds.Order());
    }
}
