using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Agencies;

/// <summary>One job offer as provided to agencies (R-AGY-1). The employer's name as <see cref="Search.SearchViewer.ForAgency"/> sees it:
/// the one publication-scope rule of the browser and the data method (scope 1 only).</summary>
public sealed record ProvidedOffer(string JobNumber, string Status, string Title, string OccupationCode, string? EstablishmentName,
    string Prefecture, string Municipality, string EmploymentType, string WageForm, int WageMin, int WageMax, string WorkStart, string WorkEnd,
    int AnnualHolidays, bool WeeklyTwoDaysOff, bool NearStation, bool RemoteWork, bool UijTurn, bool OnlineSelfApplication, int Openings,
    DateOnly? ReceivedDate, DateOnly? ValidUntil, DateTimeOffset UpdatedAt, Guid Id);

/// <summary>A provided jobseeker profile (R-AGY-2): 希望職種, 希望条件, 資格, 経験, 職歴 only — nothing that identifies the person.
/// <see cref="Token"/> names the profile for this agency only (<see cref="OpaqueTokens"/>): never the jobseeker's database id, and
/// different for every agency, so two agencies cannot link their copies of one person. <see cref="UpdatedOn"/> is the Japan date of
/// the last change, to the day: an instant would be as good as an id to link two agencies' copies after an edit.</summary>
public sealed record ProvidedProfile(string Token, string DesiredOccupation, string DesiredPrefecture, int? DesiredMonthlyWage,
    string? DesiredEmploymentType, string? DesiredHours, string Qualifications, string Experience, string WorkHistory, DateOnly UpdatedOn);

/// <summary>Filters on provided profiles: a word in 希望職種 (or 資格・経験・職歴), and the desired prefecture. Empty: no filter.</summary>
public sealed record ProfileFilter(string? Word = null, string? Prefecture = null)
{
    public static readonly ProfileFilter None = new();

    public bool Matches(Accounts.JobseekerWishes w) =>
        (string.IsNullOrWhiteSpace(Word) || new[] { w.DesiredOccupation, w.Qualifications, w.Experience, w.WorkHistory }
            .Any(f => f?.Contains(Word.Trim(), StringComparison.OrdinalIgnoreCase) == true))
        && (string.IsNullOrWhiteSpace(Prefecture) || w.DesiredPrefecture == Prefecture.Trim());
}

public sealed record OfferExportCriteria(DateTimeOffset? UpdatedSince = null, DateTimeOffset? AfterUpdatedAt = null, Guid? AfterId = null, int? Limit = null);

/// <summary>What agencies receive: offers (browser and data methods) and consented profiles, scope-checked against the agency.</summary>
public sealed class Provision(Operations ops, OpaqueTokens tokens)
{
    public const int MaxPageSize = 10_000;

    /// <summary>Open offers (or, with <see cref="OfferExportCriteria.UpdatedSince"/>, every accepted offer changed since then, closed ones
    /// included so that a copy can be kept in step), ordered by (UpdatedAt, Id) for keyset paging; streamed in flat memory.</summary>
    public IAsyncEnumerable<ProvidedOffer> OffersAsync(Agency agency, OfferExportCriteria criteria, CancellationToken ct = default)
    {
        if (agency.Status != AgencyStatus.Approved)
        {
            throw new DomainException(ErrorCodes.AgencyNotApproved);
        }
        if (criteria.Limit is < 1 or > MaxPageSize)
        {
            throw new DomainException(ErrorCodes.PageSizeOutOfRange, "pageSize", MaxPageSize);
        }
        var today = JapanTime.Today(ops.Clock);
        return ops.StreamAsync(db =>
        {
            var q = db.JobOffers.Where(o => o.JobNumber != null);
            q = criteria.UpdatedSince is { } since
                ? q.Where(o => o.UpdatedAt > since && (o.Status == OfferStatus.Published || o.Status == OfferStatus.Invalid))
                : q.Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= today);
            if (criteria.AfterUpdatedAt is { } afterAt && criteria.AfterId is { } afterId)
            {
                q = q.Where(o => o.UpdatedAt > afterAt || (o.UpdatedAt == afterAt && o.Id.CompareTo(afterId) > 0));
            }
            q = q.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id);
            if (criteria.Limit is { } limit)
            {
                q = q.Take(limit);
            }
            return q.Select(o => new
            {
                o.JobNumber, o.Status, o.ValidUntil, o.Title, o.OccupationCode, o.Scope, o.EstablishmentId, o.EstablishmentName, o.Prefecture, o.Municipality,
                o.EmploymentType, o.WageForm, o.WageMin, o.WageMax, o.WorkStartMinutes, o.WorkEndMinutes, o.AnnualHolidays, o.WeeklyTwoDaysOff,
                o.NearStation, o.RemoteWork, o.UijTurn, o.SelfApplication, o.Openings, o.ReceivedDate, o.UpdatedAt, o.Id,
            }).AsAsyncEnumerable().Select(o => new ProvidedOffer(o.JobNumber!,
                o.Status == OfferStatus.Published && o.ValidUntil >= today ? "公開中" : "無効",
                o.Title, o.OccupationCode, Search.SearchViewer.ForAgency.ShowsName(o.Scope, o.EstablishmentId) ? o.EstablishmentName : null, o.Prefecture, o.Municipality,
                Documents.DocumentMapping.EmploymentTypeLabel(o.EmploymentType),
                o.WageForm switch { WageForm.Hourly => "時給", WageForm.Daily => "日給", WageForm.Annual => "年俸制", _ => "月給" },
                o.WageMin, o.WageMax, Clock(o.WorkStartMinutes), Clock(o.WorkEndMinutes), o.AnnualHolidays, o.WeeklyTwoDaysOff, o.NearStation,
                o.RemoteWork, o.UijTurn, o.SelfApplication, o.Openings, o.ReceivedDate, o.ValidUntil, o.UpdatedAt, o.Id));
        }, ct);
    }

    /// <summary>Profiles whose consent covers the agency's kind (R-AGY-2); a withdrawn consent drops the profile from the next answer.
    /// Ordered by this agency's own token, so the order is the agency's alone: two agencies' feeds of the same people share neither
    /// an id, nor an instant, nor an order (R-ACC-4).</summary>
    public async Task<List<ProvidedProfile>> ProfilesAsync(Agency agency, int skip, int take, CancellationToken ct = default) =>
        await ProfilesAsync(agency, ProfileFilter.None, skip, take, ct);

    /// <summary><see cref="ProfilesAsync(Agency, int, int, CancellationToken)"/> with a filter, the same for the page and the API.</summary>
    public async Task<List<ProvidedProfile>> ProfilesAsync(Agency agency, ProfileFilter filter, int skip, int take, CancellationToken ct = default)
    {
        RequireApproved(agency);
        if (take is < 1 or > 1000 || skip < 0)
        {
            throw new DomainException(ErrorCodes.PageSizeOutOfRange, "pageSize", 1000);
        }
        var scope = await tokens.ForAsync(TokenHolder.Agency, agency.Id, ct);
        return await ops.RunAsync(AgencyActor(agency), async w =>
        {
            var all = await Covered(w.Db, agency).AsNoTracking().Select(j => new { j.Id, j.Wishes, j.UpdatedAt }).ToListAsync(ct);
            var page = all.Where(r => filter.Matches(r.Wishes)).Select(r => (Token: scope.Issue(r.Id), Row: r))
                .OrderBy(r => r.Token, StringComparer.Ordinal).Skip(skip).Take(take).ToList();
            foreach (var (_, row) in page)
            {
                w.Audit(AuditActions.ProfileProvided, nameof(Agency), agency.Id, row.Id);
            }
            return page.Select(r => Provided(r.Token, r.Row.Wishes, r.Row.UpdatedAt)).ToList();
        }, ct);
    }

    /// <summary>One profile by the agency's own token; null — the same answer for each — when the token is unknown, another
    /// agency's, made up, or names a jobseeker whose consent no longer covers this agency (R-AGY-2).</summary>
    public async Task<ProvidedProfile?> ProfileAsync(Agency agency, string? token, CancellationToken ct = default)
    {
        RequireApproved(agency);
        var scope = await tokens.ForAsync(TokenHolder.Agency, agency.Id, ct);
        if (scope.Resolve(token) is not { } jobseekerId)
        {
            return null;
        }
        return await ops.RunAsync(AgencyActor(agency), async w =>
        {
            var row = await Covered(w.Db, agency).AsNoTracking().Where(j => j.Id == jobseekerId)
                .Select(j => new { j.Id, j.Wishes, j.UpdatedAt }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return null;
            }
            w.Audit(AuditActions.ProfileProvided, nameof(Agency), agency.Id, row.Id);
            return Provided(scope.Issue(row.Id), row.Wishes, row.UpdatedAt);
        }, ct);
    }

    /// <summary>The jobseeker an agency's token names while their consent covers the agency (guidance, R-AGY-3); Guid.Empty otherwise.</summary>
    internal static Task<Guid> CoveredJobseekerAsync(Data.HelloWorkDb db, Agency agency, TokenScope scope, string? token, CancellationToken ct) =>
        scope.Resolve(token) is { } id
            ? Covered(db, agency).Where(j => j.Id == id).Select(j => j.Id).FirstOrDefaultAsync(ct)
            : Task.FromResult(Guid.Empty);

    /// <summary>The jobseekers whose consent covers the agency's kind (R-AGY-2): the one rule behind the list, one profile, guidance
    /// and the count on the agency's home.</summary>
    internal static IQueryable<Accounts.Jobseeker> Covered(Data.HelloWorkDb db, Agency agency)
    {
        var consents = ConsentsCovering(agency.Kind);
        return db.Jobseekers.Where(j => consents.Contains(j.Consent));
    }

    private static ProvidedProfile Provided(string token, JobseekerWishes w, DateTimeOffset updatedAt) =>
        new(token, w.DesiredOccupation, w.DesiredPrefecture, w.DesiredMonthlyWage, w.DesiredEmploymentType, w.DesiredHours,
            w.Qualifications, w.Experience, w.WorkHistory, JapanTime.DateOf(updatedAt));

    // Each provided profile is recorded against the agency, so the jobseeker sees on the mypage which agency received it (R-AUD-1).
    private static Actor AgencyActor(Agency agency) => new(Guid.Empty, Accounts.Roles.Agency, agency.Name, AgencyId: agency.Id);

    private static void RequireApproved(Agency agency)
    {
        if (agency.Status != AgencyStatus.Approved)
        {
            throw new DomainException(ErrorCodes.AgencyNotApproved);
        }
    }

    public Task<Agency?> AgencyOfAsync(Actor actor, CancellationToken ct = default)
    {
        var id = actor.RequireAgency();
        return ops.ReadAsync(db => db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct), ct);
    }

    public static ProvisionConsent[] ConsentsCovering(AgencyKind kind) => kind == AgencyKind.LocalGovernment
        ? [ProvisionConsent.LocalGovernmentsAndPrivate, ProvisionConsent.LocalGovernmentsOnly]
        : [ProvisionConsent.LocalGovernmentsAndPrivate, ProvisionConsent.PrivateOnly];

    /// <summary>HH:mm of every minute of two days, made once: the export names two times per row.</summary>
    private static readonly string[] Clocks = [.. Enumerable.Range(0, 2 * 24 * 60).Select(FormatClock)];

    private static string Clock(int minutes) => (uint)minutes < (uint)Clocks.Length ? Clocks[minutes] : FormatClock(minutes);

    private static string FormatClock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
