using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Applications;

public sealed record ApplicantDocumentInfo(Guid Id, string FileName, string ContentType, int Size);

/// <summary>Everything the applicant detail shows (R-APP-3) and what the employer may still do: message (R-MSG-1) and register
/// the result (R-RES-3); past the deadline, the office to phone instead. <see cref="Disability"/> is the applicant's 障害情報 only when they
/// chose to disclose it to the employers they apply to; otherwise null, whether or not there is any.</summary>
public sealed record ApplicantDetail(Guid Id, string Name, string Kana, ApplicationStatus Status, ApplicationMethod Method, bool HasMypage,
    DateTimeOffset AppliedAt, DateTimeOffset? CancelledAt, string Motivation, IReadOnlyList<ApplicantDocumentInfo> Documents,
    DateTimeOffset? DocumentsDeletedAt, Guid? ReferralId, Guid OfferId, string OfferTitle, string? JobNumber, ResultOutcome? Outcome,
    int? ReasonCode, bool? Discrepancy, string? DiscrepancyNote, DateOnly? HiringDate, DateTimeOffset? ResultRegisteredAt,
    DateTimeOffset? ResultDeadline, bool ResultDeadlinePassed, ThreadClosedReason? MessagingClosed, string? OfficeName, string? OfficePhone,
    DisabilityInfo? Disability = null)
{
    public bool CanRegisterResult => Status == ApplicationStatus.InSelection && !ResultDeadlinePassed;

    /// <summary>The version of the 求人票 the application was made on, and that sheet (R-CHG-2).</summary>
    public int AppliedVersion { get; init; }

    public JobSheet? AppliedSheet { get; init; }

    /// <summary>The offer's current version; above <see cref="AppliedVersion"/> when the offer changed after the application.</summary>
    public int CurrentVersion { get; init; }

    /// <summary>What the current version changed against the version applied to (empty when none).</summary>
    public IReadOnlyList<SheetChange> ChangesSinceApplied { get; init; } = [];
}

public sealed record ApplicationDocumentFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// One applicant of the employer (R-APP-3) and their uploaded documents, within the caller's establishment only (R-ACC-4). The list
/// itself is <see cref="ApplicantQueries"/>, the query the benchmark measures.
/// </summary>
public sealed class EmployerApplicants(Operations ops)
{
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
            var person = await db.Jobseekers.Where(j => j.Id == a.JobseekerId).Select(j => new { j.Name, j.Kana, j.HasDisability, j.DisabilityDisclosed,
                j.DisabilityCertificate, j.DisabilityGrade, j.DisabilityAccommodation }).FirstAsync(ct);
            var disability = person.HasDisability && person.DisabilityDisclosed
                ? new DisabilityInfo(true, person.DisabilityCertificate, person.DisabilityGrade, person.DisabilityAccommodation, true)
                : null;
            var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == a.Id).OrderBy(d => d.UploadedAt)
                .Select(d => new ApplicantDocumentInfo(d.Id, d.FileName, d.ContentType, d.Size)).ToListAsync(ct);
            var office = offer.AcceptingOfficeId is { } officeId ? await db.Offices.FirstOrDefaultAsync(o => o.Id == officeId, ct) : null;
            var deadlinePassed = !offer.WithinAfterInvalidWindow(now);
            // R-DOC-1: past the after-invalidation deadline the documents are gone, whether or not the sweeper has run.
            if (Documents.DocumentRetention.IsGone(offer, now))
            {
                documents = [];
            }
            var applied = await OfferVersion.SheetAsync(db, offer, a.OfferVersion, ct);
            return new ApplicantDetail(a.Id, person.Name, person.Kana, a.Status, a.Method, a.ApplicantHasMypage, a.AppliedAt, a.CancelledAt,
                a.Motivation, documents, a.DocumentsDeletedAt, a.ReferralId, offer.Id, offer.Title, offer.JobNumber, a.Outcome, a.ReasonCode,
                a.Discrepancy, a.DiscrepancyNote, a.HiringDate, a.ResultRegisteredAt, offer.AfterInvalidDeadline(now), deadlinePassed,
                MessageService.ClosedReason(a, offer, now), office?.Name, office?.Phone, disability)
            {
                AppliedVersion = a.OfferVersion, AppliedSheet = applied, CurrentVersion = offer.Version,
                ChangesSinceApplied = a.OfferVersion < offer.Version
                    ? SheetChanges.Between(applied, offer.Sheet, System.Globalization.CultureInfo.CurrentUICulture) : [],
            };
        }, ct);
        if (detail is not null && viewedJobseeker is { } jobseekerId)
        {
            // The applicant can see on the mypage that the establishment opened their application (R-AUD-1).
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
            // An employer opening an application document is recorded for the applicant's access log (R-AUD-1).
            await ops.RunAsync(actor, w =>
            {
                w.Audit(AuditActions.ApplicationDocumentViewed, nameof(Application), v.ApplicationId, v.JobseekerId);
                return Task.CompletedTask;
            }, ct);
        }
        return file;
    }
}
