using System.Net;

using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Domain.Employers;

namespace HelloWork.Tests.Host.Http;

/// <summary>The application-document endpoint on the real host (R-APP-3, R-ACC-4): the employer of the application gets the file; any
/// other employer, jobseeker, staff or agency gets a 404 that reveals nothing.</summary>
public sealed class EmployerEndpointTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> DocumentOfEmployer1Async() => portal.QueryAsync(db =>
        (from d in db.ApplicationDocuments
         join a in db.Applications on d.ApplicationId equals a.Id
         join u in db.Users on a.EstablishmentId equals u.EstablishmentId
         where u.Email == "employer1@example.jp"
         select d.Id).FirstAsync(Ct));

    [Theory]
    [InlineData("employer1@example.jp", HttpStatusCode.OK)]
    [InlineData("employer2@example.jp", HttpStatusCode.NotFound)]
    [InlineData("jobseeker2@example.jp", HttpStatusCode.NotFound)]
    [InlineData("staff1@example.jp", HttpStatusCode.NotFound)]
    [InlineData("agency1@example.jp", HttpStatusCode.NotFound)]
    public async Task An_application_document_is_served_only_to_the_employer_of_the_application(string email, HttpStatusCode expected)
    {
        var documentId = await DocumentOfEmployer1Async();
        using var client = await Api.SignedInAsync(portal, email);

        using var response = await client.GetAsync($"/documents/application-documents/{documentId}?download=true", Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(Ct))[..5], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stranger_and_an_unknown_id_get_no_document()
    {
        var documentId = await DocumentOfEmployer1Async();
        using var anonymous = await portal.NewClientAsync();
        using var refused = await anonymous.GetAsync($"/documents/application-documents/{documentId}", Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        using var employer1 = await Api.SignedInAsync(portal, "employer1@example.jp");
        using var unknown = await employer1.GetAsync($"/documents/application-documents/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
