using HelloWork.Domain.Applications;
using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Domain.Bookings;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Evaluation;

/// <summary>
/// R-EVAL-4: the questionnaire is offered to the person after a result, an attended appointment and an event they were booked on, once per
/// occasion, as a notice (mailed to those who chose mail) whose arguments are the office and the occasion only; the answers keep no link to
/// the offer, so staff cannot tell who answered.
/// </summary>
public sealed class SurveyOfferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_result_an_attended_appointment_and_an_event_each_offer_the_questionnaire_once()
    {
        await using var d = await DomainWorld.CreateAsync();
        var person = (await BookingWorld.JobseekersAsync(d, 1))[0];
        var recipient = Recipients.User(person.UserId);
        Task<List<Notice>> OffersAsync() => d.WithDbAsync(db => db.Notices.AsNoTracking()
            .Where(n => n.Recipient == recipient && n.Kind == NoticeKind.SurveyOffered).OrderBy(n => n.Seq).ToListAsync(Ct));

        // A result: offered once, about the office that accepted the offer (a self-application has no referring office).
        var application = await d.Applications.ApplyAsync(person, new(d.Offer1.Id, "志望動機です。", [], null, SelfApplicationAcknowledged: true), Ct);
        Assert.Empty(await OffersAsync());
        await d.Applications.RegisterResultAsync(d.EmployerActor1, application, new(ResultOutcome.NotHired, 4, false, null, null), Ct);
        var afterResult = Assert.Single(await OffersAsync());
        var args = NoticeArg.Read(afterResult.Args);
        Assert.Equal((d.Office1.Code, "result"), (args[NoticeArg.OfficeCode], args[NoticeArg.Occasion]));
        Assert.Equal(new[] { NoticeArg.OfficeCode, NoticeArg.OfficeName, NoticeArg.Occasion }.Order(StringComparer.Ordinal), args.Keys.Order(StringComparer.Ordinal));   // the office and the occasion: nothing that names the person or the offer
        Assert.Null(afterResult.SubjectId);
        Assert.Contains(NoticeKind.SurveyOffered, MailQueue.MailedKinds);

        // An appointment: offered when 来所 is recorded, not for 無断キャンセル, and once however often it is recorded again.
        var appointments = new Appointments(d.Ops);
        var counsellor = await BookingWorld.CounsellorAsync(d, d.Office1.Id);
        await appointments.AddSlotsAsync(d.StaffActor1, counsellor.UserId, JapanTime.DateOf(d.Clock.GetUtcNow().AddDays(1)), [new TimeOnly(10, 0)], 30, Ct);
        var slot = (await appointments.ChoiceAsync(person, Ct)).Slots[0].Id;
        await appointments.BookAsync(person, slot, null, Ct);
        d.Clock.Advance(TimeSpan.FromDays(2));
        await appointments.RecordAsync(d.StaffActor1, slot, Attendance.NoShow, Ct);
        Assert.Single(await OffersAsync());
        await appointments.RecordAsync(d.StaffActor1, slot, Attendance.Attended, Ct);
        await appointments.RecordAsync(d.StaffActor1, slot, Attendance.NoShow, Ct);
        await appointments.RecordAsync(d.StaffActor1, slot, Attendance.Attended, Ct);
        Assert.Equal(["result", "appointment"], (await OffersAsync()).Select(n => NoticeArg.Read(n.Args)[NoticeArg.Occasion]));

        // An event: offered when 出席 is recorded, not for 欠席, once; the reminder sweep offers nothing (R-EVAL-4).
        var events = new EventBookings(d.Ops);
        var eventId = await events.SaveAsync(d.StaffActor1, null, BookingWorld.Seminar(d, 3), [], Ct);
        await events.BookAsync(person, eventId, false, Ct);
        var booking = Assert.Single(await events.AttendeesAsync(d.StaffActor1, eventId, Ct)).BookingId;
        var reminders = new BookingReminders(d.Ops);
        d.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));   // during the seminar
        await events.RecordAttendanceAsync(d.StaffActor1, booking, Attendance.NoShow, Ct);
        d.Clock.Advance(TimeSpan.FromHours(2));
        await reminders.SendDueAsync(Ct);
        Assert.Equal(2, (await OffersAsync()).Count);
        await events.RecordAttendanceAsync(d.StaffActor1, booking, Attendance.Attended, Ct);
        await events.RecordAttendanceAsync(d.StaffActor1, booking, Attendance.Attended, Ct);
        Assert.Equal(0, await reminders.SendDueAsync(Ct));
        Assert.Equal(["result", "appointment", "event"], (await OffersAsync()).Select(n => NoticeArg.Read(n.Args)[NoticeArg.Occasion]));
        Assert.Equal(3, await d.WithDbAsync(db => db.SurveyOffers.CountAsync(Ct)));

        // Answering keeps nothing of the person or of the offer: office, occasion, answer and month only.
        await new Survey(d.Ops).AnswerAsync(d.Office1.Code, SurveyOccasion.Event, 5, Ct);
        var answer = await d.WithDbAsync(db => db.SurveyAnswers.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((d.Office1.Id, SurveyOccasion.Event, 5, 1), (answer.OfficeId, answer.Occasion, answer.Satisfaction, answer.Month.Day));
    }
}
