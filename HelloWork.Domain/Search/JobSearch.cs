using System.Linq.Expressions;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Documents;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

/// <summary>The 求人票 of one offer as this viewer may see it, and what this viewer can do with it.</summary>
public sealed record JobDetail(Guid OfferId, JobSheetSource Sheet, bool IsOpen, bool ShowsEmployerName, bool AcceptsSelfApplication,
    bool AcceptsDocuments, IReadOnlyList<JobBadge> Badges, bool IsJobseeker, bool IsFavourite, Guid? LiveApplicationId, Guid? ProposedReferralId);

/// <summary>
/// The public job search (R-SRC-1): anyone, signed in or not, searches published offers that are still valid; the
/// employer's name follows the publication scope (<see cref="SearchViewer"/>). A read model over the search columns that
/// <see cref="JobOffer"/> copies from its sheet; free words go through <see cref="FreeWords"/>.
/// The benchmark calls <see cref="SearchAsync(JobSearchCriteria, SearchViewer, CancellationToken)"/> directly.
/// </summary>
public sealed class JobSearch(Operations ops)
{
    private readonly int _singlePassLimit = SinglePassLimit;

    /// <summary>For tests: a smaller limit, so that both ways of counting and paging can be compared on a few offers.</summary>
    internal JobSearch(Operations ops, int singlePassLimit) : this(ops) => _singlePassLimit = singlePassLimit;

    public Task<JobSearchResult> SearchAsync(Actor? actor, JobSearchCriteria criteria, CancellationToken ct = default) =>
        ops.ReadAsync(async db => await SearchAsync(db, await SearchViewer.OfAsync(db, actor, ct), criteria, ct), ct);

    public Task<JobSearchResult> SearchAsync(JobSearchCriteria criteria, SearchViewer viewer, CancellationToken ct = default) =>
        ops.ReadAsync(db => SearchAsync(db, viewer, criteria, ct), ct);

    private async Task<JobSearchResult> SearchAsync(HelloWorkDb db, SearchViewer viewer, JobSearchCriteria c, CancellationToken ct)
    {
        c.Validate();
        var today = JapanTime.Today(ops.Clock);
        var words = JobSearchCriteria.SplitWords(c.Words);
        var notWords = JobSearchCriteria.SplitWords(c.NotWords);
        var byWords = words.Count > 0 || notWords.Count > 0;
        var source = byWords ? await FreeWords.ApplyAsync(db, words, notWords, JobSearchFacets.Expression(c), ct) : WithoutWords(db, c);
        var q = Filter(source.Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= today), c);
        // The job number is unique, so every order is total and pages never overlap or skip (paging stability).
        // With words, one command: the page ordered in SQL with the number of matches beside every row (count(*) OVER () over
        // at most SinglePassLimit + 1 matches), so the match runs once and no key leaves SQLite. Without words, and with more
        // than SinglePassLimit matches: count and page in two commands, each reading only the search index (a scan of the index
        // costs less than buffering its rows for the window: 2 × 90 ms against 345 ms for all 1,000,000 open offers).
        int? total = null;
        List<string> numbers = [];
        if (byWords)
        {
            var limited = q.Take(_singlePassLimit + 1);
            var page = await Ordered(limited, c.Sort).Select(o => new PageRow(o.JobNumber!, SearchSql.CountOver()))
                .Skip((c.Page - 1) * c.PageSize).Take(c.PageSize).ToListAsync(ct);
            var counted = page.Count > 0 ? page[0].Total : await limited.CountAsync(ct); // no row: a page past the last
            if (counted <= _singlePassLimit)
            {
                total = counted;
                numbers = [.. page.Select(r => r.JobNumber)];
            }
        }
        if (total is null)
        {
            total = await q.CountAsync(ct);
            // The page's job numbers first (the sort reads only indexed columns), then the 30 cards with their sheets: sorting
            // whole rows would read the JSON sheet of every match.
            numbers = await Ordered(q, c.Sort).Skip((c.Page - 1) * c.PageSize).Take(c.PageSize).Select(o => o.JobNumber!).ToListAsync(ct);
        }
        var byNumber = (await CardRow.From(db.JobOffers.Where(o => numbers.Contains(o.JobNumber!))).ToListAsync(ct)).ToDictionary(r => r.JobNumber);
        var rows = numbers.Where(byNumber.ContainsKey).Select(n => byNumber[n]).ToList();
        return new JobSearchResult([.. rows.Select(r => r.ToCard(viewer.ShowsName(r.Scope, r.EstablishmentId), today))], total.Value, c.Page, c.PageSize);
    }

    /// <summary>
    /// Up to this many matches are counted and paged in one command. At 1 M offers a common word with a filter that has no
    /// index token (a wage floor, a NOT word) matches 23,000–34,000 offers: with the limit at 5,000 those ran the match three
    /// times (p95 124 ms); at 60,000, reading their sort keys into .NET and sorting there, once (p95 113 ms); counting and
    /// paging them inside SQLite with <c>count(*) OVER ()</c>, once and without the 30,000 keys (docs/BENCHMARKS.md). Raised from
    /// 60,000 to 200,000 on 3 Dec: with 1,000,000 open offers 保育 自主応募可 matches 66,647, and its two commands took 218 ms against
    /// 94 ms for one; at 121,000 matches (スタッフ) one command is 98 ms, two 128. Then to 1,000,000: 未経験 alone (527,898 results)
    /// ran a wasted pass up to the limit and then two commands, 532 ms; one command over all of them takes 342–356 ms. One command
    /// is cheaper at every size measured; the limit only bounds the window's buffer (≈ 40 bytes a row, in SQLite's temp store).
    /// </summary>
    internal const int SinglePassLimit = 1_000_000;

    private sealed record PageRow(string JobNumber, int Total);

    /// <summary>
    /// The offers a search without words filters. On SQLite they are read from the covering search index rather than the table
    /// (IX_JobOffers_SearchNumber, <see cref="HelloWork.Domain.Data.SchemaSql.SqliteSearchNumberIndex"/>, on every row): left to itself the planner walks
    /// (Status, ValidUntil) and reads each offer's row, JSON sheet and all (at 1,000,000 open offers the first page of everything
    /// took 1.5 s, of 東京都 0.34 s; through the index 0.1 s each). Not for a search by job numbers, which their unique index
    /// finds at once.
    /// </summary>
    internal static IQueryable<JobOffer> WithoutWords(HelloWorkDb db, JobSearchCriteria c) =>
        db.Database.IsSqlite() && c.JobNumbers.Count == 0
            ? db.JobOffers.FromSqlRaw("SELECT * FROM \"JobOffers\" INDEXED BY \"IX_JobOffers_SearchNumber\"")
            : db.JobOffers;

    /// <summary>受付年月日 newest first, or 紹介期限日 soonest first; the job number (unique) makes either order total.</summary>
    private static IQueryable<JobOffer> Ordered(IQueryable<JobOffer> q, JobSort sort) => sort == JobSort.ValidUntil
        ? q.OrderBy(o => o.ValidUntil).ThenBy(o => o.JobNumber)
        : q.OrderByDescending(o => o.ReceivedDate).ThenByDescending(o => o.JobNumber);

    private static IQueryable<JobOffer> Filter(IQueryable<JobOffer> q, JobSearchCriteria c)
    {
        if (c.Areas.Count > 0)
        {
            q = q.Where(AnyOf(c.Areas.Select(a => a.Municipality is { Length: > 0 } m
                ? (Expression<Func<JobOffer, bool>>)(o => o.Prefecture == a.Prefecture && o.Municipality.StartsWith(m))
                : o => o.Prefecture == a.Prefecture)));
        }
        if (c.OccupationCodes.Count > 0)
        {
            q = q.Where(AnyOf(c.OccupationCodes.Select(code => (Expression<Func<JobOffer, bool>>)(o => o.OccupationCode.StartsWith(code)))));
        }
        if (c.EmploymentTypes.Count > 0)
        {
            var types = c.EmploymentTypes.ToList();
            q = q.Where(o => types.Contains(o.EmploymentType));
        }
        if (c.Categories.Count > 0)
        {
            var categories = c.Categories.ToList();
            q = q.Where(o => categories.Contains(o.Category));
        }
        if (c.WageFloor is { } floor)
        {
            q = q.Where(o => o.WageForm == c.WageForm && o.WageMin >= floor);
        }
        if (c.WorkFrom is { } from)
        {
            var minutes = from.Hour * 60 + from.Minute;
            q = q.Where(o => o.WorkStartMinutes >= minutes);
        }
        if (c.WorkUntil is { } until)
        {
            var minutes = until.Hour * 60 + until.Minute;
            q = q.Where(o => o.WorkEndMinutes <= minutes && o.WorkEndMinutes > o.WorkStartMinutes);
        }
        if (c.AnnualHolidaysMin is { } days)
        {
            q = q.Where(o => o.AnnualHolidays >= days);
        }
        if (c.WeeklyTwoDaysOff) q = q.Where(o => o.WeeklyTwoDaysOff);
        if (c.NearStation) q = q.Where(o => o.NearStation);
        if (c.RemoteWork) q = q.Where(o => o.RemoteWork);
        if (c.UijTurn) q = q.Where(o => o.UijTurn);
        if (c.SelfApplication) q = q.Where(o => o.SelfApplication);
        if (c.ExcludeDispatch) q = q.Where(o => !o.IsDispatch);
        if (c.JobNumbers.Count > 0)
        {
            var numbers = c.JobNumbers.Select(n => n.Trim()).ToList();
            q = q.Where(o => numbers.Contains(o.JobNumber!));
        }
        return q;
    }

    private static Expression<Func<JobOffer, bool>> AnyOf(IEnumerable<Expression<Func<JobOffer, bool>>> parts)
    {
        var p = Expression.Parameter(typeof(JobOffer), "o");
        var body = parts.Select(e => new Rebind(e.Parameters[0], p).Visit(e.Body)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<JobOffer, bool>>(body, p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>
    /// The whole 求人票 (R-JOB-8) of a published, valid offer for anyone, with the employer's name, address and contact only where
    /// the publication scope allows; an offer that is not open only for its employer and the staff of its office. Null when
    /// there is nothing this viewer may see (the page shows "not found", revealing nothing).
    /// </summary>
    public Task<JobDetail?> DetailAsync(Actor? actor, string jobNumber, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var now = ops.Clock.GetUtcNow();
        if (await VisibleSheetAsync(db, actor, jobNumber, now, ct) is not (var offer, var viewer, var showName, var sheet))
        {
            return null;
        }
        var card = (await CardRow.From(db.JobOffers.Where(o => o.Id == offer.Id)).FirstAsync(ct)).ToCard(showName, JapanTime.DateOf(now));
        bool favourite = false;
        Guid? applicationId = null, referralId = null;
        if (viewer.JobseekerId is { } jobseekerId)
        {
            favourite = await db.Favourites.AnyAsync(f => f.JobseekerId == jobseekerId && f.JobOfferId == offer.Id, ct);
            applicationId = await db.Applications.Where(a => a.JobseekerId == jobseekerId && a.JobOfferId == offer.Id && a.Status == ApplicationStatus.InSelection)
                .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            referralId = await db.Referrals.Where(r => r.JobseekerId == jobseekerId && r.JobOfferId == offer.Id && r.Status == ReferralStatus.Proposed && r.Deadline > now)
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        }
        return new JobDetail(offer.Id, sheet, offer.IsOpen(now), showName, offer.AcceptsSelfApplication(now), offer.AcceptsDocuments, card.Badges,
            viewer.JobseekerId is not null, favourite, applicationId, referralId);
    }, ct);

    /// <summary>
    /// The one visibility rule of a 求人票, for the detail page and the PDF (R-JOB-8, R-ACC-4): an open offer for anyone; an offer
    /// that is not open only for its employer and the staff of its office (accepting or the establishment's). Null when this viewer
    /// may not see it. The employer's name follows 公開範囲 through <see cref="SearchViewer"/> (which always shows it to the offer's
    /// own employer and to staff).
    /// </summary>
    internal static async Task<(JobOffer Offer, SearchViewer Viewer, bool ShowName, JobSheetSource Sheet)?> VisibleSheetAsync(HelloWorkDb db, Actor? actor,
        string jobNumber, DateTimeOffset now, CancellationToken ct)
    {
        var offer = await db.JobOffers.FirstOrDefaultAsync(o => o.JobNumber == jobNumber, ct);
        if (offer is null)
        {
            return null;
        }
        var establishment = await db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
        var own = actor is not null && ((actor.IsEmployer && actor.EstablishmentId == offer.EstablishmentId)
            || (actor.IsStaff && (actor.OfficeId == offer.AcceptingOfficeId || actor.OfficeId == establishment.OfficeId)));
        if (!own && !offer.IsOpen(now))
        {
            return null;
        }
        var viewer = await SearchViewer.OfAsync(db, actor, ct);
        var showName = viewer.ShowsName(offer.Scope, offer.EstablishmentId);
        var office = offer.AcceptingOfficeId is { } officeId ? await db.Offices.FirstOrDefaultAsync(o => o.Id == officeId, ct) : null;
        var captions = showName ? await EstablishmentProfileService.PublicCaptionsAsync(db, offer.EstablishmentId, ct) : [];
        return (offer, viewer, showName, JobSheetSource.Of(offer, establishment, office, showName, captions));
    }

    /// <summary>Cards for a jobseeker's favourites (R-SRC-2), newest first; offers that closed since are listed as no longer open by the caller.</summary>
    internal static async Task<List<(JobCard Card, bool Open)>> CardsAsync(HelloWorkDb db, SearchViewer viewer, IQueryable<JobOffer> offers, DateTimeOffset now,
        CancellationToken ct)
    {
        var today = JapanTime.DateOf(now);
        var rows = await CardRow.From(offers).ToListAsync(ct);
        return [.. rows.Select(r => (r.ToCard(viewer.ShowsName(r.Scope, r.EstablishmentId), today), r.Status == OfferStatus.Published && r.ValidUntil >= today))];
    }
}
