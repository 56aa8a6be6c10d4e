using HelloWork.Domain.Common;
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

    /// <summary>選考状況, newest application first within a status</summary>
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
public sealed record ApplicantRow(Guid ApplicationId, ApplicationStatus Status, string ApplicantName, string ApplicantKana, bool HasMypage,
    ApplicationMethod Method, DateTimeOffset AppliedAt, DateTimeOffset? ResultRegisteredAt, Guid JobOfferId, string? JobNumber, string JobTitle);

public sealed record ApplicantPage(IReadOnlyList<ApplicantRow> Rows, int TotalCount, int Page, int PageSize);

/// <summary>
/// The employer's applicant list (応募者管理, R-APP-2): server-side filters, sorting and paging over one establishment's
/// applications, fast for tens of thousands of applicants. The establishment comes from the signed-in employer only (R-ACC-4).
/// The filtered count reads the applications alone; the page joins the jobseeker and the offer for its rows only.
/// </summary>
public sealed class ApplicantList(Operations ops)
{
    public Task<ApplicantPage> QueryAsync(Actor actor, Guid establishmentId, ApplicantQuery query, CancellationToken ct = default)
    {
        if (actor.RequireEstablishment() != establishmentId)
        {
            throw new ScopeException("applicants of another establishment");
        }
        if (query.PageSize is < 1 or > ApplicantQuery.MaxPageSize)
        {
            throw new DomainException("OutOfRange", nameof(query.PageSize));
        }
        if (query.Page < 0)
        {
            throw new DomainException("OutOfRange", nameof(query.Page));
        }
        if (query.AppliedFrom is { } f && query.AppliedTo is { } t && f > t)
        {
            throw new DomainException("DateRangeReversed", nameof(query.AppliedTo));
        }
        return ops.ReadAsync(async db =>
        {
            var filtered = Filter(db.Applications.Where(a => a.EstablishmentId == establishmentId), query);
            var total = await filtered.CountAsync(ct);
            var joined =
                from a in filtered
                join j in db.Jobseekers on a.JobseekerId equals j.Id
                join o in db.JobOffers on a.JobOfferId equals o.Id
                select new { a, j.Name, j.Kana, o.JobNumber, o.Title };
            var sorted = (query.Sort, query.Descending) switch
            {
                (ApplicantSort.ResultRegisteredAt, false) => joined.OrderBy(x => x.a.ResultRegisteredAt).ThenBy(x => x.a.AppliedAt),
                (ApplicantSort.ResultRegisteredAt, true) => joined.OrderByDescending(x => x.a.ResultRegisteredAt).ThenByDescending(x => x.a.AppliedAt),
                (ApplicantSort.Name, false) => joined.OrderBy(x => x.Kana).ThenBy(x => x.Name),
                (ApplicantSort.Name, true) => joined.OrderByDescending(x => x.Kana).ThenByDescending(x => x.Name),
                (ApplicantSort.Status, false) => joined.OrderBy(x => x.a.Status).ThenByDescending(x => x.a.AppliedAt),
                (ApplicantSort.Status, true) => joined.OrderByDescending(x => x.a.Status).ThenByDescending(x => x.a.AppliedAt),
                (_, false) => joined.OrderBy(x => x.a.AppliedAt),
                (_, true) => joined.OrderByDescending(x => x.a.AppliedAt),
            };
            // A last key that is unique keeps paging stable when the sort values tie.
            var rows = await sorted.ThenBy(x => x.a.Id)
                .Skip(query.Page * query.PageSize).Take(query.PageSize)
                .Select(x => new ApplicantRow(x.a.Id, x.a.Status, x.Name, x.Kana, x.a.ApplicantHasMypage, x.a.Method, x.a.AppliedAt,
                    x.a.ResultRegisteredAt, x.a.JobOfferId, x.JobNumber, x.Title))
                .ToListAsync(ct);
            return new ApplicantPage(rows, total, query.Page, query.PageSize);
        }, ct);
    }

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
