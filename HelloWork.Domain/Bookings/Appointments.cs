using System.Globalization;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Bookings;

/// <summary>A counselling slot as a jobseeker picks it.</summary>
public sealed record FreeSlot(Guid Id, DateTimeOffset StartsAt, int Minutes, string CounsellorName);

/// <summary>A jobseeker's own appointment.</summary>
public sealed record MyAppointment(Guid SlotId, DateTimeOffset StartsAt, int Minutes, string CounsellorName, string OfficeName, string? CourseName,
    bool CanCancel, Attendance? Attendance);

/// <summary>A slot of the office's day as staff see it: free, or booked with the jobseeker and what was recorded.</summary>
public sealed record DaySlot(Guid SlotId, DateTimeOffset StartsAt, int Minutes, Guid CounsellorUserId, string CounsellorName, Guid? JobseekerId,
    string? JobseekerName, string? JobseekerNumber, string? CourseName, Attendance? Attendance);

/// <summary>A staff member of the office who holds counselling slots.</summary>
public sealed record Counsellor(Guid UserId, string Name);

/// <summary>What a jobseeker's appointment page needs: the named counsellor (担当者制), if any, and the slots to pick from.</summary>
public sealed record SlotChoice(string? NamedCounsellor, string OfficeName, IReadOnlyList<FreeSlot> Slots);

/// <summary>
/// Counselling appointments (課題解決支援サービス, 予約担当者制; R-APT-1). A jobseeker books a free slot at the home office (only the named
/// counsellor's when one is named) and may cancel until <see cref="CounsellingSlot.CutOff"/> before it; staff add slots, see the
/// day's appointments and record attended or no-show. A slot is taken by one conditional UPDATE that finds it free, so one slot never
/// has two bookings (docs/bookings.md); each change signals the slots topic, so open pages show the slot taken or freed at once.
/// </summary>
public sealed class Appointments(Operations ops)
{
    /// <summary>Upcoming appointments a jobseeker may hold at once (so that one person cannot hold a counsellor's week).</summary>
    public const int MaxUpcoming = 3;

    public const int DaysShown = 28;

    public Task<SlotChoice> ChoiceAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var now = ops.Clock.GetUtcNow();
        var officeId = await db.Jobseekers.Where(j => j.Id == jobseekerId).Select(j => j.HomeOfficeId).FirstOrDefaultAsync(ct);
        if (officeId is null)
        {
            return new SlotChoice(null, "", []);
        }
        var named = await db.NamedCounsellors.Where(n => n.JobseekerId == jobseekerId).Select(n => (Guid?)n.CounsellorUserId).FirstOrDefaultAsync(ct);
        var earliest = now + CounsellingSlot.CutOff;
        var until = now.AddDays(DaysShown);
        var slots = await (from s in db.CounsellingSlots
                           join u in db.Users on s.CounsellorUserId equals u.Id
                           where s.OfficeId == officeId && s.JobseekerId == null && s.StartsAt > earliest && s.StartsAt < until
                                 && (named == null || s.CounsellorUserId == named)
                           orderby s.StartsAt, u.DisplayName
                           select new FreeSlot(s.Id, s.StartsAt, s.Minutes, u.DisplayName)).Take(200).ToListAsync(ct);
        var namedName = named is null ? null : await db.Users.Where(u => u.Id == named).Select(u => u.DisplayName).FirstAsync(ct);
        var officeName = await db.Offices.Where(o => o.Id == officeId).Select(o => o.Name).FirstAsync(ct);
        return new SlotChoice(namedName, officeName, slots);
    }, ct);

    public Task<List<MyAppointment>> MineAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var now = ops.Clock.GetUtcNow();
        var since = now.AddDays(-90);
        var rows = await (from s in db.CounsellingSlots
                          join u in db.Users on s.CounsellorUserId equals u.Id
                          join o in db.Offices on s.OfficeId equals o.Id
                          join c in db.TrainingCourses on s.CourseId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          where s.JobseekerId == jobseekerId && s.StartsAt > since
                          orderby s.StartsAt descending
                          select new { s.Id, s.StartsAt, s.Minutes, Counsellor = u.DisplayName, Office = o.Name, Course = c != null ? c.Name : null, s.Attendance })
            .ToListAsync(ct);
        return rows.Select(r => new MyAppointment(r.Id, r.StartsAt, r.Minutes, r.Counsellor, r.Office, r.Course,
            r.Attendance is null && now < CounsellingSlot.LatestChange(r.StartsAt), r.Attendance)).ToList();
    }, ct);

    /// <summary>Books a free slot (R-APT-1), optionally for a training course the jobseeker wants to apply to (R-TRN-1). Only one of
    /// several people racing for a slot gets it; the others are told it was just taken.</summary>
    public Task BookAsync(Actor actor, Guid slotId, Guid? courseId = null, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var officeId = await w.Db.Jobseekers.Where(j => j.Id == jobseekerId).Select(j => j.HomeOfficeId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(ErrorCodes.JobseekerNotRegisteredAtOffice);
        var named = await w.Db.NamedCounsellors.Where(n => n.JobseekerId == jobseekerId).Select(n => (Guid?)n.CounsellorUserId).FirstOrDefaultAsync(ct);
        string? courseName = null;
        if (courseId is { } c)
        {
            courseName = await w.Db.TrainingCourses.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(ErrorCodes.CourseNotFound);
        }
        // The per-person limit counts and then adds: one booking of this person at a time (Work.LockAsync).
        await w.LockAsync<Jobseeker>(jobseekerId, ct);
        var now = w.Now;
        if (await w.Db.CounsellingSlots.CountAsync(s => s.JobseekerId == jobseekerId && s.StartsAt > now && s.Attendance == null, ct) >= MaxUpcoming)
        {
            throw new DomainException(ErrorCodes.TooManyAppointments, null, MaxUpcoming);
        }
        var earliest = now + CounsellingSlot.CutOff;
        var taken = await w.Db.CounsellingSlots
            .Where(s => s.Id == slotId && s.JobseekerId == null && s.OfficeId == officeId && s.StartsAt > earliest
                        && (named == null || s.CounsellorUserId == named))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.JobseekerId, jobseekerId).SetProperty(x => x.BookedAt, now)
                .SetProperty(x => x.CourseId, courseId).SetProperty(x => x.ReminderSentAt, (DateTimeOffset?)null), ct);
        var slot = await w.Db.CounsellingSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (taken == 0)
        {
            if (slot is null || slot.OfficeId != officeId || (named is not null && slot.CounsellorUserId != named))
            {
                throw new ScopeException("counselling slot");
            }
            throw new DomainException(slot.JobseekerId is not null ? ErrorCodes.SlotTaken : ErrorCodes.SlotBookingClosed);
        }
        w.Audit(AuditActions.AppointmentBooked, nameof(CounsellingSlot), slotId, jobseekerId, officeId, courseName);
        await w.Notices.AddAsync(Recipients.Office(officeId), NoticeKind.AppointmentBooked, slotId, Args(slot!, courseName), ct);
        w.Notices.Signal(Topics.Bookings, NoticeKind.SlotsChanged, slotId);
    }, ct);

    /// <summary>Cancels the person's own appointment until the cut-off; the slot is free again at once. Someone else's is not found.</summary>
    public Task CancelAsync(Actor actor, Guid slotId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var latest = w.Now + CounsellingSlot.CutOff;
        var slot = await w.Db.CounsellingSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId && s.JobseekerId == jobseekerId, ct)
            ?? throw new ScopeException("appointment");
        var freed = await w.Db.CounsellingSlots
            .Where(s => s.Id == slotId && s.JobseekerId == jobseekerId && s.StartsAt > latest && s.Attendance == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.JobseekerId, (Guid?)null).SetProperty(x => x.BookedAt, (DateTimeOffset?)null)
                .SetProperty(x => x.CourseId, (Guid?)null).SetProperty(x => x.ReminderSentAt, (DateTimeOffset?)null), ct);
        if (freed == 0)
        {
            throw new DomainException(ErrorCodes.AppointmentCancelClosed);
        }
        w.Audit(AuditActions.AppointmentCancelled, nameof(CounsellingSlot), slotId, jobseekerId, slot.OfficeId);
        await w.Notices.AddAsync(Recipients.Office(slot.OfficeId), NoticeKind.AppointmentCancelled, slotId, Args(slot, null), ct);
        w.Notices.Signal(Topics.Bookings, NoticeKind.SlotsChanged, slotId);
    }, ct);

    /// <summary>The office's staff, who hold slots.</summary>
    public Task<List<Counsellor>> CounsellorsAsync(Actor actor, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        return ops.ReadAsync(db => db.Users.Where(u => u.OfficeId == officeId && u.Role == Roles.Staff).OrderBy(u => u.DisplayName)
            .Select(u => new Counsellor(u.Id, u.DisplayName)).ToListAsync(ct), ct);
    }

    /// <summary>The office's slots of one Japan date, with who booked them (R-APT-1).</summary>
    public Task<List<DaySlot>> DayAsync(Actor actor, DateOnly date, CancellationToken ct = default) => ops.ReadAsync(db =>
    {
        var officeId = actor.RequireOffice();
        var (start, end) = (JapanTime.StartOf(date), JapanTime.EndOf(date));
        return (from s in db.CounsellingSlots
                join u in db.Users on s.CounsellorUserId equals u.Id
                join j in db.Jobseekers on s.JobseekerId equals j.Id into js
                from j in js.DefaultIfEmpty()
                join c in db.TrainingCourses on s.CourseId equals c.Id into cs
                from c in cs.DefaultIfEmpty()
                where s.OfficeId == officeId && s.StartsAt >= start && s.StartsAt < end
                orderby s.StartsAt, u.DisplayName
                select new DaySlot(s.Id, s.StartsAt, s.Minutes, s.CounsellorUserId, u.DisplayName, s.JobseekerId, j != null ? j.Name : null,
                    j != null ? j.JobseekerNumber : null, c != null ? c.Name : null, s.Attendance)).ToListAsync(ct);
    }, ct);

    /// <summary>Adds a counsellor's slots on a Japan date at the given start times (HH:mm); a time the counsellor already has is refused.</summary>
    public Task<int> AddSlotsAsync(Actor actor, Guid counsellorUserId, DateOnly date, IReadOnlyList<TimeOnly> times, int minutes, CancellationToken ct = default) =>
        ops.RunAsync(actor, async w =>
        {
            var officeId = actor.RequireOffice();
            if (!await w.Db.Users.AnyAsync(u => u.Id == counsellorUserId && u.OfficeId == officeId && u.Role == Roles.Staff, ct))
            {
                throw new DomainException(ErrorCodes.CounsellorNotInOffice, "Counsellor");
            }
            if (times.Count is 0 or > 20)
            {
                throw new DomainException(ErrorCodes.OutOfRange, "Times", 1, 20);
            }
            if (date < JapanTime.DateOf(w.Now))
            {
                throw new DomainException(ErrorCodes.DeadlineInPast, "Date");
            }
            var starts = times.Distinct().Order().Select(t => (JapanTime.StartOf(date) + t.ToTimeSpan()).ToUniversalTime()).ToList();
            if (await w.Db.CounsellingSlots.AnyAsync(s => s.CounsellorUserId == counsellorUserId && starts.Contains(s.StartsAt), ct))
            {
                throw new DomainException(ErrorCodes.SlotExists, "Times");
            }
            foreach (var start in starts)
            {
                var slot = new CounsellingSlot(officeId, counsellorUserId, start, minutes, w.Now);
                w.Db.CounsellingSlots.Add(slot);
                w.Notices.Signal(Topics.Bookings, NoticeKind.SlotsChanged, slot.Id);
            }
            w.Audit(AuditActions.CounsellingSlotsAdded, "Counsellor", counsellorUserId, officeId: officeId,
                detail: string.Join(",", starts.Select(s => JapanTime.ToJapan(s).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
            return starts.Count;
        }, ct);

    /// <summary>Records 来所 or 無断キャンセル for an appointment of the office, once it has begun (R-APT-1).</summary>
    public Task RecordAsync(Actor actor, Guid slotId, Attendance attendance, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var slot = await w.Db.CounsellingSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.OfficeId == officeId, ct) ?? throw new ScopeException("appointment");
        slot.Record(attendance, w.Now);
        w.Audit(AuditActions.AttendanceRecorded, nameof(CounsellingSlot), slotId, slot.JobseekerId, officeId, attendance.ToString());
        if (attendance == Attendance.Attended && slot.JobseekerId is { } attendee)
        {
            await Evaluation.SurveyOffers.OfferAsync(w, Evaluation.SurveyOccasion.Appointment, slot.Id, attendee, officeId, ct);   // R-EVAL-4, once
        }
        w.Notices.Signal(Topics.Bookings, NoticeKind.SlotsChanged, slotId);
    }, ct);

    /// <summary>Names a counsellor of the office for a jobseeker registered there (担当者制): from now on the jobseeker books that person's slots.</summary>
    public Task AssignAsync(Actor actor, string jobseekerNumber, Guid counsellorUserId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var jobseeker = await w.Db.Jobseekers.FirstOrDefaultAsync(j => j.JobseekerNumber == jobseekerNumber.Trim() && j.HomeOfficeId == officeId, ct)
            ?? throw new DomainException(ErrorCodes.JobseekerNotFound, "JobseekerNumber");
        if (!await w.Db.Users.AnyAsync(u => u.Id == counsellorUserId && u.OfficeId == officeId && u.Role == Roles.Staff, ct))
        {
            throw new DomainException(ErrorCodes.CounsellorNotInOffice, "Counsellor");
        }
        var current = await w.Db.NamedCounsellors.FirstOrDefaultAsync(n => n.JobseekerId == jobseeker.Id, ct);
        if (current is not null)
        {
            w.Db.NamedCounsellors.Remove(current);
            await w.Db.SaveChangesAsync(ct);
        }
        w.Db.NamedCounsellors.Add(new NamedCounsellor(jobseeker.Id, counsellorUserId, officeId, w.Now));
        w.Audit(AuditActions.CounsellorAssigned, nameof(NamedCounsellor), jobseeker.Id, jobseeker.Id, officeId);
        w.Notices.Signal(Topics.Bookings, NoticeKind.SlotsChanged, jobseeker.Id);
    }, ct);

    internal static Dictionary<string, string> Args(CounsellingSlot slot, string? courseName)
    {
        var args = new Dictionary<string, string>
        {
            [NoticeArg.Date] = NoticeArg.DateValue(JapanTime.DateOf(slot.StartsAt)),
            [NoticeArg.Time] = JapanTime.ToJapan(slot.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        if (courseName is not null)
        {
            args[NoticeArg.CourseName] = courseName;
        }
        return args;
    }
}
