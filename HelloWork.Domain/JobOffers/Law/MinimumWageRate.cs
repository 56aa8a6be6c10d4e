using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers.Law;

/// <summary>A 地域別最低賃金 figure an administrator added after the release (next year's 改定, or a correction of a shipped figure),
/// R-LAW-1. It joins the shipped table from its effective date on; the same prefecture and date replaces the earlier figure.</summary>
public sealed class MinimumWageRate
{
    private MinimumWageRate() { }

    public MinimumWageRate(string prefecture, int yen, DateOnly effectiveFrom, string source, Guid addedBy, DateTimeOffset addedAt)
    {
        Id = Guid.NewGuid();
        Prefecture = prefecture;
        Yen = yen;
        EffectiveFrom = effectiveFrom;
        Source = source;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public string Prefecture { get; private set; } = "";
    public int Yen { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Where the figure comes from (the ministry's or the 労働局's publication).</summary>
    public string Source { get; private set; } = "";

    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>A row of the administrator's list: a figure, whether it was shipped or added, and when.</summary>
public sealed record MinimumWageRow(string Prefecture, int Yen, DateOnly EffectiveFrom, bool Added, string Source, DateTimeOffset? AddedAt);

/// <summary>
/// The minimum-wage table the checker uses (shipped + added), and the administrator's additions (R-LAW-1). Only an administrator
/// reads the list or adds to it (R-ACC-4); everyone's checks use the merged table.
/// </summary>
public sealed class MinimumWages(Operations ops)
{
    public const int MinYen = 100;
    public const int MaxYen = 10_000;

    /// <summary>The shipped table with the figures added in the database.</summary>
    public static async Task<MinimumWageTable> TableAsync(Data.HelloWorkDb db, CancellationToken ct = default)
    {
        var added = await db.MinimumWageRates.AsNoTracking().OrderBy(r => r.AddedAt)
            .Select(r => new MinimumWageFigure(r.Prefecture, r.Yen, r.EffectiveFrom)).ToListAsync(ct);
        return added.Count == 0 ? MinimumWageTable.Shipped : MinimumWageTable.Shipped.With(added);
    }

    public Task<MinimumWageTable> TableAsync(CancellationToken ct = default) => ops.ReadAsync(db => TableAsync(db, ct), ct);

    /// <summary>The administrator's view: every figure, newest date first within each prefecture, in the prefectures' order.</summary>
    public Task<IReadOnlyList<MinimumWageRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return ops.ReadAsync(async db =>
        {
            var added = await db.MinimumWageRates.AsNoTracking().ToListAsync(ct);
            var rows = MinimumWageTable.ShippedFigures.Select(f => new MinimumWageRow(f.Prefecture, f.Yen, f.EffectiveFrom, false, "minimum-wage-r7.tsv", null))
                .Concat(added.Select(r => new MinimumWageRow(r.Prefecture, r.Yen, r.EffectiveFrom, true, r.Source, r.AddedAt)));
            var order = Prefectures.All.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
            return (IReadOnlyList<MinimumWageRow>)[.. rows.OrderBy(r => order.GetValueOrDefault(r.Prefecture, 99)).ThenByDescending(r => r.EffectiveFrom)
                .ThenByDescending(r => r.AddedAt)];
        }, ct);
    }

    /// <summary>Adds a prefecture's figure from its effective date. Refuses (nothing changes) an unknown prefecture, a figure out of
    /// range, a date before the shipped table's or a missing source.</summary>
    public Task<Guid> AddAsync(Actor actor, string prefecture, int yen, DateOnly effectiveFrom, string source, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return ops.RunAsync(actor, async w =>
        {
            if (!Prefectures.All.Contains(prefecture))
            {
                throw new DomainException(ErrorCodes.InvalidChoice, "Prefecture");
            }
            if (yen is < MinYen or > MaxYen)
            {
                throw new DomainException(ErrorCodes.OutOfRange, "Yen");
            }
            if (effectiveFrom < new DateOnly(2025, 1, 1) || effectiveFrom > JapanTime.DateOf(w.Now).AddYears(3))
            {
                throw new DomainException(ErrorCodes.OutOfRange, "EffectiveFrom");
            }
            var text = Text.Require(source, "Source", 200);
            var rate = new MinimumWageRate(prefecture, yen, effectiveFrom, text, w.Actor.UserId, w.Now);
            w.Db.MinimumWageRates.Add(rate);
            // Administrators' open tables reload (a page signal: the administrators' key is not shown in the bell).
            await w.Notices.AddAsync(Recipients.Admins, NoticeKind.MinimumWageAdded, rate.Id, NoticeArg.None, ct);
            w.Audit(AuditActions.MinimumWageAdded, nameof(MinimumWageRate), rate.Id,
                detail: $"{prefecture} {yen.ToString(System.Globalization.CultureInfo.InvariantCulture)} {effectiveFrom:yyyy-MM-dd}");
            return rate.Id;
        }, ct);
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ScopeException("minimum wage table");
        }
    }
}
