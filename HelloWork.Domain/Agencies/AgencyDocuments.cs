using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Agencies;

/// <summary>One document of an agency's application as a list shows it (the content is fetched on its own).</summary>
public sealed record AgencyDocumentInfo(Guid Id, AgencyDocumentKind Kind, string FileName, string ContentType, int Size, DateTimeOffset UploadedAt);

/// <summary>
/// The documents of an agency's application (利用申請の添付書類, R-AGY-1): the agency adds and removes its own while the application is
/// open (申請中・差戻し); the administrators read them when they review; nobody else sees them, nor learns whether a document exists
/// (R-ACC-4). Every change and every administrator's download is audited (R-AUD-1); a change tells the administrators' open list
/// (the notice <see cref="NoticeKind.AgencyApplied"/>, R-LIVE-1).
/// </summary>
public sealed class AgencyDocuments(Operations ops)
{
    /// <summary>Adds a document to the caller's own open application. Refused: another status (<see cref="ErrorCodes.AgencyApplicationClosed"/>),
    /// the eleventh document, a bad file (empty, over 5 MB, not PDF/JPEG/PNG by content).</summary>
    public Task<Guid> UploadAsync(Actor actor, AgencyDocumentKind kind, UploadedFile file, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var agency = await OpenApplicationAsync(w, actor, ct);
        if (await w.Db.AgencyDocuments.CountAsync(d => d.AgencyId == agency.Id, ct) >= AgencyDocument.MaxPerAgency)
        {
            throw new DomainException(ErrorCodes.TooManyAgencyDocuments, "Document", AgencyDocument.MaxPerAgency);
        }
        var document = AgencyDocument.Create(agency.Id, kind, file, w.Now);
        w.Db.AgencyDocuments.Add(document);
        w.Audit(AuditActions.AgencyDocumentUploaded, nameof(Agency), agency.Id, detail: $"{document.Id} {kind} {document.ContentType} {document.Size}");
        await TellAdminsAsync(w, agency, ct);
        return document.Id;
    }, ct);

    /// <summary>Removes a document of the caller's own open application, content and all. Another agency's, or an unknown one:
    /// <see cref="ScopeException"/> alike.</summary>
    public Task RemoveAsync(Actor actor, Guid documentId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var agencyId = actor.RequireAgency();
        var document = await w.Db.AgencyDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.AgencyId == agencyId, ct)
            ?? throw new ScopeException("agency document");
        var agency = await OpenApplicationAsync(w, actor, ct);
        w.Db.AgencyDocuments.Remove(document);
        w.Audit(AuditActions.AgencyDocumentRemoved, nameof(Agency), agency.Id, detail: $"{document.Id} {document.Kind}");
        await TellAdminsAsync(w, agency, ct);
    }, ct);

    /// <summary>The caller's own documents, oldest first.</summary>
    public Task<List<AgencyDocumentInfo>> OwnAsync(Actor actor, CancellationToken ct = default)
    {
        var agencyId = actor.RequireAgency();
        return ops.ReadAsync(async db => (await ByAgencyAsync(db, agencyId, ct))[agencyId].ToList(), ct);
    }

    /// <summary>The documents of one agency, or of every agency (the administrators' list, <see cref="AgencyService.ApplicationsAsync"/>),
    /// oldest first.</summary>
    internal static async Task<ILookup<Guid, AgencyDocumentInfo>> ByAgencyAsync(HelloWorkDb db, Guid? agencyId, CancellationToken ct)
    {
        var rows = await db.AgencyDocuments.Where(d => agencyId == null || d.AgencyId == agencyId).OrderBy(d => d.UploadedAt).ThenBy(d => d.Kind)
            .Select(d => new { d.AgencyId, Info = new AgencyDocumentInfo(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.UploadedAt) }).ToListAsync(ct);
        return rows.ToLookup(r => r.AgencyId, r => r.Info);
    }

    /// <summary>A document's content for the administrators or the agency it belongs to (R-ACC-4); null when unknown,
    /// <see cref="ScopeException"/> for anyone else (the endpoint answers both alike). An administrator's download is audited.</summary>
    public async Task<ApplicationDocumentFile?> FileAsync(Actor actor, Guid documentId, CancellationToken ct = default)
    {
        Guid agencyId = default;
        var file = await ops.ReadAsync(async db =>
        {
            var owner = await db.AgencyDocuments.Where(d => d.Id == documentId).Select(d => (Guid?)d.AgencyId).FirstOrDefaultAsync(ct);
            if (owner is null)
            {
                return null;
            }
            if (!actor.IsAdmin && !(actor.IsAgency && actor.AgencyId == owner))
            {
                throw new ScopeException("agency document");
            }
            agencyId = owner.Value;
            return await db.AgencyDocuments.Where(d => d.Id == documentId)
                .Select(d => new ApplicationDocumentFile(d.Content, d.FileName, d.ContentType)).FirstAsync(ct);
        }, ct);
        if (file is not null && actor.IsAdmin)
        {
            await ops.RunAsync(actor, w =>
            {
                w.Audit(AuditActions.AgencyDocumentViewed, nameof(Agency), agencyId, detail: documentId.ToString());
                return Task.CompletedTask;
            }, ct);
        }
        return file;
    }

    /// <summary>Refuses the approval of <paramref name="agency"/> while a required document is missing, naming the first missing kind.</summary>
    internal static async Task RequireCompleteAsync(HelloWorkDb db, Agency agency, CancellationToken ct)
    {
        var present = await db.AgencyDocuments.Where(d => d.AgencyId == agency.Id).Select(d => d.Kind).Distinct().ToListAsync(ct);
        var missing = AgencyDocument.Missing(agency.Kind, present);
        if (missing.Count > 0)
        {
            throw new DomainException(missing[0] == AgencyDocumentKind.LicenseCopy ? ErrorCodes.AgencyLicenseCopyMissing : ErrorCodes.AgencyApplicationFormMissing);
        }
    }

    private static async Task<Agency> OpenApplicationAsync(Work w, Actor actor, CancellationToken ct)
    {
        var agencyId = actor.RequireAgency();
        var agency = await w.Db.Agencies.FirstAsync(a => a.Id == agencyId, ct);
        if (agency.Status is not (AgencyStatus.Pending or AgencyStatus.Returned))
        {
            throw new DomainException(ErrorCodes.AgencyApplicationClosed, "Document");
        }
        return agency;
    }

    private static Task TellAdminsAsync(Work w, Agency agency, CancellationToken ct) =>
        w.Notices.AddAsync(Recipients.Admins, NoticeKind.AgencyApplied, agency.Id,
            new Dictionary<string, string> { [NoticeArg.AgencyName] = agency.Name }, ct);
}
