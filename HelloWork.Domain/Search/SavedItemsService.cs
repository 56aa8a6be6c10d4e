using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

public sealed record SavedSearchView(Guid Id, string Name, string Query, DateTimeOffset CreatedAt);

public sealed record FavouriteView(JobCard Card, bool IsOpen, DateTimeOffset AddedAt);

/// <summary>検索条件・お気に入りの保存 (R-SRC-2): a jobseeker's own saved searches and favourite offers, nobody else's (R-ACC-4).</summary>
public sealed class SavedItemsService(Operations ops)
{
    public const int MaxFavourites = 100;

    public Task<List<SavedSearchView>> SearchesAsync(Actor actor, CancellationToken ct = default)
    {
        var jobseekerId = actor.RequireJobseeker();
        return ops.ReadAsync(db => db.SavedSearches.Where(s => s.JobseekerId == jobseekerId).OrderByDescending(s => s.CreatedAt)
            .Select(s => new SavedSearchView(s.Id, s.Name, s.Query, s.CreatedAt)).ToListAsync(ct), ct);
    }

    /// <summary>Saves the conditions under a name; the criteria are normalised through <see cref="JobSearchCriteria"/> so a saved
    /// search always reopens the page it came from (without its page number).</summary>
    public Task<Guid> SaveSearchAsync(Actor actor, string name, JobSearchCriteria criteria, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var normalised = criteria with { Page = 1 };
        normalised.Validate();
        if (await w.Db.SavedSearches.CountAsync(s => s.JobseekerId == jobseekerId, ct) >= SavedSearch.MaxPerJobseeker)
        {
            throw new DomainException(ErrorCodes.TooManySavedSearches, nameof(name), SavedSearch.MaxPerJobseeker);
        }
        var saved = new SavedSearch(jobseekerId, name, normalised.ToQuery(), w.Now);
        w.Db.SavedSearches.Add(saved);
        return saved.Id;
    }, ct);

    public Task DeleteSearchAsync(Actor actor, Guid id, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var deleted = await w.Db.SavedSearches.Where(s => s.Id == id && s.JobseekerId == jobseekerId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            throw new ScopeException("saved search");
        }
    }, ct);

    public Task<List<FavouriteView>> FavouritesAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var viewer = await SearchViewer.OfAsync(db, actor, ct);
        var added = await db.Favourites.Where(f => f.JobseekerId == jobseekerId).ToDictionaryAsync(f => f.JobOfferId, f => f.CreatedAt, ct);
        var ids = added.Keys.ToList();
        var offers = db.JobOffers.Where(o => ids.Contains(o.Id) && o.JobNumber != null);
        var cards = await JobSearch.CardsAsync(db, viewer, offers, ops.Clock.GetUtcNow(), ct);
        var idsByNumber = await offers.ToDictionaryAsync(o => o.JobNumber!, o => o.Id, ct);
        return cards.Select(c => new FavouriteView(c.Card, c.Open, added[idsByNumber[c.Card.JobNumber]])).OrderByDescending(f => f.AddedAt).ToList();
    }, ct);

    /// <summary>Adds an open offer to the favourites; adding it again changes nothing.</summary>
    public Task AddFavouriteAsync(Actor actor, string jobNumber, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.JobNumber == jobNumber, ct);
        if (offer is null || !offer.IsOpen(w.Now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen);
        }
        if (await w.Db.Favourites.AnyAsync(f => f.JobseekerId == jobseekerId && f.JobOfferId == offer.Id, ct))
        {
            return;
        }
        if (await w.Db.Favourites.CountAsync(f => f.JobseekerId == jobseekerId, ct) >= MaxFavourites)
        {
            throw new DomainException(ErrorCodes.TooManyFavourites, null, MaxFavourites);
        }
        w.Db.Favourites.Add(new Favourite(jobseekerId, offer.Id, w.Now));
    }, ct);

    public Task RemoveFavouriteAsync(Actor actor, string jobNumber, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        await w.Db.Favourites.Where(f => f.JobseekerId == jobseekerId && w.Db.JobOffers.Any(o => o.Id == f.JobOfferId && o.JobNumber == jobNumber))
            .ExecuteDeleteAsync(ct);
    }, ct);
}
