using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers;

/// <summary>One row of the employer's offer list: the status as it is now (R-JOB-3 computed on read) and what can be done with it.</summary>
public sealed record EmployerOfferRow(Guid Id, string Title, string? JobNumber, OfferStatus Status, InvalidReason InvalidReason,
    DateOnly? ValidUntil, bool Extended, DateTimeOffset UpdatedAt, int Applicants, int InSelection, bool HasCorrectionRequest)
{
    public bool IsEditable => Status is OfferStatus.Draft or OfferStatus.Returned;

    /// <summary>募集停止 and the one-month extension need an open offer; the extension exists once.</summary>
    public bool CanClose => Status == OfferStatus.Published;

    public bool CanExtend => Status == OfferStatus.Published && !Extended;
}

/// <summary>An offer as the entry screens and the submit page see it, with every finding of the whole sheet.</summary>
/// <remarks>For a published offer being changed (R-CHG-1), <see cref="Sheet"/> and <see cref="Findings"/> are the pending change's and
/// <see cref="Changes"/> lists what differs from the published version.</remarks>
public sealed record OfferForEntry(Guid Id, OfferStatus Status, InvalidReason InvalidReason, string? JobNumber, string? CorrectionRequest,
    DateOnly? ValidUntil, bool Extended, DateTimeOffset? SubmittedAt, JobSheet Sheet, IReadOnlyList<Finding> Findings)
{
    public OfferChangeStatus ChangeStatus { get; init; }

    /// <summary>The rows the pending change alters, against the published version (R-CHG-1); empty without a change.</summary>
    public IReadOnlyList<SheetChange> Changes { get; init; } = [];

    public int Version { get; init; }

    /// <summary>A change of the published offer is being edited (or was returned): the entry screens edit it.</summary>
    public bool IsChanging => Status == OfferStatus.Published && (ChangeStatus is OfferChangeStatus.Editing or OfferChangeStatus.Returned);

    public bool IsEditable => Status is OfferStatus.Draft or OfferStatus.Returned || IsChanging;

    /// <summary>An open published offer without a change under way may be changed.</summary>
    public bool CanStartChange => Status == OfferStatus.Published && ChangeStatus == OfferChangeStatus.None;

    public bool CanSubmit => IsEditable && Findings.All(f => f.Level != FindingLevel.Error) && (!IsChanging || Changes.Count > 0);
}

/// <summary>The result of saving one entry screen: saved (warnings may remain for the employer to confirm) or refused with its red findings.</summary>
public sealed record ScreenSaveResult(bool Saved, IReadOnlyList<Finding> Findings)
{
    public IEnumerable<Finding> Errors => Findings.Where(f => f.Level == FindingLevel.Error);

    /// <summary>Red findings of values wrong in themselves: these refuse even 一時保存.</summary>
    public IEnumerable<Finding> Wrong => Findings.Where(f => f.IsWrong);

    /// <summary>Required entries still empty: reported by 一時保存, refused by 次へ and 申込み.</summary>
    public IEnumerable<Finding> Missing => Findings.Where(f => f.Level == FindingLevel.Error && f.Missing);

    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Level == FindingLevel.Warning);
}

/// <summary>
/// The employer mypage's reads of its own offers (R-ACC-4: only the caller's establishment). Writes go through
/// <see cref="JobOfferService"/>.
/// </summary>
public sealed class EmployerOffers(Operations ops)
{
    public const int EntryScreens = 8;

    public Task<List<EmployerOfferRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var now = ops.Clock.GetUtcNow();
        return ops.ReadAsync(async db =>
        {
            var offers = await db.JobOffers.Where(o => o.EstablishmentId == establishmentId).OrderByDescending(o => o.UpdatedAt).ToListAsync(ct);
            var counts = await db.Applications.Where(a => a.EstablishmentId == establishmentId)
                .GroupBy(a => a.JobOfferId)
                .Select(g => new { g.Key, Total = g.Count(), Live = g.Count(a => a.Status == ApplicationStatus.InSelection) })
                .ToDictionaryAsync(g => g.Key, ct);
            return offers.Select(o => new EmployerOfferRow(o.Id, o.Title, o.JobNumber, o.StatusAt(now), o.InvalidReasonAt(now), o.ValidUntil, o.Extended,
                o.UpdatedAt, counts.GetValueOrDefault(o.Id)?.Total ?? 0, counts.GetValueOrDefault(o.Id)?.Live ?? 0, o.CorrectionRequest is not null
                && o.Status == OfferStatus.Returned)).ToList();
        }, ct);
    }

    /// <summary>The offer with its sheet; null when there is no such offer; <see cref="ScopeException"/> when it is another establishment's.</summary>
    public async Task<OfferForEntry?> GetAsync(Actor actor, Guid offerId, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var now = ops.Clock.GetUtcNow();
        var offer = await ops.ReadAsync(db => db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct), ct);
        if (offer is null)
        {
            return null;
        }
        if (offer.EstablishmentId != establishmentId)
        {
            throw new ScopeException("job offer");
        }
        var sheet = offer.EditedSheet;
        var changing = offer.ChangeStatus != OfferChangeStatus.None && offer.PendingSheet is not null;
        return new OfferForEntry(offer.Id, offer.StatusAt(now), offer.InvalidReasonAt(now), offer.JobNumber,
            offer.Status == OfferStatus.Returned || offer.ChangeStatus == OfferChangeStatus.Returned ? offer.CorrectionRequest : null, offer.ValidUntil,
            offer.Extended, changing ? offer.ChangeSubmittedAt : offer.SubmittedAt, sheet,
            JobSheetChecks.Check(sheet, Law.LawContext.For(offer, JapanTime.DateOf(now), await ops.ReadAsync(db => Law.MinimumWages.TableAsync(db, ct), ct))))
        {
            ChangeStatus = offer.ChangeStatus,
            Changes = changing ? SheetChanges.Between(offer.Sheet, sheet, System.Globalization.CultureInfo.CurrentUICulture) : [],
            Version = offer.Version,
        };
    }
}
