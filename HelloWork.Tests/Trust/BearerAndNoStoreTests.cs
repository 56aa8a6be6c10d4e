using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>
/// <c>/documents/job-sheets</c> and <c>/establishment-images</c> ignored bearer tokens (a client signed in by token saw
/// only what an anonymous visitor sees), and answers with personal data were cacheable. The bearer token is now the request's
/// person everywhere, and every answer to a signed-in person is <c>no-store</c> (R-ACC-4; every route for every identity is
/// checked in <see cref="MatrixTests"/>).
/// </summary>
public sealed class BearerAndNoStoreTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> BearerClientAsync(string email)
    {
        var client = await portal.NewClientAsync();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PortalHost.DemoPassword }, Ct);
        login.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task A_job_sheet_not_shown_to_the_public_is_served_to_its_employer_with_a_bearer_token_and_not_kept_R_ACC_4()
    {
        var numbers = await portal.QueryAsync(async db =>
        {
            var est = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId!.Value).FirstAsync(Ct);
            return await db.JobOffers.Where(o => o.EstablishmentId == est && o.JobNumber != null).Select(o => o.JobNumber!).ToListAsync(Ct);
        });
        using var anonymous = await portal.NewClientAsync();
        string? hidden = null;
        foreach (var number in numbers)
        {
            using var response = await anonymous.GetAsync($"/documents/job-sheets/{number}.pdf", Ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                hidden = number;
                break;
            }
        }
        Assert.True(hidden is not null, "employer1 has an offer with a number that the public does not see (demo data)");

        using var employer = await BearerClientAsync("employer1@example.jp");
        using var own = await employer.GetAsync($"/documents/job-sheets/{hidden}.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.True(own.Headers.CacheControl?.NoStore, $"Cache-Control: {own.Headers.CacheControl}");

        // Another establishment's token sees no more than the public.
        using var other = await BearerClientAsync("employer2@example.jp");
        using var foreign = await other.GetAsync($"/documents/job-sheets/{hidden}.pdf", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task A_company_image_asked_for_with_a_bearer_token_is_answered_to_that_person_and_not_kept_R_ACC_4()
    {
        var imageId = await portal.QueryAsync(async db =>
        {
            var est = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId!.Value).FirstAsync(Ct);
            return await db.EstablishmentImages.Where(i => i.EstablishmentId == est).Select(i => i.Id).FirstAsync(Ct);
        });
        using var employer = await BearerClientAsync("employer1@example.jp");
        using var response = await employer.GetAsync($"/establishment-images/{imageId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Pages_and_answers_without_a_caching_rule_of_their_own_are_not_kept_and_static_files_are()
    {
        using var anonymous = await portal.NewClientAsync();
        using var home = await anonymous.GetAsync("/", Ct);
        Assert.True(home.Headers.CacheControl?.NoStore, $"Cache-Control: {home.Headers.CacheControl}");
        using var script = await anonymous.GetAsync("/_framework/blazor.web.js", Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.NotEqual(true, script.Headers.CacheControl?.NoStore);
    }
}
