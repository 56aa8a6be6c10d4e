using System.Text.RegularExpressions;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;
using HelloWork.Tests.Support;

namespace HelloWork.Tests.Domain.JobOffers;

/// <summary>R-JOB-2: on acceptance the offer gets 求人番号 OOOOO-NNNNNNNN, the office code and a serial unique within the office.</summary>
public sealed partial class JobNumberTests : IAsyncLifetime
{
    private DomainWorld database = null!;

    public async ValueTask InitializeAsync() => database = await DomainWorld.CreateEmptyAsync(Samples.Jst(2026, 11, 23, 10));

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [GeneratedRegex(@"^\d{5}-\d{8}$")]
    private static partial Regex JobNumberFormat();

    [Fact]
    public void A_job_number_is_the_five_digit_office_code_and_an_eight_digit_serial()
    {
        var office = Samples.Office("13010");

        var offer = Samples.AcceptedOffer(office, Guid.NewGuid(), database.Now);

        Assert.Equal("13010-00000001", offer.JobNumber);
        Assert.Matches(JobNumberFormat(), offer.JobNumber);
        Assert.Equal(office.Id, offer.AcceptingOfficeId);
    }

    [Fact]
    public void An_offer_has_no_job_number_before_it_is_accepted()
    {
        var offer = new JobOffer(Guid.NewGuid(), OfferChannel.Online, Samples.Sheet(), database.Now);
        offer.Submit(database.Now);

        Assert.Null(offer.JobNumber);
        Assert.Null(offer.ValidUntil);
    }

    [Fact]
    public async Task Serials_continue_across_operations_and_stay_unique_within_each_office()
    {
        var (tokyo, osaka, establishmentId) = await database.ArrangeAsync(async db =>
        {
            var tokyo = Samples.Office("13010");
            var osaka = Samples.Office("27010");
            var est = Samples.Establishment(tokyo, 1, database.Now);
            db.AddRange(tokyo, osaka, est);
            await Task.CompletedTask;
            return (tokyo.Id, osaka.Id, est.Id);
        });

        // Each acceptance in its own context, as the staff console does it: the serial lives in the office row.
        var numbers = new List<string>();
        foreach (var officeId in new[] { tokyo, tokyo, osaka, tokyo, osaka })
        {
            numbers.Add(await database.ArrangeAsync(async db =>
            {
                var office = await db.Offices.SingleAsync(o => o.Id == officeId);
                var offer = Samples.AcceptedOffer(office, establishmentId, database.Now);
                db.JobOffers.Add(offer);
                return offer.JobNumber!;
            }));
        }

        Assert.Equal(["13010-00000001", "13010-00000002", "27010-00000001", "13010-00000003", "27010-00000002"], numbers);
        var stored = await database.WithDbAsync(db => db.JobOffers.Select(o => o.JobNumber).ToListAsync());
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    [Fact]
    public async Task Two_acceptances_from_the_same_stale_office_row_cannot_both_be_saved()
    {
        var (officeId, establishmentId) = await database.ArrangeAsync(async db =>
        {
            var office = Samples.Office("13010");
            var est = Samples.Establishment(office, 1, database.Now);
            db.AddRange(office, est);
            await Task.CompletedTask;
            return (office.Id, est.Id);
        });

        // Two officers load the office at the same serial and accept an offer each.
        await using var first = await database.Factory.CreateDbContextAsync();
        await using var second = await database.Factory.CreateDbContextAsync();
        var firstOffer = Samples.AcceptedOffer(await first.Offices.SingleAsync(o => o.Id == officeId), establishmentId, database.Now);
        var secondOffer = Samples.AcceptedOffer(await second.Offices.SingleAsync(o => o.Id == officeId), establishmentId, database.Now);
        first.JobOffers.Add(firstOffer);
        second.JobOffers.Add(secondOffer);
        Assert.Equal(firstOffer.JobNumber, secondOffer.JobNumber);

        await first.SaveChangesAsync();

        // The office row's concurrency token refuses the second save: the same number is never stored twice.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        var stored = await database.WithDbAsync(db => db.JobOffers.Where(o => o.JobNumber != null).Select(o => o.JobNumber).ToListAsync());
        Assert.Equal(["13010-00000001"], stored);
    }

    [Fact]
    public void An_office_code_must_have_five_digits()
    {
        var refusal = Assert.Throws<HelloWork.Domain.Common.DomainException>(() => new Office("1301", "x", "東京都", "x", "x"));
        Assert.Equal("OfficeCodeFormat", refusal.Code);
    }
}
