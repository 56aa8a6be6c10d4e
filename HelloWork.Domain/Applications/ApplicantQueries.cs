using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Applications;

/// <summary>What the employer's applicant list can be sorted by (R-APP-2).</summary>
public enum ApplicantSort
{
    /// <summary>紹介・応募日</summary>
    AppliedAt = 0,

    /// <summary>選考結果登録日 (applicants without a result sort as the earliest)</summary>
    ResultRegisteredAt = 1,

    /// <summary>応募者氏名, in 五十音順 by furigana</summary>
    Name = 2,

    /// <summary>選考状況, then the application date in the same direction (so both directions follow one index)</summary>
    Status = 3,
}

/// <summary>Filters, sort and page of the applicant list. Dates are Japan calendar dates, both ends included (R-TIME-1).</summary>
public sealed record ApplicantQuery
{
    public const int MaxPageSize = 200;

    public ApplicationStatus? Status { get; init; }
    public ApplicationMethod? Method { get; init; }
    public Guid? JobOfferId { get; init; }
    public DateOnly? AppliedFrom { get; init; }
    public DateOnly? AppliedTo { get; init; }
    public ApplicantSort Sort { get; init; } = ApplicantSort.AppliedAt;
    public bool Descending { get; init; } = true;

    /// <summary>Zero-based page index.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = 50;
}

/// <summary>One row of the applicant list (R-APP-2): 選考状況, 氏名, マイページ有無, 応募方法, 紹介・応募日, 選考結果登録日, the offer.</summary>
/// <param name="UnreadMessages">The applicant wrote a message the establishment has not read yet (R-MSG-2): the list marks the
/// row, and the mark appears and clears live.</param>
public sealed record ApplicantRow(Guid ApplicationId, ApplicationStatus Status, string ApplicantName, string ApplicantKana, bool HasMypage,
    ApplicationMethod Method, DateTimeOffset AppliedAt, DateTimeOffset? ResultRegisteredAt, Guid JobOfferId, string? JobNumber, string JobTitle,
    bool UnreadMessages = false);

public sealed record ApplicantPage(IReadOnlyList<ApplicantRow> Rows, int TotalCount, int Page, int PageSize);

/// <summary>An offer to filter the applicant list by.</summary>
public sealed record OfferChoice(Guid Id, string Title, string? JobNumber);

/// <summary>
/// The employer's applicant list (応募者管理, R-APP-2): server-side filters, sorting and paging over one establishment's
/// applications, fast for tens of thousands of applicants. The establishment comes from the signed-in employer only (R-ACC-4).
/// The filtered count reads the applications alone; the page joins the jobseeker and the offer for its rows only. This is the one
/// query path of the employer's grid and the one the <c>applicants</c> benchmark measures.
/// </summary>
public sealed class ApplicantQueries(Operations ops)
{
    /// <summary>At most this many selected applicants go into one CSV (more than the largest page of the grid).</summary>
    public const int MaxExport = ApplicantQuery.MaxPageSize;

    /// <summary>The establishment's offers that have a job number (accepted at least once), newest first, for the offer filter.</summary>
    public Task<List<OfferChoice>> OffersAsync(Actor actor, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        return ops.ReadAsync(db => db.JobOffers
            .Where(o => o.EstablishmentId == establishmentId && o.JobNumber != null)
            .OrderByDescending(o => o.AcceptedAt)
            .Select(o => new OfferChoice(o.Id, o.Title, o.JobNumber)).ToListAsync(ct), ct);
    }

    /// <summary>
    /// The selected applicants' rows for the employer's CSV (the list's own columns only: no 志望動機, no documents, no contact data).
    /// Every id must be an application of the caller's establishment, else the whole request is refused with a
    /// <see cref="ScopeException"/> and nothing is returned (R-ACC-4). The export is audited with its count, since personal data leaves
    /// the portal as a file.
    /// </summary>
    public Task<IReadOnlyList<ApplicantRow>> ExportAsync(Actor actor, IReadOnlyCollection<Guid> applicationIds, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var ids = applicationIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxExport)
        {
            throw new DomainException(ErrorCodes.OutOfRange, "Selection");
        }
        return ops.RunAsync(actor, async w =>
        {
            var found = await w.Db.Applications.Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.EstablishmentId }).ToListAsync(ct);
            if (found.Count != ids.Count || found.Any(a => a.EstablishmentId != establishmentId))
            {
                throw new ScopeException("applicants of another establishment");
            }
            var rows = await (
                from a in w.Db.Applications.AsNoTracking()
                where ids.Contains(a.Id)
                join j in w.Db.Jobseekers on a.JobseekerId equals j.Id
                join o in w.Db.JobOffers on a.JobOfferId equals o.Id
                orderby a.AppliedAt descending, a.Id
                select new ApplicantRow(a.Id, a.Status, j.Name, j.Kana, a.ApplicantHasMypage, a.Method, a.AppliedAt, a.ResultRegisteredAt,
                    a.JobOfferId, o.JobNumber, o.Title)).ToListAsync(ct);
            w.Audit(AuditActions.ApplicantsExported, "Establishment", establishmentId,
                detail: rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (IReadOnlyList<ApplicantRow>)rows;
        }, ct);
    }

    public Task<ApplicantPage> QueryAsync(Actor actor, Guid establishmentId, ApplicantQuery query, CancellationToken ct = default)
    {
        if (actor.RequireEstablishment() != establishmentId)
        {
            throw new ScopeException("applicants of another establishment");
        }
        if (query.PageSize is < 1 or > ApplicantQuery.MaxPageSize)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(query.PageSize));
        }
        if (query.Page < 0)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(query.Page));
        }
        if (query.AppliedFrom is { } f && query.AppliedTo is { } t && f > t)
        {
            throw new DomainException(ErrorCodes.DateRangeReversed, nameof(query.AppliedTo));
        }
        return ops.ReadAsync(async db =>
        {
            var filtered = Filter(db.Applications.Where(a => a.EstablishmentId == establishmentId), query);
            var total = await filtered.CountAsync(ct);
            IQueryable<Application> page;
            if (query.Sort == ApplicantSort.Name)
            {
                // The name lives on the jobseeker: join first, then sort and page (cost grows with the filtered count).
                var byName =
                    from a in filtered
                    join j in db.Jobseekers on a.JobseekerId equals j.Id
                    select new { a, j.Kana, j.Name };
                var sortedByName = query.Descending
                    ? byName.OrderByDescending(x => x.Kana).ThenByDescending(x => x.Name).ThenBy(x => x.a.Id)
                    : byName.OrderBy(x => x.Kana).ThenBy(x => x.Name).ThenBy(x => x.a.Id);
                page = sortedByName.Skip(query.Page * query.PageSize).Take(query.PageSize).Select(x => x.a);
            }
            else
            {
                // Sort and page the applications alone along an index, then join the jobseeker and the offer for the page's rows only:
                // a deep page costs an index walk, not tens of thousands of joins.
                page = Sort(filtered, query).Skip(query.Page * query.PageSize).Take(query.PageSize);
            }
            var joined =
                from a in page
                join j in db.Jobseekers on a.JobseekerId equals j.Id
                join o in db.JobOffers on a.JobOfferId equals o.Id
                select new Joined
                {
                    A = a, Name = j.Name, Kana = j.Kana, JobNumber = o.JobNumber, Title = o.Title,
                    Unread = db.Messages.Any(m => m.ApplicationId == a.Id && m.From == Messaging.MessageSide.Jobseeker && m.ReadAt == null),
                };
            var rows = await Sort(joined, query)
                .Select(x => new ApplicantRow(x.A.Id, x.A.Status, x.Name, x.Kana, x.A.ApplicantHasMypage, x.A.Method, x.A.AppliedAt,
                    x.A.ResultRegisteredAt, x.A.JobOfferId, x.JobNumber, x.Title, x.Unread))
                .ToListAsync(ct);
            return new ApplicantPage(rows, total, query.Page, query.PageSize);
        }, ct);
    }

    /// <summary>A page row before projection; member-initialised so EF can sort on it.</summary>
    private sealed class Joined
    {
        public required Application A { get; init; }
        public required string Name { get; init; }
        public required string Kana { get; init; }
        public string? JobNumber { get; init; }
        public required string Title { get; init; }
        public bool Unread { get; init; }
    }

    /// <summary>Each sort follows an index of Applications, ties broken by the id so that paging is stable.</summary>
    private static IOrderedQueryable<Application> Sort(IQueryable<Application> q, ApplicantQuery query) => (query.Sort, query.Descending) switch
    {
        (ApplicantSort.ResultRegisteredAt, false) => q.OrderBy(a => a.ResultRegisteredAt).ThenBy(a => a.AppliedAt).ThenBy(a => a.Id),
        (ApplicantSort.ResultRegisteredAt, true) => q.OrderByDescending(a => a.ResultRegisteredAt).ThenByDescending(a => a.AppliedAt).ThenBy(a => a.Id),
        (ApplicantSort.Status, false) => q.OrderBy(a => a.Status).ThenBy(a => a.AppliedAt).ThenBy(a => a.Id),
        (ApplicantSort.Status, true) => q.OrderByDescending(a => a.Status).ThenByDescending(a => a.AppliedAt).ThenBy(a => a.Id),
        (_, false) => q.OrderBy(a => a.AppliedAt).ThenBy(a => a.Id),
        (_, true) => q.OrderByDescending(a => a.AppliedAt).ThenBy(a => a.Id),
    };

    private static IOrderedQueryable<Joined> Sort(IQueryable<Joined> q, ApplicantQuery query) => (query.Sort, query.Descending) switch
    {
        (ApplicantSort.Name, false) => q.OrderBy(x => x.Kana).ThenBy(x => x.Name).ThenBy(x => x.A.Id),
        (ApplicantSort.Name, true) => q.OrderByDescending(x => x.Kana).ThenByDescending(x => x.Name).ThenBy(x => x.A.Id),
        (ApplicantSort.ResultRegisteredAt, false) => q.OrderBy(x => x.A.ResultRegisteredAt).ThenBy(x => x.A.AppliedAt).ThenBy(x => x.A.Id),
        (ApplicantSort.ResultRegisteredAt, true) => q.OrderByDescending(x => x.A.ResultRegisteredAt).ThenByDescending(x => x.A.AppliedAt).ThenBy(x => x.A.Id),
        (ApplicantSort.Status, false) => q.OrderBy(x => x.A.Status).ThenBy(x => x.A.AppliedAt).ThenBy(x => x.A.Id),
        (ApplicantSort.Status, true) => q.OrderByDescending(x => x.A.Status).ThenByDescending(x => x.A.AppliedAt).ThenBy(x => x.A.Id),
        (_, false) => q.OrderBy(x => x.A.AppliedAt).ThenBy(x => x.A.Id),
        (_, true) => q.OrderByDescending(x => x.A.AppliedAt).ThenBy(x => x.A.Id),
    };

    private static IQueryable<Application> Filter(IQueryable<Application> q, ApplicantQuery query)
    {
        if (query.Status is { } status)
        {
            q = q.Where(a => a.Status == status);
        }
        if (query.Method is { } method)
        {
            q = q.Where(a => a.Method == method);
        }
        if (query.JobOfferId is { } offerId)
        {
            q = q.Where(a => a.JobOfferId == offerId);
        }
        if (query.AppliedFrom is { } from)
        {
            var start = JapanTime.StartOf(from);
            q = q.Where(a => a.AppliedAt >= start);
        }
        if (query.AppliedTo is { } to)
        {
            var end = JapanTime.EndOf(to);
            q = q.Where(a => a.AppliedAt < end);
        }
        return q;
    }
}
