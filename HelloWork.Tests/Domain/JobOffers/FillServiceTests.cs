using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.JobOffers;

/// <summary>求人充足サービス (R-CHG-3): staff of the establishment's office record visits and advice on an offer beside figures from the
/// portal's own data; the employer reads the advice; everyone else is refused (R-ACC-4).</summary>
public sealed class FillServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact] // R-CHG-3
    public void Percentiles_are_nearest_rank_and_absent_without_data()
    {
        int[] wages = [180_000, 200_000, 210_000, 250_000, 300_000];
        Assert.Equal(200_000, FillService.Percentile(wages, 25));
        Assert.Equal(210_000, FillService.Percentile(wages, 50));
        Assert.Equal(250_000, FillService.Percentile(wages, 75));
        Assert.Null(FillService.Percentile([], 50));
    }

    [Fact] // R-CHG-3
    public async Task Figures_come_from_the_open_offers_of_the_same_occupation_and_prefecture_with_their_applications_and_fills()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offer1 = world.Offer1;
        // Two more offers like offer 1 (same occupation and place): one open with another wage, one filled after 10 days.
        var rnd = new Random(3);
        var (other, filled) = await world.ArrangeAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == world.Office1.Id, Ct);
            var est = await db.Establishments.FirstAsync(e => e.Id == world.Establishment1.Id, Ct);
            var a = DomainWorld.Published(rnd, est, office, HelloWork.Domain.Data.Demo.Vocabulary.Places[0], world.Now.AddDays(-20), PublicationScope.PublicWithName);
            var b = DomainWorld.Published(rnd, est, office, HelloWork.Domain.Data.Demo.Vocabulary.Places[0], world.Now.AddDays(-20), PublicationScope.PublicWithName);
            b.Close(InvalidReason.Filled, world.Now.AddDays(-10));
            db.JobOffers.AddRange(a, b);
            return (a, b);
        });
        await world.Applications.ApplyAsync(world.JobseekerActor1, new HelloWork.Domain.Applications.ApplyInput(offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

        var figures = await new FillService(world.Ops).FiguresAsync(world.StaffActor1, offer1.Id, Ct);

        var open = new[] { offer1, other }.Where(o => o.WageForm == offer1.WageForm).Select(o => o.WageMin).Order().ToList();
        Assert.Equal((offer1.OccupationCode, offer1.Prefecture), (figures.OccupationCode, figures.Prefecture));
        Assert.Equal(open.Count, figures.OpenOffers);
        Assert.Equal(open[0], figures.WageP25);
        Assert.Equal(3, figures.OffersInYear);
        Assert.Equal(Math.Round(1 / 3.0, 1), figures.ApplicationsPerOffer);
        Assert.Equal((1, 10), (figures.FilledInYear, figures.MedianDaysToFill));
        _ = filled;
    }

    [Fact] // R-CHG-3, R-ACC-4
    public async Task Staff_record_advice_the_employer_reads_it_and_others_are_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var fill = new FillService(world.Ops);
        var today = JapanTime.DateOf(world.Now);
        var input = new AdviceInput(AdviceKind.Visit, today, "賃金水準が地域の中央値を下回っています。基本給の見直しをご検討ください。");

        await Assert.ThrowsAsync<ScopeException>(() => fill.RecordAsync(world.StaffActor2, world.Offer1.Id, input, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.RecordAsync(world.EmployerActor1, world.Offer1.Id, input, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.RecordAsync(world.JobseekerActor1, world.Offer1.Id, input, Ct));
        var future = await Assert.ThrowsAsync<DomainException>(() => fill.RecordAsync(world.StaffActor1, world.Offer1.Id, input with { Date = today.AddDays(1) }, Ct));
        Assert.Equal((ErrorCodes.AdviceDateInFuture, "Date"), (future.Code, future.Field));
        var blank = await Assert.ThrowsAsync<DomainException>(() => fill.RecordAsync(world.StaffActor1, world.Offer1.Id, input with { Text = " " }, Ct));
        Assert.Equal("Text", blank.Field);
        Assert.Equal(0, await world.WithDbAsync(db => db.OfferAdvices.CountAsync(Ct)));

        await fill.RecordAsync(world.StaffActor1, world.Offer1.Id, input, Ct);

        var seen = Assert.Single(await fill.AdviceAsync(world.EmployerActor1, world.Offer1.Id, Ct));
        Assert.Equal((AdviceKind.Visit, today, "staff1"), (seen.Kind, seen.Date, seen.StaffName));
        Assert.Single(await fill.AdviceAsync(world.StaffActor1, world.Offer1.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.AdviceAsync(world.EmployerActor2, world.Offer1.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.AdviceAsync(world.StaffActor2, world.Offer1.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.AdviceAsync(world.JobseekerActor1, world.Offer1.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.FiguresAsync(world.StaffActor2, world.Offer1.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.FiguresAsync(world.EmployerActor1, world.Offer1.Id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => fill.OfferAsync(world.StaffActor2, world.Offer1.JobNumber!, Ct));
        Assert.Null(await fill.OfferAsync(world.StaffActor1, "99999-99999999", Ct));
        Assert.Equal(world.Offer1.Id, (await fill.OfferAsync(world.StaffActor1, world.Offer1.JobNumber!, Ct))!.OfferId);
        var notice = await world.WithDbAsync(db => db.Notices.AsNoTracking().SingleAsync(n => n.Kind == NoticeKind.OfferAdvised, Ct));
        Assert.Equal((Recipients.Establishment(world.Establishment1.Id), world.Offer1.Id), (notice.Recipient, notice.SubjectId));
    }
}
