using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Applications;

public sealed record UploadedFile(string FileName, byte[] Content);

public sealed record ApplyInput(Guid JobOfferId, string Motivation, IReadOnlyList<UploadedFile> Documents, Guid? ReferralId = null,
    bool SelfApplicationAcknowledged = false);

public sealed record ResultInput(ResultOutcome Outcome, int? ReasonCode, bool Discrepancy, string? DiscrepancyNote, DateOnly? HiringDate);

/// <summary>Applying, cancelling and registering results (SPEC sections 4–6).</summary>
public sealed class ApplicationService(Operations ops)
{
    public static readonly string[] AcceptedDocumentTypes = [FileSniffer.Pdf, FileSniffer.Jpeg, FileSniffer.Png, FileSniffer.Docx, FileSniffer.Doc];

    /// <summary>Applies to an online referral (R-REF-4) or directly (R-SELF-1). One live application per offer (R-APP-1).</summary>
    public Task<Guid> ApplyAsync(Actor actor, ApplyInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        // The columns the rules read, not the offer with its 求人票 nor the jobseeker with their wishes (JSON read and tracked for
        // nothing: docs/BENCHMARKS.md, issue 26, third round).
        var offer = await w.Db.JobOffers.Where(o => o.Id == input.JobOfferId)
            .Select(o => new { o.Id, o.EstablishmentId, o.Status, o.ValidUntil, o.SelfApplication, o.AcceptsDocuments, o.Version, o.JobNumber, o.Title })
            .FirstOrDefaultAsync(ct) ?? throw new DomainException(ErrorCodes.OfferNotFound);
        var jobseeker = await w.Db.Jobseekers.Where(j => j.Id == jobseekerId).Select(j => new { j.Name, j.RegistrationValidUntil }).FirstAsync(ct);
        if (!JobOffer.IsOpenAt(offer.Status, offer.ValidUntil, w.Now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen);
        }
        Referral? referral = null;
        if (input.ReferralId is { } referralId)
        {
            referral = await w.Db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId && r.JobseekerId == jobseekerId, ct)
                ?? throw new DomainException(ErrorCodes.ReferralNotFound);
            if (referral.JobOfferId != offer.Id)
            {
                throw new DomainException(ErrorCodes.ReferralNotFound);
            }
        }
        else
        {
            if (!JobOffer.AcceptsSelfApplicationAt(offer.SelfApplication, offer.Status, offer.ValidUntil, w.Now))
            {
                throw new DomainException(ErrorCodes.SelfApplicationNotAccepted);
            }
            if (!input.SelfApplicationAcknowledged)
            {
                throw new DomainException(ErrorCodes.SelfApplicationNeedsAcknowledgement, nameof(input.SelfApplicationAcknowledged));
            }
        }
        if (await w.Db.Applications.AnyAsync(a => a.JobOfferId == offer.Id && a.JobseekerId == jobseekerId && a.Status == ApplicationStatus.InSelection, ct))
        {
            throw new DomainException(ErrorCodes.AlreadyApplied);
        }
        var documents = CheckDocuments(offer.AcceptsDocuments, input.Documents);
        var method = referral is null ? ApplicationMethod.SelfApplication : ApplicationMethod.OnlineReferral;
        // The application keeps the version of the 求人票 the jobseeker applied to (R-CHG-2).
        var application = new Application(offer.Id, offer.EstablishmentId, jobseekerId, method, referral?.Id, input.Motivation, w.Now,
            offerVersion: offer.Version);
        w.Db.Applications.Add(application);
        foreach (var (file, type) in documents)
        {
            w.Db.ApplicationDocuments.Add(new ApplicationDocument(application.Id, file.FileName, type, file.Content, w.Now));
        }
        referral?.Establish(application.Id, w.Now);
        if (Jobseeker.ExtendsOnActivity(jobseeker.RegistrationValidUntil, w.Now))
        {
            (await w.Db.Jobseekers.FirstAsync(j => j.Id == jobseekerId, ct)).ExtendOnActivity(w.Now);
        }
        // A direct request for this offer is answered by this application (REFERENCE.md: the answer is a self-application).
        var request = await w.Db.DirectRequests.FirstOrDefaultAsync(r => r.JobOfferId == offer.Id && r.JobseekerId == jobseekerId
            && r.Status == Search.DirectRequestStatus.Sent, ct);
        request?.Answer(applied: true, w.Now);

        var args = new Dictionary<string, string>
        {
            [NoticeArg.Method] = method.ToString(), [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.OfferTitle] = offer.Title,
            [NoticeArg.ApplicantName] = jobseeker.Name,
        };
        if (referral is not null)
        {
            args[NoticeArg.OfficeName] = await w.Db.Offices.Where(o => o.Id == referral.OfficeId).Select(o => o.Name).FirstAsync(ct);
        }
        await w.Notices.AddAsync(Recipients.Establishment(offer.EstablishmentId), NoticeKind.ApplicationReceived, application.Id, args, ct);
        if (referral is not null)
        {
            await w.Notices.AddAsync(Recipients.Office(referral.OfficeId), NoticeKind.ReferralEstablished, referral.Id,
                new Dictionary<string, string> { [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.OfferTitle] = offer.Title }, ct);
        }
        w.Audit(AuditActions.ApplicationCreated, nameof(Application), application.Id, jobseekerId, referral?.OfficeId, method.ToString());
        return application.Id;
    }, ct);

    private static List<(UploadedFile File, string Type)> CheckDocuments(bool acceptsDocuments, IReadOnlyList<UploadedFile> files)
    {
        if (files.Count == 0)
        {
            return [];
        }
        if (!acceptsDocuments)
        {
            throw new DomainException(ErrorCodes.DocumentsNotAccepted, "Documents");
        }
        if (files.Count > ApplicationDocument.MaxFiles)
        {
            throw new DomainException(ErrorCodes.TooManyFiles, "Documents", ApplicationDocument.MaxFiles);
        }
        var result = new List<(UploadedFile, string)>();
        foreach (var file in files)
        {
            if (file.Content.Length == 0 || file.Content.Length > ApplicationDocument.MaxBytes)
            {
                throw new DomainException(ErrorCodes.FileTooLarge, "Documents", file.FileName);
            }
            var type = FileSniffer.Detect(file.Content);
            if (type is null || !AcceptedDocumentTypes.Contains(type))
            {
                throw new DomainException(ErrorCodes.FileTypeNotAccepted, "Documents", file.FileName);
            }
            result.Add((file, type));
        }
        return result;
    }

    /// <summary>応募の取消 within 24 hours (R-CAN-1): the employer is notified at once; the documents are deleted (R-DOC-1).</summary>
    public Task CancelAsync(Actor actor, Guid applicationId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var application = await w.Db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.JobseekerId == jobseekerId, ct)
            ?? throw new ScopeException("application");
        application.Cancel(w.Now);
        await DeleteDocumentsAsync(w, application, ct);
        var offer = await w.Db.JobOffers.FirstAsync(o => o.Id == application.JobOfferId, ct);
        var name = await w.Db.Jobseekers.Where(j => j.Id == jobseekerId).Select(j => j.Name).FirstAsync(ct);
        await w.Notices.AddAsync(Recipients.Establishment(application.EstablishmentId), NoticeKind.ApplicationCancelled, application.Id,
            new Dictionary<string, string> { [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.ApplicantName] = name }, ct);
        if (application.ReferralId is { } referralId
            && await w.Db.Referrals.Where(r => r.Id == referralId).Select(r => (Guid?)r.OfficeId).FirstOrDefaultAsync(ct) is { } officeId)
        {
            // The referring office's board shows the cancellation live.
            await w.Notices.AddAsync(Recipients.Office(officeId), NoticeKind.ApplicationCancelled, referralId,
                new Dictionary<string, string> { [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.OfferTitle] = offer.Title }, ct);
        }
        w.Audit(AuditActions.ApplicationCancelled, nameof(Application), application.Id, jobseekerId);
    }, ct);

    /// <summary>
    /// 選考結果登録 by the employer (R-RES-1..3) until the end of the month three months after the offer became invalid,
    /// or by staff on the employer's behalf at any time (R-RES-4). Documents are deleted (R-DOC-1); the applicant and
    /// Hello Work are notified.
    /// </summary>
    public Task RegisterResultAsync(Actor actor, Guid applicationId, ResultInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var application = await w.Db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, ct) ?? throw new ScopeException("application");
        var offer = await w.Db.JobOffers.FirstAsync(o => o.Id == application.JobOfferId, ct);
        ResultChannel channel;
        if (actor.IsEmployer && actor.EstablishmentId == application.EstablishmentId)
        {
            if (!offer.WithinAfterInvalidWindow(w.Now))
            {
                throw new DomainException(ErrorCodes.ResultDeadlinePassed);
            }
            channel = ResultChannel.EmployerOnline;
        }
        else if (actor.IsStaff && offer.AcceptingOfficeId == actor.OfficeId)
        {
            channel = ResultChannel.StaffEntered;
        }
        else
        {
            throw new ScopeException("application");
        }
        application.RegisterResult(input.Outcome, input.ReasonCode, input.Discrepancy, input.DiscrepancyNote, input.HiringDate, channel, w.Now);
        await DeleteDocumentsAsync(w, application, ct);
        var label = application.Status switch { ApplicationStatus.Hired => "採用", ApplicationStatus.Withdrawn => "辞退", _ => "不採用" };
        var result = new Dictionary<string, string>
        {
            [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.Result] = application.Status.ToString(),
        };
        var userIds = await w.Db.Users.Where(u => u.JobseekerId == application.JobseekerId).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in userIds)
        {
            await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.ResultRegistered, application.Id, result, ct);
        }
        if (offer.AcceptingOfficeId is { } officeId)
        {
            await w.Notices.AddAsync(Recipients.Office(officeId), NoticeKind.ResultRegistered, application.Id, result, ct);
        }
        w.Audit(AuditActions.ResultRegistered, nameof(Application), application.Id, application.JobseekerId, offer.AcceptingOfficeId, $"{label}/{channel}");
        // R-EVAL-4: the questionnaire, about the office that referred the person (else the one that accepted the offer).
        var surveyOffice = application.ReferralId is { } referralId
            ? await w.Db.Referrals.Where(r => r.Id == referralId).Select(r => (Guid?)r.OfficeId).FirstOrDefaultAsync(ct) : offer.AcceptingOfficeId;
        if (surveyOffice is { } surveyOfficeId)
        {
            await Evaluation.SurveyOffers.OfferAsync(w, Evaluation.SurveyOccasion.Result, application.Id, application.JobseekerId, surveyOfficeId, ct);
        }
    }, ct);

    /// <summary>Removes the documents' rows — content included — not just a flag (R-DOC-1).</summary>
    internal static async Task DeleteDocumentsAsync(Work w, Application application, CancellationToken ct)
    {
        var deleted = await w.Db.ApplicationDocuments.Where(d => d.ApplicationId == application.Id).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            application.MarkDocumentsDeleted(w.Now);
            w.Audit(AuditActions.DocumentsDeleted, nameof(Application), application.Id, application.JobseekerId, detail: deleted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
