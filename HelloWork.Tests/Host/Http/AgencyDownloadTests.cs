using System.Net;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Host.Http;

/// <summary>The agency's pages download the very files of the data method (R-AGY-1, R-AGY-2) — the same bytes as the API
/// with a key — and nobody but a signed-in agency user gets them (R-ACC-4; every role: the matrix).</summary>
public sealed class AgencyDownloadTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("job-offers", "format=csv")]
    [InlineData("job-offers", "format=json")]
    [InlineData("jobseekers", "format=csv&page=1&pageSize=1000")]
    [InlineData("jobseekers", "format=json&page=1&pageSize=1000&word=%E4%BA%8B%E5%8B%99")]
    public async Task The_page_download_is_byte_for_byte_the_api_file(string file, string query)
    {
        await portal.StartAsync();
        var user = await portal.QueryAsync(db => db.Users.FirstAsync(u => u.Email == "agency2@example.jp", Ct));
        var key = await portal.Services.GetRequiredService<AgencyService>()
            .CreateKeyAsync(new Actor(user.Id, Roles.Agency, user.DisplayName, AgencyId: user.AgencyId), "download test", Ct);
        using var browser = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(browser, "agency2@example.jp");
        using var api = await portal.NewClientAsync();
        api.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        // The page's links carry no page size (the API's default for offers is all of them; for profiles the page asks for 1,000).
        var pageQuery = file == "jobseekers" ? query.Replace("&page=1&pageSize=1000", "", StringComparison.Ordinal) : query;

        // Other tests share the portal and may change an offer between the two requests: one pair of equal files is the proof.
        var equal = false;
        for (var attempt = 0; attempt < 3 && !equal; attempt++)
        {
            using var fromPage = await browser.GetAsync($"/agency/downloads/{file}?{pageQuery}", Ct);
            using var fromApi = await api.GetAsync($"/api/v1/provision/{file}?{query}", Ct);
            Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
            Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
            Assert.Equal(fromApi.Content.Headers.ContentType, fromPage.Content.Headers.ContentType);
            Assert.Equal(fromApi.Content.Headers.ContentDisposition?.FileNameStar, fromPage.Content.Headers.ContentDisposition?.FileNameStar);
            var page = await fromPage.Content.ReadAsByteArrayAsync(Ct);
            var data = await fromApi.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(page.Length > 10);
            equal = page.AsSpan().SequenceEqual(data);
        }
        Assert.True(equal, "the page's file and the API's file differ");
    }

    [Fact]
    public async Task A_signed_in_non_agency_gets_no_file_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        await portal.StartAsync();
        using var jobseeker = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(jobseeker, "jobseeker1@example.jp");
        using var refused = await jobseeker.GetAsync("/agency/downloads/jobseekers?format=csv", Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("求職者情報ID", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var anonymous = await portal.NewClientAsync();
        using var login = await anonymous.GetAsync("/agency/downloads/job-offers?format=csv", Ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/Account/Login", login.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
