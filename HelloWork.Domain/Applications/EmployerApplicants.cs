using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Applications;

public enum EmployerApplicantSort
{
    AppliedAt = 0,
    Status = 1,
    Name = 2,
    Method = 3,
    ResultRegisteredAt = 4,
    Offer = 5,
}

/// <summary>The applicant list's page, sort and filters (R-APP-2). Dates are Japan dates of application, inclusive.</summary>
public sealed record EmployerApplicantQuery(int Page = 0, int PageSize = 20, EmployerApplicantSort Sort = EmployerApplicantSort.AppliedAt, bool Descending = true,
    ApplicationStatus? Status = null, ApplicationMethod? Method = null, Guid? OfferId = null, DateOnly? From = null, DateOnly? To = null)
{
    public const int MaxPageSize = 100;
}

/// <summary>One applicant row (R-APP-2): 選考状況, name, has a mypage, method (R-SELF-3), application date, result registration date.</summary>
public sealed record EmployerApplicantRow(Guid Id, ApplicationStatus Status, string Name, bool HasMypage, ApplicationMethod Method,
    DateTimeOffset AppliedAt, DateTimeOffset? ResultRegisteredAt, Guid OfferId, string OfferTitle, string? JobNumber);

public sealed record EmployerApplicantPage(IReadOnlyList<EmployerApplicantRow> Rows, int Total);

public sealed record OfferChoice(Guid Id, string Title, string? JobNumber);

public sealed record ApplicantDocumentInfo(Guid Id, string FileName, string ContentType, int Size);

/// <summary>Everything the applicant detail shows (R-APP-3) and what the employer may still do: message (R-MSG-1) and register
/// the result (R-RES-3); past the deadline, the office to phone instead.</summary>
public sealed record ApplicantDetail(Guid Id, string Name, string Kana, ApplicationStatus Status, ApplicationMethod Method, bool HasMypage,
    DateTimeOffset AppliedAt, DateTimeOffset? CancelledAt, string Motivation, IReadOnlyList<ApplicantDocumentInfo> Documents,
    DateTimeOffset? DocumentsDeletedAt, Guid? ReferralId, Guid OfferId, string OfferTitle, string? JobNumber, ResultOutcome? Outcome,
    int? ReasonCode, bool? Discrepancy, string? DiscrepancyNote, DateOnly? HiringDate, DateTimeOffset? ResultRegisteredAt,
    DateTimeOffset? ResultDeadline, bool ResultDeadlinePassed, ThreadClosedReason? MessagingClosed, string? OfficeName, string? OfficePhone)
{
    public bool CanRegisterResult => Status == ApplicationStatus.InSelection && !ResultDeadlinePassed;
}

public sealed record ApplicationDocumentFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The employer's applicant management (R-APP-2, R-APP-3) within the caller's establishment only (R-ACC-4). The list is one indexed
/// range per establishment (<c>EstablishmentId, Status, AppliedAt</c>), paged and counted in the database, so it stays fast for tens of
/// thousands of applicants.
/// </summary>
public sealed class EmployerApplicants(Operations ops)
{
    public Task<EmployerApplicantPage> PageAsync(Actor actor, EmployerApplicantQuery query, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var size = Math.Clamp(query.PageSize, 1, EmployerApplicantQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        return ops.ReadAsync(async db =>
        {
            var apps = db.Applications.Where(a => a.EstablishmentId == establishmentId);
            if (query.Status is { } status) apps = apps.Where(a => a.Status == status);
            if (query.Method is { } method) apps = apps.Where(a => a.Method == method);
            if (query.OfferId is { } offerId) apps = apps.Where(a => a.JobOfferId == offerId);
            if (query.From is { } from)
            {
                var start = JapanTime.StartOf(from);
                apps = apps.Where(a => a.AppliedAt >= start);
            }
            if (query.To is { } to)
            {
                var end = JapanTime.EndOf(to);
                apps = apps.Where(a => a.AppliedAt < end);
            }
            var total = await apps.CountAsync(ct);
            var rows = from a in apps
                       join j in db.Jobseekers on a.JobseekerId equals j.Id
                       join o in db.JobOffers on a.JobOfferId equals o.Id
                       select new { a, j.Kana, o.Title, Row = new EmployerApplicantRow(a.Id, a.Status, j.Name, a.ApplicantHasMypage, a.Method, a.AppliedAt, a.ResultRegisteredAt, o.Id, o.Title, o.JobNumber) };
            rows = (query.Sort, query.Descending) switch
            {
                (EmployerApplicantSort.Status, false) => rows.OrderBy(r => r.a.Status).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.Status, true) => rows.OrderByDescending(r => r.a.Status).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.Name, false) => rows.OrderBy(r => r.Kana).ThenBy(r => r.a.Id),
                (EmployerApplicantSort.Name, true) => rows.OrderByDescending(r => r.Kana).ThenBy(r => r.a.Id),
                (EmployerApplicantSort.Method, false) => rows.OrderBy(r => r.a.Method).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.Method, true) => rows.OrderByDescending(r => r.a.Method).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.ResultRegisteredAt, false) => rows.OrderBy(r => r.a.ResultRegisteredAt).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.ResultRegisteredAt, true) => rows.OrderByDescending(r => r.a.ResultRegisteredAt).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.Offer, false) => rows.OrderBy(r => r.Title).ThenByDescending(r => r.a.AppliedAt),
                (EmployerApplicantSort.Offer, true) => rows.OrderByDescending(r => r.Title).ThenByDescending(r => r.a.AppliedAt),
                (_, false) => rows.OrderBy(r => r.a.AppliedAt).ThenBy(r => r.a.Id),
                _ => rows.OrderByDescending(r => r.a.AppliedAt).ThenBy(r => r.a.Id),
            };
            var items = await rows.Skip(page * size).Take(size).Select(r => r.Row).ToListAsync(ct);
            return new EmployerApplicantPage(items, total);
        }, ct);
    }

    /// <summary>The establishment's offers that have applicants or are published, for the offer filter.</summary>
    public Task<List<OfferChoice>> OffersAsync(Actor actor, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        return ops.ReadAsync(db => db.JobOffers
            .Where(o => o.EstablishmentId == establishmentId && o.JobNumber != null)
            .OrderByDescending(o => o.AcceptedAt)
            .Select(o => new OfferChoice(o.Id, o.Title, o.JobNumber)).ToListAsync(ct), ct);
    }

    /// <summary>The applicant detail; null when there is no such application; <see cref="ScopeException"/> for another establishment's.</summary>
    public async Task<ApplicantDetail?> DetailAsync(Actor actor, Guid applicationId, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var now = ops.Clock.GetUtcNow();
        Guid? viewedJobseeker = null;
        var detail = await ops.ReadAsync(async db =>
        {
            var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == applicationId, ct);
            if (a is null)
            {
                return null;
            }
            if (a.EstablishmentId != establishmentId)
            {
                throw new ScopeException("applicant");
            }
            viewedJobseeker = a.JobseekerId;
            var offer = await db.JobOffers.FirstAsync(o => o.Id == a.JobOfferId, ct);
            var person = await db.Jobseekers.Where(j => j.Id == a.JobseekerId).Select(j => new { j.Name, j.Kana }).FirstAsync(ct);
            var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == a.Id).OrderBy(d => d.UploadedAt)
                .Select(d => new ApplicantDocumentInfo(d.Id, d.FileName, d.ContentType, d.Size)).ToListAsync(ct);
            var office = offer.AcceptingOfficeId is { } officeId ? await db.Offices.FirstOrDefaultAsync(o => o.Id == officeId, ct) : null;
            var deadlinePassed = !offer.WithinAfterInvalidWindow(now);
            // R-DOC-1: past the after-invalidation deadline the documents are gone, whether or not the sweeper has run.
            if (Documents.DocumentRetention.IsGone(offer, now))
            {
                documents = [];
            }
            return new ApplicantDetail(a.Id, person.Name, person.Kana, a.Status, a.Method, a.ApplicantHasMypage, a.AppliedAt, a.CancelledAt,
                a.Motivation, documents, a.DocumentsDeletedAt, a.ReferralId, offer.Id, offer.Title, offer.JobNumber, a.Outcome, a.ReasonCode,
                a.Discrepancy, a.DiscrepancyNote, a.HiringDate, a.ResultRegisteredAt, offer.AfterInvalidDeadline(now), deadlinePassed,
                MessageService.ClosedReason(a, offer, now), office?.Name, office?.Phone);
        }, ct);
        if (detail is not null && viewedJobseeker is { } jobseekerId)
        {
            // The applicant can see on the mypage that the establishment opened their application (R-AUD-1, issue 9).
            await ops.RunAsync(actor, w => Audit.AccessLog.RecordViewAsync(w, "ApplicantViewed", nameof(Application), applicationId, jobseekerId, ct), ct);
        }
        return detail;
    }

    /// <summary>An uploaded application document for the employer of the application or the applicant (R-ACC-4); null when unknown
    /// or already deleted (R-DOC-1), <see cref="ScopeException"/> for anyone else.</summary>
    public async Task<ApplicationDocumentFile?> DocumentAsync(Actor actor, Guid documentId, CancellationToken ct = default)
    {
        var now = ops.Clock.GetUtcNow();
        (Guid ApplicationId, Guid JobseekerId)? viewed = null;
        var file = await ops.ReadAsync(async db =>
        {
            var owner = await db.ApplicationDocuments.Where(d => d.Id == documentId)
                .Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => new { a.Id, a.EstablishmentId, a.JobseekerId, a.JobOfferId })
                .FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                return null;
            }
            var allowed = (actor.IsEmployer && actor.EstablishmentId == owner.EstablishmentId) || (actor.IsJobseeker && actor.JobseekerId == owner.JobseekerId);
            if (!allowed)
            {
                throw new ScopeException("application document");
            }
            var offer = await db.JobOffers.FirstAsync(o => o.Id == owner.JobOfferId, ct);
            if (Documents.DocumentRetention.IsGone(offer, now))
            {
                return null;
            }
            viewed = (owner.Id, owner.JobseekerId);
            return await db.ApplicationDocuments.Where(d => d.Id == documentId)
                .Select(d => new ApplicationDocumentFile(d.Content, d.FileName, d.ContentType)).FirstAsync(ct);
        }, ct);
        if (file is not null && actor.IsEmployer && viewed is { } v)
        {
            // An employer opening an application document is recorded for the applicant's access log (R-AUD-1, issue 9).
            await ops.RunAsync(actor, w =>
            {
                w.Audit("ApplicationDocumentViewed", nameof(Application), v.ApplicationId, v.JobseekerId);
                return Task.CompletedTask;
            }, ct);
        }
        return file;
    }
}
