using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.Documents;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Referrals;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Jobseekers;

/// <summary>R-ACC-4 on the jobseeker side: another jobseeker is refused every piece of jobseeker 1's work.</summary>
public sealed class JobseekerScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(Guid ApplicationId, Referral Referral)> AppliedThroughReferralAsync(DomainWorld world)
    {
        var referral = await world.ReferAsync(world.Offer1, world.Jobseeker1, world.Office1);
        var id = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "事務の経験を活かしたいと考えました。",
            [new UploadedFile("履歴書.pdf", DemoSeeder.MinimalPdf("CV"))], referral.Id), Ct);
        return (id, referral);
    }

    [Fact]
    public async Task Jobseeker2_is_refused_jobseeker1s_application_messages_documents_and_referral_slip()
    {
        await using var world = await DomainWorld.CreateAsync();
        var (applicationId, referral) = await AppliedThroughReferralAsync(world);
        var other = world.JobseekerActor2;

        await Assert.ThrowsAsync<ScopeException>(() => new MyApplications(world.Ops).DetailAsync(other, applicationId, Ct));
        Assert.DoesNotContain(await new MyApplications(world.Ops).ListAsync(other, Ct), a => a.Id == applicationId);
        await Assert.ThrowsAsync<ScopeException>(() => new MessageService(world.Ops).ReadThreadAsync(other, applicationId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => new MessageService(world.Ops).SendAsync(other, applicationId, "こんにちは", Ct));
        await Assert.ThrowsAsync<ScopeException>(() => world.Applications.CancelAsync(other, applicationId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => new DocumentService(world.Ops).ReferralSlipAsync(other, referral.Id, Ct));
        Assert.Empty((await new MyReferralsQuery(world.Ops).ListAsync(other, Ct)).Items);
        await Assert.ThrowsAsync<ScopeException>(() => new ReferralService(world.Ops).DeclineAsync(other, referral.Id, Ct));

        // Jobseeker 1 sees all of it, the documents included.
        var mine = await new MyApplications(world.Ops).DetailAsync(world.JobseekerActor1, applicationId, Ct);
        Assert.Equal("履歴書.pdf", Assert.Single(mine.Documents).FileName);
        Assert.NotNull(await new DocumentService(world.Ops).ReferralSlipAsync(world.JobseekerActor1, referral.Id, Ct));
    }

    [Fact]
    public async Task Saved_searches_favourites_and_direct_requests_belong_to_their_jobseeker()
    {
        await using var world = await DomainWorld.CreateAsync();
        var saved = new SavedItemsService(world.Ops);
        var id = await saved.SaveSearchAsync(world.JobseekerActor1, "東京の事務", new JobSearchCriteria { Words = "事務", Page = 3 }, Ct);
        await saved.AddFavouriteAsync(world.JobseekerActor1, world.Offer1.JobNumber!, Ct);

        Assert.Empty(await saved.SearchesAsync(world.JobseekerActor2, Ct));
        Assert.Empty(await saved.FavouritesAsync(world.JobseekerActor2, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => saved.DeleteSearchAsync(world.JobseekerActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => saved.SearchesAsync(world.EmployerActor1, Ct));
        Assert.Equal("q=%E4%BA%8B%E5%8B%99", Assert.Single(await saved.SearchesAsync(world.JobseekerActor1, Ct)).Query); // page not kept
        Assert.Single(await saved.FavouritesAsync(world.JobseekerActor1, Ct));
    }
}
