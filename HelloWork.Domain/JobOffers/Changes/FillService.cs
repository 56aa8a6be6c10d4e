using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers;

/// <summary>The offer 求人充足サービス is about, as staff see it.</summary>
public sealed record FillOffer(Guid OfferId, string JobNumber, string Title, string EstablishmentName, string OccupationCode, string Prefecture,
    WageForm WageForm, int WageMin, int WageMax, OfferStatus Status, DateTimeOffset? AcceptedAt, int Applications);

/// <summary>
/// Market figures for one occupation and prefecture, from the portal's own data (R-CHG-3): the wage percentiles of the open offers in the
/// same wage form (賃金下限: 基本給＋定額的手当), applications per offer and days to fill over the offers accepted in the past year.
/// A figure is null when there is nothing to compute it from.
/// </summary>
public sealed record FillFigures(string OccupationCode, string Prefecture, WageForm WageForm, int OpenOffers, int? WageP25, int? WageP50, int? WageP75,
    int OffersInYear, double? ApplicationsPerOffer, int FilledInYear, int? MedianDaysToFill);

public sealed record AdviceView(Guid Id, AdviceKind Kind, DateOnly Date, string Text, string StaffName, DateTimeOffset CreatedAt);

public sealed record AdviceInput(AdviceKind Kind, DateOnly Date, string Text);

/// <summary>
/// 求人充足サービス (R-CHG-3): staff of the establishment's office record establishment visits and advice on an offer beside market
/// figures for its occupation and prefecture; the employer reads the advice on the offer's page. Staff of another office, other
/// employers and jobseekers are out of scope (R-ACC-4).
/// </summary>
public sealed class FillService(Operations ops)
{
    public const int FigureYearDays = 365;

    /// <summary>An offer of the staff member's office by its job number; null when there is none; another office's is out of scope.</summary>
    public Task<FillOffer?> OfferAsync(Actor actor, string jobNumber, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var number = (jobNumber ?? "").Trim();
        var row = await (from o in db.JobOffers
                         join e in db.Establishments on o.EstablishmentId equals e.Id
                         where o.JobNumber == number
                         select new { Offer = o, e.OfficeId }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        if (row.OfficeId != officeId)
        {
            throw new ScopeException("offer of another office");
        }
        var o2 = row.Offer;
        var applications = await db.Applications.CountAsync(a => a.JobOfferId == o2.Id, ct);
        return new FillOffer(o2.Id, o2.JobNumber!, o2.Title, o2.EstablishmentName, o2.OccupationCode, o2.Prefecture, o2.WageForm, o2.WageMin,
            o2.WageMax, o2.StatusAt(ops.Clock.GetUtcNow()), o2.AcceptedAt, applications);
    }, ct);

    /// <summary>The figures for the offer's occupation and prefecture (R-CHG-3), for staff of its office.</summary>
    public Task<FillFigures> FiguresAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var offer = await OfficeOfferAsync(db, actor, offerId, ct);
        var now = ops.Clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var group = db.JobOffers.Where(o => o.OccupationCode == offer.OccupationCode && o.Prefecture == offer.Prefecture);
        var wages = await group.Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= today && o.WageForm == offer.WageForm && o.WageMin > 0)
            .Select(o => o.WageMin).ToListAsync(ct);
        wages.Sort();
        var since = now.AddDays(-FigureYearDays);
        var year = await group.Where(o => o.AcceptedAt != null && o.AcceptedAt >= since)
            .Select(o => new { o.Id, o.AcceptedAt, o.InvalidReason, o.InvalidatedAt }).ToListAsync(ct);
        var ids = year.Select(o => o.Id).ToList();
        var applications = ids.Count == 0 ? 0 : await db.Applications.CountAsync(a => ids.Contains(a.JobOfferId), ct);
        var days = year.Where(o => o.InvalidReason == InvalidReason.Filled && o.InvalidatedAt is not null)
            .Select(o => (int)Math.Round((o.InvalidatedAt!.Value - o.AcceptedAt!.Value).TotalDays)).Order().ToList();
        return new FillFigures(offer.OccupationCode, offer.Prefecture, offer.WageForm, wages.Count, Percentile(wages, 25), Percentile(wages, 50),
            Percentile(wages, 75), year.Count, year.Count == 0 ? null : Math.Round((double)applications / year.Count, 1), days.Count,
            Percentile(days, 50));
    }, ct);

    /// <summary>The visits and advice on the offer, newest first: for staff of its office and for its employer.</summary>
    public Task<IReadOnlyList<AdviceView>> AdviceAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var offer = await db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new ScopeException("job offer");
        if (!(actor.IsEmployer && actor.EstablishmentId == offer.EstablishmentId))
        {
            await OfficeOfferAsync(db, actor, offerId, ct);
        }
        return (IReadOnlyList<AdviceView>)await db.OfferAdvices.Where(a => a.JobOfferId == offerId).OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt)
            .Select(a => new AdviceView(a.Id, a.Kind, a.Date, a.Text, a.StaffName, a.CreatedAt)).ToListAsync(ct);
    }, ct);

    /// <summary>Records a visit or advice and tells the establishment (live on the offer's page).</summary>
    public Task<Guid> RecordAsync(Actor actor, Guid offerId, AdviceInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OfficeOfferAsync(w.Db, actor, offerId, ct);
        var advice = new OfferAdvice(offer.Id, actor.OfficeId!.Value, actor.UserId, actor.Name, input.Kind, input.Date, input.Text, w.Now);
        w.Db.OfferAdvices.Add(advice);
        await w.Notices.AddAsync(Recipients.Establishment(offer.EstablishmentId), NoticeKind.OfferAdvised, offer.Id, new Dictionary<string, string>
        {
            [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.Date] = NoticeArg.DateValue(advice.Date),
        }, ct);
        w.Audit(AuditActions.OfferAdvised, nameof(JobOffer), offer.Id, detail: input.Kind.ToString());
        return advice.Id;
    }, ct);

    /// <summary>Nearest-rank percentile of sorted values; null for none.</summary>
    public static int? Percentile(IReadOnlyList<int> sorted, int percent)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static async Task<JobOffer> OfficeOfferAsync(Data.HelloWorkDb db, Actor actor, Guid offerId, CancellationToken ct)
    {
        var officeId = actor.RequireOffice();
        var offer = await db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new ScopeException("job offer");
        return await db.Establishments.AnyAsync(e => e.Id == offer.EstablishmentId && e.OfficeId == officeId, ct)
            ? offer : throw new ScopeException("offer of another office");
    }
}
