using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Support;
using UglyToad.PdfPig;

namespace HelloWork.Tests.Domain.Documents;

/// <summary>Who may download the referral slip (R-REF-5, R-ACC-4) and the job sheet (R-JOB-8, 公開範囲).</summary>
public sealed class DocumentServiceTests
{
    private static string TextOf(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task The_referral_slip_goes_to_its_jobseeker_its_employer_and_the_referring_office_only()
    {
        await using var world = await DomainWorld.CreateAsync();
        var referral = await world.ReferAsync(world.Offer1, world.Jobseeker1, world.Office1);
        var documents = new DocumentService(world.Ops);

        foreach (var allowed in new[] { world.JobseekerActor1, world.EmployerActor1, world.StaffActor1 })
        {
            var file = await documents.ReferralSlipAsync(allowed, referral.Id, TestContext.Current.CancellationToken);
            Assert.NotNull(file);
            Assert.Equal($"紹介状_{world.Offer1.JobNumber}.pdf", file.FileName);
            var text = TextOf(file.Content);
            Assert.Contains(world.Jobseeker1.Name, text, StringComparison.Ordinal);
            Assert.Contains(world.Offer1.JobNumber!, text, StringComparison.Ordinal);
            Assert.DoesNotContain("本郷", text, StringComparison.Ordinal); // no home address on the slip
        }
        foreach (var stranger in new[] { world.JobseekerActor2, world.EmployerActor2, world.StaffActor2 })
        {
            await Assert.ThrowsAsync<ScopeException>(() => documents.ReferralSlipAsync(stranger, referral.Id, TestContext.Current.CancellationToken));
        }
        Assert.Null(await documents.ReferralSlipAsync(world.StaffActor1, Guid.NewGuid(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_slip_prints_the_one_reason_code_list_including_code_8()
    {
        await using var world = await DomainWorld.CreateAsync();
        var referral = await world.ReferAsync(world.Offer1, world.Jobseeker1, world.Office1);
        var file = await new DocumentService(world.Ops).ReferralSlipAsync(world.EmployerActor1, referral.Id, TestContext.Current.CancellationToken);
        var text = TextOf(file!.Content).Replace(" ", "", StringComparison.Ordinal);
        foreach (var reason in SelectionReasons.All)
        {
            Assert.Contains($"{reason.Code}{reason.Short}", text, StringComparison.Ordinal);
        }
        Assert.Contains("8本人から応募辞退", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_sheet_without_name_never_shows_the_employer_to_anyone_but_its_employer_and_staff()
    {
        await using var world = await DomainWorld.CreateAsync();
        var hidden = DomainWorld.Published(new Random(3), world.Establishment1, world.Office1, HelloWork.Domain.Data.Demo.Vocabulary.Places[1],
            world.Clock.GetUtcNow(), PublicationScope.WithoutName);
        await world.WithDbAsync(db => { db.JobOffers.Add(hidden); return db.SaveChangesAsync(); });
        var documents = new DocumentService(world.Ops);

        foreach (var viewer in new Actor?[] { null, world.JobseekerActor1, world.JobseekerActor2, world.EmployerActor2 })
        {
            var text = TextOf((await documents.JobSheetAsync(viewer, hidden.JobNumber!, TestContext.Current.CancellationToken))!.Content);
            Assert.DoesNotContain("みらい商事", text, StringComparison.Ordinal);
            Assert.Contains(JobSheetView.Term(JobSheetView.Japanese, "HiddenName"), text, StringComparison.Ordinal);
        }
        var own = TextOf((await documents.JobSheetAsync(world.EmployerActor1, hidden.JobNumber!, TestContext.Current.CancellationToken))!.Content);
        Assert.Contains("みらい商事", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scope_2_shows_the_name_only_to_jobseekers_registered_at_an_office()
    {
        await using var world = await DomainWorld.CreateAsync();
        var limited = DomainWorld.Published(new Random(4), world.Establishment1, world.Office1, HelloWork.Domain.Data.Demo.Vocabulary.Places[1],
            world.Clock.GetUtcNow(), PublicationScope.NameToRegisteredOnly);
        await world.WithDbAsync(db => { db.JobOffers.Add(limited); return db.SaveChangesAsync(); });
        var documents = new DocumentService(world.Ops);

        Assert.Contains("みらい商事", TextOf((await documents.JobSheetAsync(world.JobseekerActor1, limited.JobNumber!, TestContext.Current.CancellationToken))!.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("みらい商事", TextOf((await documents.JobSheetAsync(world.JobseekerActor2, limited.JobNumber!, TestContext.Current.CancellationToken))!.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("みらい商事", TextOf((await documents.JobSheetAsync(null, limited.JobNumber!, TestContext.Current.CancellationToken))!.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_offer_has_no_public_job_sheet_but_its_employer_still_gets_it()
    {
        await using var world = await DomainWorld.CreateAsync();
        world.Clock.Advance(TimeSpan.FromDays(120)); // R-JOB-3: past the end of the month after next
        var documents = new DocumentService(world.Ops);

        Assert.Null(await documents.JobSheetAsync(null, world.Offer1.JobNumber!, TestContext.Current.CancellationToken));
        Assert.Null(await documents.JobSheetAsync(world.EmployerActor2, world.Offer1.JobNumber!, TestContext.Current.CancellationToken));
        Assert.NotNull(await documents.JobSheetAsync(world.EmployerActor1, world.Offer1.JobNumber!, TestContext.Current.CancellationToken));
    }
}
