using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.Documents.ReferralSlips;
using HelloWork.Domain.JobOffers;
using JobSheetDocument = HelloWork.Domain.Documents.JobSheets.JobSheet;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Documents;

public sealed record PdfFile(byte[] Content, string FileName);

/// <summary>
/// The two PDFs with their scope rules (R-ACC-4): a referral slip only for its jobseeker, the employer of the offer and the
/// staff of the offices concerned (R-REF-5); a job sheet as the offer's publication scope allows (R-JOB-8, REFERENCE.md 公開範囲).
/// Refusals are <see cref="ScopeException"/>; an unknown id is null (the endpoint answers 404 for both, revealing nothing).
/// </summary>
public sealed class DocumentService(Operations ops)
{
    public async Task<PdfFile?> ReferralSlipAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var read = await ops.ReadAsync<(ReferralSlipData Slip, Guid JobseekerId)?>(async db =>
        {
            var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
            if (referral is null)
            {
                return null;
            }
            var offer = await db.JobOffers.FirstAsync(o => o.Id == referral.JobOfferId, ct);
            var allowed = (actor.IsJobseeker && actor.JobseekerId == referral.JobseekerId)
                || (actor.IsEmployer && actor.EstablishmentId == offer.EstablishmentId)
                || (actor.IsStaff && (actor.OfficeId == referral.OfficeId || actor.OfficeId == offer.AcceptingOfficeId));
            if (!allowed)
            {
                throw new ScopeException("referral slip");
            }
            var establishment = await db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
            var office = await db.Offices.FirstAsync(o => o.Id == referral.OfficeId, ct);
            var jobseeker = await db.Jobseekers.FirstAsync(j => j.Id == referral.JobseekerId, ct);
            return (DocumentMapping.ToReferralSlip(referral, offer, establishment, office, jobseeker), referral.JobseekerId);
        }, ct);
        if (read is not (var data, var jobseekerId))
        {
            return null;
        }
        if (actor.IsStaff || actor.IsEmployer)
        {
            // A staff or employer view of a jobseeker's personal data is itself recorded, for the jobseeker's access log too (R-AUD-1).
            await ops.RunAsync(actor, w =>
            {
                w.Audit(AuditActions.ReferralSlipViewed, "Referral", referralId, jobseekerId);
                return Task.CompletedTask;
            }, ct);
        }
        var pdf = ReferralSlip.Render(data, new PdfDocumentInfo($"紹介状 {data.JobNumber}", data.Office.Name, "HelloWork", ops.Clock.GetUtcNow()));
        return new PdfFile(pdf, $"紹介状_{data.JobNumber}.pdf");
    }

    /// <summary>The job sheet of a published offer for anyone (anonymous included), with the employer's name only where the scope allows;
    /// of an unpublished or invalid offer only for its employer and the staff of its office.</summary>
    public async Task<PdfFile?> JobSheetAsync(Actor? actor, string jobNumber, CancellationToken ct = default)
    {
        var now = ops.Clock.GetUtcNow();
        var source = (await ops.ReadAsync(db => Search.JobSearch.VisibleSheetAsync(db, actor, jobNumber, now, ct), ct))?.Sheet;
        if (source is null)
        {
            return null;
        }
        var pdf = JobSheetDocument.Render(source, new PdfDocumentInfo($"求人票 {jobNumber}", source.OfficeName ?? "", "HelloWork", now));
        return new PdfFile(pdf, $"求人票_{jobNumber}.pdf");
    }
}
