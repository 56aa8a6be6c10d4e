using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Bookings;

/// <summary>The search of ハロートレーニング (R-TRN-1): words (course, school, place), prefecture, field, kind, 給付金 only, favourites only.
/// Closed courses (past their application deadline) only when asked for.</summary>
public sealed record TrainingFilter(string? Words = null, string? Prefecture = null, string? Field = null, TrainingKind? Kind = null,
    bool BenefitOnly = false, bool FavouritesOnly = false, bool IncludeClosed = false);

public sealed record TrainingCard(Guid Id, TrainingKind Kind, string Name, string School, string Prefecture, string Place, string Field,
    DateOnly StartDate, DateOnly EndDate, int Hours, int Capacity, DateOnly ApplicationDeadline, DateOnly SelectionDate, int Cost,
    bool BenefitEligible, bool Open, bool Favourite);

public sealed record TrainingCourseView(TrainingCard Card, string Description, string OfficeName, string OfficePhone);

/// <summary>
/// ハロートレーニング in one place (seed 002 「公的職業訓練を一元的に検索」, R-TRN-1): jobseekers search, keep favourites and open a course,
/// whose 「受講を希望する」 leads to a counselling appointment (<see cref="Appointments.BookAsync"/> with the course): the application itself
/// goes through the office. Staff enter and update their office's courses.
/// </summary>
public sealed class TrainingCourses(Operations ops)
{
    public const int MaxListed = 100;

    /// <summary>Fields (訓練分野) offered in the forms and filters.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["IT・Web", "介護・福祉", "医療事務", "事務・経理", "デザイン", "建築・設備", "製造・機械", "電気・電子", "物流・運輸", "理容・美容", "調理", "農業"];

    public Task<List<TrainingCard>> SearchAsync(Actor actor, TrainingFilter filter, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.IsJobseeker ? actor.JobseekerId : null;
        if (jobseekerId is null && !actor.IsStaff)
        {
            throw new ScopeException("training courses");
        }
        var today = JapanTime.Today(ops.Clock);
        var q = db.TrainingCourses.AsQueryable();
        if (!filter.IncludeClosed)
        {
            q = q.Where(c => c.ApplicationDeadline >= today);
        }
        if (Text.Optional(filter.Words, nameof(filter.Words), 100) is { } words)
        {
            foreach (var word in words.Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries).Take(5))
            {
                q = q.Where(c => c.Name.Contains(word) || c.School.Contains(word) || c.Place.Contains(word) || c.Field.Contains(word));
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.Prefecture))
        {
            q = q.Where(c => c.Prefecture == filter.Prefecture);
        }
        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            q = q.Where(c => c.Field == filter.Field);
        }
        if (filter.Kind is { } kind)
        {
            q = q.Where(c => c.Kind == kind);
        }
        if (filter.BenefitOnly)
        {
            q = q.Where(c => c.BenefitEligible);
        }
        if (filter.FavouritesOnly)
        {
            q = q.Where(c => db.TrainingFavourites.Any(f => f.CourseId == c.Id && f.JobseekerId == jobseekerId));
        }
        var courses = await q.OrderBy(c => c.ApplicationDeadline).ThenBy(c => c.Name).Take(MaxListed).ToListAsync(ct);
        return await CardsAsync(db, jobseekerId, courses, today, ct);
    }, ct);

    public Task<TrainingCourseView> GetAsync(Actor actor, Guid id, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        if (!actor.IsJobseeker && !actor.IsStaff)
        {
            throw new ScopeException("training course");
        }
        var course = await db.TrainingCourses.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new ScopeException("training course");
        var office = await db.Offices.FirstAsync(o => o.Id == course.OfficeId, ct);
        var card = (await CardsAsync(db, actor.JobseekerId, [course], JapanTime.Today(ops.Clock), ct))[0];
        return new TrainingCourseView(card, course.Description, office.Name, office.Phone);
    }, ct);

    /// <summary>Adds or removes a favourite course of the jobseeker's own (adding twice changes nothing).</summary>
    public Task SetFavouriteAsync(Actor actor, Guid courseId, bool favourite, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        if (!await w.Db.TrainingCourses.AnyAsync(c => c.Id == courseId, ct))
        {
            throw new ScopeException("training course");
        }
        var current = await w.Db.TrainingFavourites.FirstOrDefaultAsync(f => f.JobseekerId == jobseekerId && f.CourseId == courseId, ct);
        if (favourite && current is null)
        {
            if (await w.Db.TrainingFavourites.CountAsync(f => f.JobseekerId == jobseekerId, ct) >= Search.SavedItemsService.MaxFavourites)
            {
                throw new DomainException(ErrorCodes.TooManyFavourites, null, Search.SavedItemsService.MaxFavourites);
            }
            w.Db.TrainingFavourites.Add(new TrainingFavourite(jobseekerId, courseId, w.Now));
        }
        else if (!favourite && current is not null)
        {
            w.Db.TrainingFavourites.Remove(current);
        }
    }, ct);

    /// <summary>The office's own courses for its staff, latest start first.</summary>
    public Task<List<TrainingCard>> OfficeCoursesAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var courses = await db.TrainingCourses.Where(c => c.OfficeId == officeId).OrderByDescending(c => c.StartDate).Take(MaxListed).ToListAsync(ct);
        return await CardsAsync(db, null, courses, JapanTime.Today(ops.Clock), ct);
    }, ct);

    public Task<TrainingCourseInput> EditAsync(Actor actor, Guid id, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var c = await db.TrainingCourses.FirstOrDefaultAsync(x => x.Id == id && x.OfficeId == officeId, ct) ?? throw new ScopeException("training course");
        return new TrainingCourseInput(c.Kind, c.Name, c.School, c.Prefecture, c.Place, c.Field, c.StartDate, c.EndDate, c.Hours, c.Capacity,
            c.ApplicationDeadline, c.SelectionDate, c.Cost, c.BenefitEligible, c.Description);
    }, ct);

    /// <summary>Enters (<paramref name="id"/> null) or updates a course of the staff member's office; another office's is not found.</summary>
    public Task<Guid> SaveAsync(Actor actor, Guid? id, TrainingCourseInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        if (!Fields.Contains(input.Field))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(input.Field));
        }
        TrainingCourse course;
        if (id is { } existing)
        {
            course = await w.Db.TrainingCourses.FirstOrDefaultAsync(c => c.Id == existing && c.OfficeId == officeId, ct) ?? throw new ScopeException("training course");
            course.Update(input, w.Now);
        }
        else
        {
            course = w.Db.TrainingCourses.Add(new TrainingCourse(officeId, input, w.Now)).Entity;
        }
        w.Audit(AuditActions.TrainingCourseSaved, nameof(TrainingCourse), course.Id, officeId: officeId, detail: course.Name);
        return course.Id;
    }, ct);

    private static async Task<List<TrainingCard>> CardsAsync(HelloWorkDb db, Guid? jobseekerId, List<TrainingCourse> courses, DateOnly today, CancellationToken ct)
    {
        var ids = courses.Select(c => c.Id).ToList();
        var favourites = jobseekerId is null ? [] : await db.TrainingFavourites.Where(f => f.JobseekerId == jobseekerId && ids.Contains(f.CourseId))
            .Select(f => f.CourseId).ToListAsync(ct);
        return [.. courses.Select(c => new TrainingCard(c.Id, c.Kind, c.Name, c.School, c.Prefecture, c.Place, c.Field, c.StartDate, c.EndDate, c.Hours,
            c.Capacity, c.ApplicationDeadline, c.SelectionDate, c.Cost, c.BenefitEligible, c.AcceptsApplications(today), favourites.Contains(c.Id)))];
    }
}
