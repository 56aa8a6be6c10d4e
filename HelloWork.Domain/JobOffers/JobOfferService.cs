using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers;

/// <summary>
/// A job offer from entry to publication (R-JOB-1..5): employers create, save per screen, submit, copy, close and extend
/// their own offers; staff of the establishment's office accept or return them. Every state change is audited (R-AUD-1)
/// and notifies the other side (R-NTC-1).
/// </summary>
public sealed class JobOfferService(Operations ops)
{
    /// <summary>A new draft prefilled with the establishment's details (R-JOB-7: online when from the mypage, counter when staff enter it).
    /// A draft the same user created for the same establishment and channel that is still exactly as it was prefilled is reused instead, so that clicking
    /// 「新しい求人を作成」 again and again never leaves a trail of empty drafts (R-JOB-1).</summary>
    public Task<Guid> CreateDraftAsync(Actor actor, Guid? establishmentId = null, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var (est, channel) = await OwnEstablishmentAsync(w, establishmentId, ct);
        var sheet = new JobSheet
        {
            Establishment = new OfferEstablishment { Name = est.Name, Kana = est.Kana, PostalCode = est.PostalCode, Address = est.Address, Website = est.Website },
            Basics = new OfferBasics { Industry = est.Industry },
            Company = new OfferCompany { EmployeesTotal = est.Employees, PrText = est.PrText, BusinessDescription = est.BusinessDescription ?? "", Features = est.Features },
        };
        // Only a draft this same user created: two recruiters of one establishment never end up typing into the same draft.
        var mine = w.Db.AuditEntries.Where(a => a.Action == AuditActions.OfferCreated && a.ActorUserId == actor.UserId).Select(a => a.SubjectId);
        var drafts = await w.Db.JobOffers.Where(o => o.EstablishmentId == est.Id && o.Status == OfferStatus.Draft && o.Channel == channel && o.SourceOfferId == null
                && mine.Contains(o.Id))
            .ToListAsync(ct);
        if (drafts.Where(o => o.Sheet == sheet).OrderByDescending(o => o.CreatedAt).FirstOrDefault() is { } untouched)
        {
            return untouched.Id;
        }
        var offer = new JobOffer(est.Id, channel, sheet, w.Now);
        w.Db.JobOffers.Add(offer);
        w.Audit(AuditActions.OfferCreated, nameof(JobOffer), offer.Id, detail: channel.ToString());
        return offer.Id;
    }, ct);

    /// <summary>下書きの削除: a draft never submitted is removed for good by its own establishment (or, for a counter draft, by staff of
    /// the establishment's office); anything submitted once stays, since the office has seen it (R-JOB-1, R-ACC-4, R-AUD-1).</summary>
    public Task DeleteDraftAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        if (offer.Status != OfferStatus.Draft)
        {
            throw new DomainException(ErrorCodes.OfferNotDraft);
        }
        w.Db.JobOffers.Remove(offer);
        w.Audit(AuditActions.OfferDraftDeleted, nameof(JobOffer), offer.Id, detail: offer.Title);
    }, ct);

    /// <summary>Saves one entry screen's section. Blocking findings (red) of that section refuse the save; warnings (orange) are returned.</summary>
    public Task<IReadOnlyList<Finding>> SaveAsync(Actor actor, Guid offerId, JobSheet sheet, int screen, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        var findings = ChecksForScreen(sheet, screen, await LawFor(w, offer, ct));
        if (findings.FirstOrDefault(f => f.Level == FindingLevel.Error) is { } error)
        {
            throw new DomainException(error.Code, error.Field);
        }
        offer.UpdateSheet(sheet, w.Now);
        w.Audit(AuditActions.OfferSaved, nameof(JobOffer), offer.Id, detail: screen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (IReadOnlyList<Finding>)findings;
    }, ct);

    /// <summary>Saves one entry screen as the draft (REFERENCE.md: saved at every step). Unlike <see cref="SaveAsync"/> it reports every
    /// finding of the screen instead of the first: with any red finding nothing is saved; orange ones come back for the employer to confirm.</summary>
    public Task<ScreenSaveResult> SaveScreenAsync(Actor actor, Guid offerId, JobSheet sheet, int screen, CancellationToken ct = default) =>
        SaveCheckedAsync(actor, offerId, sheet, screen, draft: false, ct);

    /// <summary>一時保存 of one entry screen (REFERENCE.md: the offer is saved at every step; R-JOB-1, R-ERR-1): what the employer has typed is
    /// kept even while required entries are still empty — those come back as <see cref="Finding.Missing"/> findings, for information.
    /// A value wrong in itself (a reversed range, a malformed postal code, a number out of range, text over its length) still refuses
    /// the save and nothing changes. 次へ keeps the full check through <see cref="SaveScreenAsync"/>; 申込み checks the whole sheet.</summary>
    public Task<ScreenSaveResult> SaveDraftAsync(Actor actor, Guid offerId, JobSheet sheet, int screen, CancellationToken ct = default) =>
        SaveCheckedAsync(actor, offerId, sheet, screen, draft: true, ct);

    /// <summary>Both saves of a screen: every finding comes back; a step refuses on any red finding, a draft only on one wrong in itself.</summary>
    private Task<ScreenSaveResult> SaveCheckedAsync(Actor actor, Guid offerId, JobSheet sheet, int screen, bool draft, CancellationToken ct) =>
        ops.RunAsync(actor, async w =>
        {
            var offer = await OwnOfferAsync(w, offerId, ct);
            var findings = ChecksForScreen(sheet, screen, await LawFor(w, offer, ct));
            if (findings.Any(f => draft ? f.IsWrong : f.Level == FindingLevel.Error))
            {
                return new ScreenSaveResult(false, findings);
            }
            offer.UpdateSheet(sheet, w.Now);
            var number = screen.ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.Audit(AuditActions.OfferSaved, nameof(JobOffer), offer.Id, detail: draft ? number + " draft" : number);
            return new ScreenSaveResult(true, findings);
        }, ct);

    /// <summary>The dates and minimum wages the offer is checked against now (R-LAW-1).</summary>
    private static async Task<Law.LawContext> LawFor(Work w, JobOffer offer, CancellationToken ct) =>
        Law.LawContext.For(offer, JapanTime.DateOf(w.Now), await Law.MinimumWages.TableAsync(w.Db, ct));

    /// <summary>The checks of one of the 8 entry screens (1 求人区分等 … 8 選考方法), REFERENCE.md.</summary>
    public static List<Finding> ChecksForScreen(JobSheet sheet, int screen, Law.LawContext law)
    {
        var f = new List<Finding>();
        var section = screen switch
        {
            1 => "Basics.", 2 => "Establishment.", 3 => "Work.", 4 => "Wages.", 5 => "Hours.", 6 => "Conditions.", 7 => "Company.", 8 => "Selection.",
            _ => throw new DomainException(ErrorCodes.InvalidChoice, "Screen"),
        };
        switch (screen)
        {
            case 1: JobSheetChecks.CheckBasics(sheet, f); break;
            case 2: JobSheetChecks.CheckEstablishment(sheet.Establishment, f); break;
            case 3: JobSheetChecks.CheckWork(sheet.Work, f); break;
            case 4: JobSheetChecks.CheckWages(sheet.Wages, f); break;
            case 5: JobSheetChecks.CheckHours(sheet.Hours, f); break;
            case 6: JobSheetChecks.CheckConditions(sheet.Conditions, f); break;
            case 7: JobSheetChecks.CheckCompany(sheet.Company, f); break;
            case 8: JobSheetChecks.CheckSelection(sheet.Selection, f); break;
        }
        // The legal findings are the sheet's as a whole (a wage against the workplace's prefecture and the day's hours); each screen
        // shows those on its own fields.
        f.AddRange(Law.LawChecker.Check(sheet, law).Where(x => x.Field.StartsWith(section, StringComparison.Ordinal)));
        return f;
    }

    /// <summary>申込み (R-JOB-1). Warnings must have been confirmed by the caller; errors refuse.</summary>
    public Task SubmitAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        offer.Submit(w.Now, await Law.MinimumWages.TableAsync(w.Db, ct));
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
        await w.Notices.AddAsync(Recipients.Office(est.OfficeId), NoticeKind.OfferSubmitted, offer.Id,
            new Dictionary<string, string> { [NoticeArg.EstablishmentName] = est.Name, [NoticeArg.OfferTitle] = offer.Title }, ct);
        w.Audit(AuditActions.OfferSubmitted, nameof(JobOffer), offer.Id);
    }, ct);

    /// <summary>受理・公開 by staff of the establishment's office: job number (R-JOB-2) and validity (R-JOB-3). An establishment's first
    /// offer needs the establishment confirmed first (R-ACC-3).</summary>
    public Task<string> AcceptAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new DomainException(ErrorCodes.OfferNotFound);
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
        if (est.OfficeId != officeId)
        {
            throw new ScopeException("offer of another office");
        }
        if (est.Status != EstablishmentStatus.Confirmed)
        {
            throw new DomainException(ErrorCodes.EstablishmentNotConfirmed);
        }
        var office = await w.Db.Offices.FirstAsync(o => o.Id == officeId, ct);
        offer.Accept(office, w.Now);
        var accepted = new Dictionary<string, string>
        {
            [NoticeArg.JobNumber] = offer.JobNumber!, [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.Date] = NoticeArg.DateValue(offer.ValidUntil!.Value),
        };
        await w.Notices.AddAsync(Recipients.Establishment(est.Id), NoticeKind.OfferAccepted, offer.Id, accepted, ct);
        // The office is told too, so the offer leaves every colleague's open review queue at once (R-LIVE-1).
        await w.Notices.AddAsync(Recipients.Office(officeId), NoticeKind.OfferAccepted, offer.Id,
            new Dictionary<string, string>(accepted) { [NoticeArg.EstablishmentName] = est.Name }, ct);
        w.Audit(AuditActions.OfferAccepted, nameof(JobOffer), offer.Id, detail: offer.JobNumber);
        return offer.JobNumber!;
    }, ct);

    /// <summary>差し戻し with a correction request (修正依頼); a comment is required (R-JOB-1).</summary>
    public Task ReturnAsync(Actor actor, Guid offerId, string comment, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new DomainException(ErrorCodes.OfferNotFound);
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
        if (est.OfficeId != officeId)
        {
            throw new ScopeException("offer of another office");
        }
        offer.Return(comment, w.Now);
        await w.Notices.AddAsync(Recipients.Establishment(est.Id), NoticeKind.OfferReturned, offer.Id,
            new Dictionary<string, string> { [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.Correction] = offer.CorrectionRequest ?? "" }, ct);
        await w.Notices.AddAsync(Recipients.Office(est.OfficeId), NoticeKind.OfferReturned, offer.Id,
            new Dictionary<string, string> { [NoticeArg.EstablishmentName] = est.Name, [NoticeArg.OfferTitle] = offer.Title }, ct);
        w.Audit(AuditActions.OfferReturned, nameof(JobOffer), offer.Id);
    }, ct);

    /// <summary>The office confirms the establishment (R-ACC-3).</summary>
    public Task ConfirmEstablishmentAsync(Actor actor, Guid establishmentId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var est = await w.Db.Establishments.FirstOrDefaultAsync(e => e.Id == establishmentId && e.OfficeId == officeId, ct)
            ?? throw new ScopeException("establishment");
        est.Confirm(w.Now);
        w.Audit(AuditActions.EstablishmentConfirmed, nameof(Establishment), est.Id);
    }, ct);

    /// <summary>充足 or 募集停止.</summary>
    public Task CloseAsync(Actor actor, Guid offerId, InvalidReason reason, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        offer.Close(reason, w.Now);
        w.Audit(AuditActions.OfferClosed, nameof(JobOffer), offer.Id, detail: reason.ToString());
    }, ct);

    /// <summary>The one-month extension of validity.</summary>
    public Task ExtendAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        offer.ExtendOneMonth(w.Now);
        w.Audit(AuditActions.OfferExtended, nameof(JobOffer), offer.Id, detail: offer.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }, ct);

    /// <summary>過去の求人を利用した申込み (R-JOB-4): a new draft from one of the establishment's offers.</summary>
    public Task<Guid> CopyAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct, forEdit: false);
        var copy = offer.CopyAsDraft(w.Now);
        w.Db.JobOffers.Add(copy);
        w.Audit(AuditActions.OfferCopied, nameof(JobOffer), copy.Id, detail: offer.Id.ToString());
        return copy.Id;
    }, ct);

    private static async Task<(Establishment Establishment, OfferChannel Channel)> OwnEstablishmentAsync(Work w, Guid? establishmentId, CancellationToken ct)
    {
        if (w.Actor.IsEmployer)
        {
            return (await w.Db.Establishments.FirstAsync(e => e.Id == w.Actor.EstablishmentId, ct), OfferChannel.Online);
        }
        if (w.Actor.IsStaff && establishmentId is { } id)
        {
            var est = await w.Db.Establishments.FirstOrDefaultAsync(e => e.Id == id && e.OfficeId == w.Actor.OfficeId, ct)
                ?? throw new ScopeException("establishment");
            return (est, OfferChannel.Counter);
        }
        throw new ScopeException("job offer entry");
    }

    private static async Task<JobOffer> OwnOfferAsync(Work w, Guid offerId, CancellationToken ct, bool forEdit = true)
    {
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new ScopeException("job offer");
        if (w.Actor.IsEmployer && offer.EstablishmentId == w.Actor.EstablishmentId)
        {
            return offer;
        }
        if (w.Actor.IsStaff && (offer.Channel == OfferChannel.Counter || !forEdit)
            && await w.Db.Establishments.AnyAsync(e => e.Id == offer.EstablishmentId && e.OfficeId == w.Actor.OfficeId, ct))
        {
            return offer;
        }
        throw new ScopeException("job offer");
    }
}
