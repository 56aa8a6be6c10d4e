using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

public sealed record ProfileCriteria(string? Occupation = null, string? Prefecture = null, string? EmploymentType = null, string? FreeWord = null,
    int Page = 1, int PageSize = 20);

/// <summary>One public profile as employers see it (R-SRC-3): wishes, qualifications, experience and PR only. <see cref="Token"/> is
/// opaque (<see cref="OpaqueTokens"/>), the same on every search of this establishment, different for every other, and valid only for
/// the establishment it was issued to; the person's name, kana, birth date, address, phone, e-mail and
/// jobseeker number never leave the domain, and the age is a ten-year band.</summary>
public sealed record ProfileCard(string Token, string DesiredOccupation, string DesiredPrefecture, string? DesiredMunicipality, int? DesiredMonthlyWage,
    string? DesiredEmploymentType, string? DesiredHours, string AgeBand, string Qualifications, string Experience, DateTimeOffset UpdatedAt);

public sealed record ProfileDetail(ProfileCard Card, string WorkHistory, string? SelfPr, IReadOnlyList<SentRequestSummary> SentByUs);

public sealed record SentRequestSummary(string JobNumber, string Title, DirectRequestStatus Status, DateTimeOffset SentAt);

public sealed record ProfileResults(IReadOnlyList<ProfileCard> Items, int Total, int Page, int PageSize);

/// <summary>An own offer a direct request can carry, with how many of its <see cref="DirectRequest.MaxPerOffer"/> requests are used.</summary>
public sealed record RequestOffer(Guid Id, string JobNumber, string Title, bool AcceptsSelfApplication, int Sent);

/// <summary>Whether the establishment may search (at least one valid offer, R-SRC-3) and the offers it can send requests with.</summary>
public sealed record ProfileSearchAccess(bool CanSearch, int ValidOffers, IReadOnlyList<RequestOffer> Offers);

/// <summary>
/// 求職情報検索 for employers (R-SRC-3): establishments with at least one valid (published, not expired) offer search, nationwide,
/// the profiles of jobseekers who asked for publication (求職情報の公開を希望する), are registered at an office (利用登録者) and whose
/// registration is valid. Nothing identifying is returned; profiles are named by a token that only this establishment can use.
/// </summary>
public sealed class ProfileSearch(Operations ops, OpaqueTokens tokens)
{
    public const int MaxPageSize = 50;
    public const int MaxFreeWord = 50;

    public Task<ProfileSearchAccess> AccessAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(db => AccessAsync(db, actor, JapanTime.Today(ops.Clock), ct), ct);

    public async Task<ProfileResults> SearchAsync(Actor actor, ProfileCriteria criteria, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var scope = await ScopeAsync(establishmentId, ct);
        return await ops.ReadAsync(async db =>
        {
            var today = JapanTime.Today(ops.Clock);
            await RequireValidOfferAsync(db, establishmentId, today, ct);
            var occupation = Text.Require(criteria.Occupation, nameof(criteria.Occupation), 100, required: false);
            var prefecture = Text.Require(criteria.Prefecture, nameof(criteria.Prefecture), 10, required: false);
            if (prefecture.Length > 0 && !Prefectures.All.Contains(prefecture))
            {
                throw new DomainException(ErrorCodes.InvalidChoice, nameof(criteria.Prefecture));
            }
            var type = Text.Require(criteria.EmploymentType, nameof(criteria.EmploymentType), 20, required: false);
            var words = Text.Require(criteria.FreeWord, nameof(criteria.FreeWord), MaxFreeWord, required: false)
                .Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries);
            var pageSize = Math.Clamp(criteria.PageSize, 1, MaxPageSize);
            var page = Math.Max(1, criteria.Page);

            // The wishes are one JSON column: the database narrows to searchable people, the filters run on their wishes here.
            var rows = await Searchable(db, today).Select(j => new { j.Id, j.Wishes, j.BirthDate, j.UpdatedAt }).ToListAsync(ct);
            var matches = rows.Where(r =>
                    (occupation.Length == 0 || r.Wishes.DesiredOccupation.Contains(occupation, StringComparison.OrdinalIgnoreCase))
                    && (prefecture.Length == 0 || r.Wishes.DesiredPrefecture == prefecture)
                    && (type.Length == 0 || r.Wishes.DesiredEmploymentType == type)
                    && words.All(w => r.Wishes.Qualifications.Contains(w, StringComparison.OrdinalIgnoreCase)
                        || r.Wishes.Experience.Contains(w, StringComparison.OrdinalIgnoreCase)
                        || (r.Wishes.SelfPr ?? "").Contains(w, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).ToList();
            var items = matches.Skip((page - 1) * pageSize).Take(pageSize)
                .Select(r => Card(scope, r.Id, r.Wishes, r.BirthDate, r.UpdatedAt, today)).ToList();
            return new ProfileResults(items, matches.Count, page, pageSize);
        }, ct);
    }

    /// <summary>One profile by its token; null when the token is not this establishment's or the profile is no longer searchable.</summary>
    public async Task<ProfileDetail?> DetailAsync(Actor actor, string token, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var scope = await ScopeAsync(establishmentId, ct);
        return await ops.ReadAsync(async db =>
        {
            var today = JapanTime.Today(ops.Clock);
            await RequireValidOfferAsync(db, establishmentId, today, ct);
            if (scope.Resolve(token) is not { } jobseekerId)
            {
                return null;
            }
            var row = await Searchable(db, today).Where(j => j.Id == jobseekerId)
                .Select(j => new { j.Id, j.Wishes, j.BirthDate, j.UpdatedAt }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return null;
            }
            var sent = await (from r in db.DirectRequests
                              join o in db.JobOffers on r.JobOfferId equals o.Id
                              where r.EstablishmentId == establishmentId && r.JobseekerId == jobseekerId
                              orderby r.SentAt descending
                              select new SentRequestSummary(o.JobNumber ?? "", o.Title, r.Status, r.SentAt)).ToListAsync(ct);
            return new ProfileDetail(Card(scope, row.Id, row.Wishes, row.BirthDate, row.UpdatedAt, today),
                row.Wishes.WorkHistory, row.Wishes.SelfPr, sent);
        }, ct);
    }

    /// <summary>The establishment's tokens: <see cref="TokenScope.Resolve"/> gives the jobseeker a token names for this establishment,
    /// or an id that names nobody for anything else (tampered, another establishment's); callers check <see cref="Searchable"/>.</summary>
    internal Task<TokenScope> ScopeAsync(Guid establishmentId, CancellationToken ct) => tokens.ForAsync(TokenHolder.Establishment, establishmentId, ct);

    /// <summary>Profiles employers may find: public, registered at an office, registration switched on and not past its validity.</summary>
    internal static IQueryable<Jobseeker> Searchable(HelloWorkDb db, DateOnly today) =>
        db.Jobseekers.Where(j => j.ProfilePublic && j.Tier == JobseekerTier.Full && j.RegistrationActive && j.RegistrationValidUntil >= today);

    internal static async Task<ProfileSearchAccess> AccessAsync(HelloWorkDb db, Actor actor, DateOnly today, CancellationToken ct)
    {
        var establishmentId = actor.RequireEstablishment();
        var open = await db.JobOffers.Where(o => o.EstablishmentId == establishmentId && o.Status == OfferStatus.Published && o.ValidUntil >= today)
            .OrderBy(o => o.JobNumber)
            .Select(o => new { o.Id, o.JobNumber, o.Title, o.SelfApplication, Sent = db.DirectRequests.Count(r => r.JobOfferId == o.Id) })
            .ToListAsync(ct);
        return new ProfileSearchAccess(open.Count > 0, open.Count,
            [.. open.Select(o => new RequestOffer(o.Id, o.JobNumber ?? "", o.Title, o.SelfApplication, o.Sent))]);
    }

    internal static async Task RequireValidOfferAsync(HelloWorkDb db, Guid establishmentId, DateOnly today, CancellationToken ct)
    {
        if (!await db.JobOffers.AnyAsync(o => o.EstablishmentId == establishmentId && o.Status == OfferStatus.Published && o.ValidUntil >= today, ct))
        {
            throw new DomainException(ErrorCodes.ProfileSearchNeedsValidOffer);
        }
    }

    private static ProfileCard Card(TokenScope scope, Guid id, JobseekerWishes w, DateOnly birthDate, DateTimeOffset updatedAt, DateOnly today) =>
        new(scope.Issue(id), w.DesiredOccupation, w.DesiredPrefecture, w.DesiredMunicipality,
            w.DesiredMonthlyWage, w.DesiredEmploymentType, w.DesiredHours, AgeBand(birthDate, today), w.Qualifications, w.Experience, updatedAt);

    /// <summary>十代 bands (20代, 30代 …): enough to judge fit, too coarse to identify.</summary>
    public static string AgeBand(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year - (birthDate.AddYears(today.Year - birthDate.Year) > today ? 1 : 0);
        return age < 20 ? "10代" : $"{Math.Min(age / 10 * 10, 70)}代" + (age >= 80 ? "以上" : "");
    }
}
