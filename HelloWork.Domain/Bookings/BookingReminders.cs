using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Bookings;

/// <summary>
/// Reminders of booked events and counselling appointments, as notices (which the mail dispatcher mails to those who chose mail):
/// once, the day before (<see cref="Ahead"/>). Each is claimed by a conditional UPDATE of its <c>ReminderSentAt</c> in the same
/// transaction as its notice, so on several nodes a reminder still goes out once. After an event, the user questionnaire (R-EVAL-4).
/// </summary>
public sealed class BookingReminders(Operations ops)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    /// <summary>How long after an event's end its questionnaire is still offered (R-EVAL-4).</summary>
    public static readonly TimeSpan SurveyWindow = TimeSpan.FromDays(3);

    /// <summary>Sends what is due; returns how many reminders were written.</summary>
    public Task<int> SendDueAsync(CancellationToken ct = default) => ops.RunAsync(Actor.System, async w =>
    {
        var (now, horizon) = (w.Now, w.Now + Ahead);
        var sent = 0;
        var bookings = await (from b in w.Db.EventBookings
                              join e in w.Db.OfficeEvents on b.EventId equals e.Id
                              where b.Status == BookingStatus.Confirmed && b.ReminderSentAt == null && !e.Cancelled && e.StartsAt > now && e.StartsAt <= horizon
                              select new { b.Id, b.JobseekerId, Event = e }).Take(500).ToListAsync(ct);
        foreach (var b in bookings)
        {
            if (await w.Db.EventBookings.Where(x => x.Id == b.Id && x.ReminderSentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), ct) == 1)
            {
                await EventBookings.NotifyJobseekerAsync(w, b.JobseekerId, NoticeKind.EventReminder, b.Event, ct);
                sent++;
            }
        }
        var slots = await w.Db.CounsellingSlots.Where(s => s.JobseekerId != null && s.ReminderSentAt == null && s.StartsAt > now && s.StartsAt <= horizon)
            .AsNoTracking().Take(500).ToListAsync(ct);
        foreach (var slot in slots)
        {
            if (await w.Db.CounsellingSlots.Where(x => x.Id == slot.Id && x.JobseekerId == slot.JobseekerId && x.ReminderSentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderSentAt, now), ct) == 1)
            {
                var users = await w.Db.Users.Where(u => u.JobseekerId == slot.JobseekerId).Select(u => u.Id).ToListAsync(ct);
                foreach (var userId in users)
                {
                    await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.AppointmentReminder, slot.Id, Appointments.Args(slot, null), ct);
                }
                sent++;
            }
        }
        // R-EVAL-4: after an event has ended, its confirmed bookings are offered the questionnaire once (events ended in the last
        // SurveyWindow only, so a portal that was down does not offer it for old events).
        var ended = await (from b in w.Db.EventBookings
                           join e in w.Db.OfficeEvents on b.EventId equals e.Id
                           where b.Status == BookingStatus.Confirmed && !e.Cancelled && e.EndsAt <= now && e.EndsAt > now - SurveyWindow
                                 && !w.Db.SurveyOffers.Any(o => o.Occasion == Evaluation.SurveyOccasion.Event && o.SubjectId == b.Id)
                           select new { b.Id, b.JobseekerId, e.OfficeId }).Take(500).ToListAsync(ct);
        foreach (var b in ended)
        {
            await Evaluation.SurveyOffers.OfferAsync(w, Evaluation.SurveyOccasion.Event, b.Id, b.JobseekerId, b.OfficeId, ct);
            sent++;
        }
        return sent;
    }, ct);
}
