using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Domain.Employers;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>
/// Staff of one office accepting several offers at the same moment (R-JOB-1): each gets the office's next 求人番号, all different,
/// none is refused. Both take the office's serial; the loser used to meet the job number's unique index before the office row's
/// version and was shown an error (a fresh-clone CI run: the all-eight-screens browser test accepted while another test did).
/// On SQLite and on a real PostgreSQL (<c>HELLOWORK_TEST_PG</c>; skipped with the reason without it).
/// </summary>
public sealed class AcceptRaceTests
{
    private const int Racers = 6;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Offers_accepted_at_once_at_one_office_all_get_their_own_job_number(string provider)
    {
        await using var d = await DomainWorld.CreateAsync(provider);
        var offers = new JobOfferService(d.Ops);
        var before = await d.WithDbAsync(db => db.JobOffers.CountAsync(o => o.JobNumber != null, Ct));

        for (var round = 0; round < 3; round++)
        {
            var submitted = await d.ArrangeAsync(async db =>
            {
                var est = await db.Establishments.SingleAsync(e => e.Id == d.Establishment1.Id, Ct);
                var list = Enumerable.Range(0, Racers).Select(i =>
                {
                    var sheet = SampleSheets.Build(new Random(round * 100 + i), Vocabulary.Occupations[i % Vocabulary.Occupations.Length], Vocabulary.Places[0],
                        est.Name, est.Kana, est.Address, est.Employees);
                    var offer = new JobOffer(est.Id, OfferChannel.Online, sheet, d.Now);
                    offer.Submit(d.Now);
                    return offer;
                }).ToList();
                db.JobOffers.AddRange(list);
                return list.Select(o => o.Id).ToList();
            });

            var outcomes = await DirectRequestRaceTests.RaceAsync(submitted.Select(id =>
                (Func<Task<Guid>>)(async () => { await offers.AcceptAsync(d.StaffActor1, id, Ct); return id; })));

            Assert.All(outcomes, o => Assert.True(o.Exception is null, $"an acceptance failed: {o.Exception}"));
            var numbers = await d.WithDbAsync(db => db.JobOffers.Where(o => submitted.Contains(o.Id)).Select(o => o.JobNumber).ToListAsync(Ct));
            Assert.Equal(Racers, numbers.Distinct().Count(n => n is not null && n.StartsWith(d.Office1.Code + "-", StringComparison.Ordinal)));
        }
        // The office's serial moved on once per acceptance, no more, no less.
        var all = await d.WithDbAsync(db => db.JobOffers.CountAsync(o => o.JobNumber != null, Ct));
        Assert.Equal(before + 3 * Racers, all);
        var serial = await d.WithDbAsync(db => db.Offices.Where(o => o.Id == d.Office1.Id).Select(o => o.LastJobSerial).SingleAsync(Ct));
        var highest = await d.WithDbAsync(db => db.JobOffers.Where(o => o.AcceptingOfficeId == d.Office1.Id && o.JobNumber != null)
            .Select(o => o.JobNumber!).ToListAsync(Ct));
        Assert.Equal(serial, highest.Max(n => int.Parse(n[(n.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
