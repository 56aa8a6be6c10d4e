using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Bookings;

/// <summary>
/// Reminders of booked events and counselling appointments, as notices (which the mail dispatcher mails to those who chose mail):
/// once, the day before (<see cref="Ahead"/>). Each is claimed by a conditional UPDATE of its <c>ReminderSentAt</c> in the same
/// transaction as its notice, so on several nodes a reminder still goes out once. The questionnaire after an event or an appointment is
/// offered when staff record that the person came (R-EVAL-4), not here.
/// </summary>
public sealed class BookingReminders(Operations ops)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

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
        return sent;
    }, ct);
}
