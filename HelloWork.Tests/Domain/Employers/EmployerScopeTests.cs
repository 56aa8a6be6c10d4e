using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Tests.Support;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>R-ACC-4 on every employer read and write: employer2 is refused employer1's offers, applicants, documents, slips and messages.</summary>
public sealed class EmployerScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DomainWorld World, Guid ApplicationId, Guid ReferralId)> WorldWithApplicationAsync()
    {
        var world = await DomainWorld.CreateAsync();
        var referral = await world.ReferAsync(world.Offer1, world.Jobseeker1, world.Office1);
        var pdf = HelloWork.Domain.Data.Demo.DemoSeeder.MinimalPdf("Rirekisho");
        var id = await world.Applications.ApplyAsync(world.JobseekerActor1,
            new ApplyInput(world.Offer1.Id, "志望動機です。", [new UploadedFile("履歴書.pdf", pdf)], referral.Id), Ct);
        return (world, id, referral.Id);
    }

    [Fact]
    public async Task Another_establishment_is_refused_every_offer_operation()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var reads = new EmployerOffers(world.Ops);
        var id = world.Offer1.Id;
        var draft = await offers.CopyAsync(world.EmployerActor1, id, Ct);

        await Assert.ThrowsAsync<ScopeException>(() => reads.GetAsync(world.EmployerActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => reads.GetAsync(world.EmployerActor2, draft, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => offers.SaveScreenAsync(world.EmployerActor2, draft, new JobSheet(), 1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => offers.SubmitAsync(world.EmployerActor2, draft, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => offers.CopyAsync(world.EmployerActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => offers.CloseAsync(world.EmployerActor2, id, InvalidReason.Withdrawn, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => offers.ExtendAsync(world.EmployerActor2, id, Ct));
        Assert.DoesNotContain(await reads.ListAsync(world.EmployerActor2, Ct), r => r.Id == id || r.Id == draft);
        Assert.Contains(await reads.ListAsync(world.EmployerActor1, Ct), r => r.Id == draft && r.Status == OfferStatus.Draft);
    }

    [Fact]
    public async Task Another_establishment_sees_none_of_the_applicants_documents_slips_or_messages()
    {
        var (world, applicationId, referralId) = await WorldWithApplicationAsync();
        await using var _ = world;
        var applicants = new EmployerApplicants(world.Ops);
        var own = await applicants.DetailAsync(world.EmployerActor1, applicationId, Ct);
        var documentId = Assert.Single(own!.Documents).Id;

        var list = new ApplicantQueries(world.Ops);
        var est2 = world.Establishment2.Id;
        Assert.Equal(0, (await list.QueryAsync(world.EmployerActor2, est2, new ApplicantQuery(), Ct)).TotalCount);
        Assert.Equal(0, (await list.QueryAsync(world.EmployerActor2, est2, new ApplicantQuery { JobOfferId = world.Offer1.Id }, Ct)).TotalCount);
        await Assert.ThrowsAsync<ScopeException>(() => list.QueryAsync(world.EmployerActor2, world.Establishment1.Id, new ApplicantQuery(), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => list.ExportAsync(world.EmployerActor2, [applicationId], Ct));
        await Assert.ThrowsAsync<ScopeException>(() => applicants.DetailAsync(world.EmployerActor2, applicationId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => applicants.DocumentAsync(world.EmployerActor2, documentId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => applicants.DocumentAsync(world.JobseekerActor2, documentId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => new DocumentService(world.Ops).ReferralSlipAsync(world.EmployerActor2, referralId, Ct));
        var messages = new MessageService(world.Ops);
        await Assert.ThrowsAsync<ScopeException>(() => messages.ReadThreadAsync(world.EmployerActor2, applicationId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => messages.SendAsync(world.EmployerActor2, applicationId, "こんにちは", Ct));
        await Assert.ThrowsAsync<ScopeException>(() => world.Applications.RegisterResultAsync(world.EmployerActor2, applicationId,
            new ResultInput(ResultOutcome.NotHired, 1, false, null, null), Ct));
        Assert.DoesNotContain(await list.OffersAsync(world.EmployerActor2, Ct), o => o.Id == world.Offer1.Id);

        Assert.NotNull(await applicants.DocumentAsync(world.EmployerActor1, documentId, Ct));
        Assert.NotNull(await applicants.DocumentAsync(world.JobseekerActor1, documentId, Ct));
    }

    [Fact]
    public async Task Jobseekers_and_staff_are_not_employers()
    {
        var (world, applicationId, _) = await WorldWithApplicationAsync();
        await using var _w = world;
        var applicants = new EmployerApplicants(world.Ops);
        await Assert.ThrowsAsync<ScopeException>(() => new ApplicantQueries(world.Ops).QueryAsync(world.JobseekerActor1, world.Establishment1.Id, new ApplicantQuery(), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => new ApplicantQueries(world.Ops).ExportAsync(world.StaffActor1, [applicationId], Ct));
        await Assert.ThrowsAsync<ScopeException>(() => applicants.DetailAsync(world.StaffActor1, applicationId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => new EmployerOffers(world.Ops).ListAsync(world.StaffActor1, Ct));
    }
}
