using System.Net;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace HelloWork.Tests.Host.Http;

/// <summary>The PDF endpoints on the real host: who gets the slip and the job sheet, and who is refused (R-ACC-4).</summary>
public sealed class DocumentEndpointTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> ReferralOfJobseeker1Async() => portal.QueryAsync(db =>
        (from r in db.Referrals
         join u in db.Users on r.JobseekerId equals u.JobseekerId
         join o in db.JobOffers on r.JobOfferId equals o.Id
         where u.Email == "jobseeker1@example.jp" && r.Status == ReferralStatus.Established
         join eu in db.Users on o.EstablishmentId equals eu.EstablishmentId
         where eu.Email == "employer1@example.jp"
         select r.Id).FirstAsync(Ct));

    [Theory]
    [InlineData("jobseeker1@example.jp", HttpStatusCode.OK)]
    [InlineData("employer1@example.jp", HttpStatusCode.OK)]
    [InlineData("staff1@example.jp", HttpStatusCode.OK)]
    [InlineData("jobseeker2@example.jp", HttpStatusCode.NotFound)]
    [InlineData("employer2@example.jp", HttpStatusCode.NotFound)]
    [InlineData("staff2@example.jp", HttpStatusCode.NotFound)]
    [InlineData("agency1@example.jp", HttpStatusCode.NotFound)]
    public async Task The_referral_slip_is_served_only_to_its_jobseeker_its_employer_and_the_referring_office(string email, HttpStatusCode expected)
    {
        var referralId = await ReferralOfJobseeker1Async();
        using var client = await Api.SignedInAsync(portal, email);

        using var response = await client.GetAsync($"/documents/referral-slips/{referralId}.pdf", Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("紹介状_", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(1, pdf.NumberOfPages);
        }
    }

    [Fact]
    public async Task A_stranger_gets_no_referral_slip()
    {
        var referralId = await ReferralOfJobseeker1Async();
        using var client = await portal.NewClientAsync();

        using var response = await client.GetAsync($"/documents/referral-slips/{referralId}.pdf", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_published_job_sheet_is_public_and_an_unpublished_one_is_not_found()
    {
        var published = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published && o.Scope == PublicationScope.PublicWithName)
            .Select(o => new { o.JobNumber, o.EstablishmentName }).FirstAsync(Ct));
        var closed = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Invalid).Select(o => o.JobNumber).FirstAsync(Ct));
        using var client = await portal.NewClientAsync();

        using var response = await client.GetAsync($"/documents/job-sheets/{published.JobNumber}.pdf", Ct);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(published.EstablishmentName, string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        Assert.Equal($"求人票_{published.JobNumber}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var gone = await client.GetAsync($"/documents/job-sheets/{closed}.pdf", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var malformed = await client.GetAsync("/documents/job-sheets/not-a-number.pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Another_employer_cannot_get_the_job_sheet_of_a_closed_offer_but_its_own_employer_can()
    {
        var closed = await portal.QueryAsync(db =>
            (from o in db.JobOffers
             join u in db.Users on o.EstablishmentId equals u.EstablishmentId
             where o.Status == OfferStatus.Invalid && u.Email == "employer1@example.jp"
             select o.JobNumber).FirstOrDefaultAsync(Ct));
        if (closed is null)
        {
            Assert.Skip("The demo data gave employer1 no closed offer.");
        }
        using var owner = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(owner, "employer1@example.jp");
        using var other = await portal.NewClientAsync();
        using var signIn2 = await Forms.SignInAsync(other, "employer2@example.jp");

        using var own = await owner.GetAsync($"/documents/job-sheets/{closed}.pdf", Ct);
        using var foreign = await other.GetAsync($"/documents/job-sheets/{closed}.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
