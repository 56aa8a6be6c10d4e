using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>
/// 直接リクエスト limits under concurrent sends (R-SRC-3: at most 10 jobseekers per offer, once per jobseeker per offer), on
/// SQLite and on a real PostgreSQL (<c>HELLOWORK_TEST_PG</c>; skipped with the reason without it). Each send is its own
/// operation (own context, own transaction), all released at once: the limits are a count followed by an insert, which
/// PostgreSQL's read committed would let two transactions pass together without the offer row lock.
/// </summary>
public sealed class DirectRequestRaceTests
{
    private const int Racers = 16;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three offers, one race each: a lost race shows in one round or another (without the lock, PostgreSQL let two to four
    /// senders through in most single rounds).</summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task With_nine_requests_sent_many_simultaneous_sends_give_exactly_one_tenth_and_clear_refusals_to_the_rest(string provider)
    {
        await using var d = await DomainWorld.CreateAsync(provider);
        var (search, sender) = await PublicProfilesAsync(d, DirectRequest.MaxPerOffer - 1 + Racers);
        var tokens = await TokensAsync(d, search);
        var offers = new List<Guid> { d.Offer1.Id, (await AddOfferAsync(d)).Id, (await AddOfferAsync(d)).Id };

        foreach (var offerId in offers)
        {
            foreach (var token in tokens.Take(DirectRequest.MaxPerOffer - 1))
            {
                await sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, offerId, "ぜひご応募ください。"), Ct);
            }

            var outcomes = await RaceAsync(tokens.Skip(DirectRequest.MaxPerOffer - 1).Select(token =>
                (Func<Task<Guid>>)(() => sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, offerId, "ぜひご応募ください。"), Ct))));

            var won = Assert.Single(outcomes, o => o.Exception is null);
            var refusals = outcomes.Where(o => o.Exception is not null).Select(o => o.Exception).ToList();
            Assert.Equal(Racers - 1, refusals.Count);
            Assert.All(refusals, e =>
            {
                var refusal = Assert.IsType<DomainException>(e);
                Assert.Equal(("RequestLimitReached", "JobOfferId", DirectRequest.MaxPerOffer), (refusal.Code, refusal.Field, (int)refusal.Args[0]));
            });
            var requests = await d.WithDbAsync(db => db.DirectRequests.Where(r => r.JobOfferId == offerId).Select(r => r.Id).ToListAsync(Ct));
            Assert.Equal(DirectRequest.MaxPerOffer, requests.Count);
            Assert.Contains(won.Id, requests);
        }
        // The refused sends left nothing behind: one notice and one audit entry per request, no more.
        Assert.Equal(offers.Count * DirectRequest.MaxPerOffer, await d.WithDbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.DirectRequest, Ct)));
        Assert.Equal(offers.Count * DirectRequest.MaxPerOffer, await d.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "DirectRequestSent", Ct)));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Many_simultaneous_sends_to_the_same_jobseeker_for_one_offer_give_one_request_and_clear_refusals(string provider)
    {
        await using var d = await DomainWorld.CreateAsync(provider);
        var (search, sender) = await PublicProfilesAsync(d, 1);
        var token = Assert.Single(await TokensAsync(d, search));

        var outcomes = await RaceAsync(Enumerable.Range(0, Racers).Select(i =>
            (Func<Task<Guid>>)(() => sender.SendAsync(d.EmployerActor1, new SendRequestInput(token, d.Offer1.Id, $"ぜひ（{i}）"), Ct))));

        Assert.Single(outcomes, o => o.Exception is null);
        // Not a unique-index failure (a 500 for the employer) but the refusal shown next to the offer.
        Assert.All(outcomes.Where(o => o.Exception is not null), o =>
            Assert.Equal(("RequestAlreadySent", "JobOfferId"), (Assert.IsType<DomainException>(o.Exception).Code, ((DomainException)o.Exception!).Field)));
        Assert.Equal(1, await d.WithDbAsync(db => db.DirectRequests.CountAsync(r => r.JobOfferId == d.Offer1.Id, Ct)));
        Assert.Equal(1, await d.WithDbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.DirectRequest, Ct)));
    }

    /// <summary>Starts every send at once (each on its own thread-pool task, released together) and waits for all (also the booking races').</summary>
    internal static async Task<List<(Guid Id, Exception? Exception)>> RaceAsync(IEnumerable<Func<Task<Guid>>> sends)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = sends.Select(send => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return (await send(), (Exception?)null);
            }
#pragma warning disable CA1031 // every outcome is collected and asserted on
            catch (Exception e)
#pragma warning restore CA1031
            {
                return (Guid.Empty, e);
            }
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }

    /// <summary><paramref name="count"/> registered jobseekers with public profiles (倉庫作業員, 大阪府), each with an account to be told.</summary>
    private static async Task<(ProfileSearch, DirectRequestSender)> PublicProfilesAsync(DomainWorld d, int count)
    {
        var now = d.Clock.GetUtcNow();
        await d.WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == d.Office1.Id, Ct);
            for (var i = 0; i < count; i++)
            {
                var js = new Jobseeker($"求職 {i}", "キュウショク", new DateOnly(1970 + i % 30, 1, 1), null, null, null, now);
                js.RegisterAtOffice(office, now);
                js.UpdateWishes(new JobseekerWishes { DesiredOccupation = "倉庫作業員", DesiredPrefecture = "大阪府", Experience = $"倉庫{i}年" }, now);
                js.SetProfilePublic(true, now);
                db.Jobseekers.Add(js);
                db.Users.Add(new AppUser { Id = Guid.NewGuid(), UserName = $"race{i}@example.jp", Email = $"race{i}@example.jp", Role = Roles.Jobseeker,
                    JobseekerId = js.Id, DisplayName = js.Name, CreatedAt = now });
            }
            return await db.SaveChangesAsync(Ct);
        });
        var search = new ProfileSearch(d.Ops, d.Tokens);
        return (search, new DirectRequestSender(d.Ops, search));
    }

    private static async Task<HelloWork.Domain.JobOffers.JobOffer> AddOfferAsync(DomainWorld d) => await d.WithDbAsync(async db =>
    {
        var office = await db.Offices.FirstAsync(o => o.Id == d.Office1.Id, Ct);
        var offer = DomainWorld.Published(new Random(11), d.Establishment1, office, HelloWork.Domain.Data.Demo.Vocabulary.Places[2], d.Clock.GetUtcNow(),
            HelloWork.Domain.JobOffers.PublicationScope.PublicWithName);
        db.JobOffers.Add(offer);
        await db.SaveChangesAsync(Ct);
        return offer;
    });

    private static async Task<List<string>> TokensAsync(DomainWorld d, ProfileSearch search)
    {
        var tokens = new List<string>();
        for (var page = 1; ; page++)
        {
            var found = await search.SearchAsync(d.EmployerActor1, new ProfileCriteria(Occupation: "倉庫", Page: page, PageSize: ProfileSearch.MaxPageSize), Ct);
            tokens.AddRange(found.Items.Select(c => c.Token));
            if (tokens.Count >= found.Total)
            {
                return tokens;
            }
        }
    }
}
