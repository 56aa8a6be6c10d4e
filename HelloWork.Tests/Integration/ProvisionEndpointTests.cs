using System.Net;
using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Integration;

/// <summary>The data method on the real host (R-AGY-1/2): keys, formats, bad input as problem details, and no personal data anywhere.</summary>
public sealed class ProvisionEndpointTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Key, Guid KeyId, Actor Actor)> NewKeyAsync(string agencyEmail)
    {
        await portal.StartAsync();
        var user = await portal.QueryAsync(db => db.Users.FirstAsync(u => u.Email == agencyEmail, Ct));
        var actor = new Actor(user.Id, Roles.Agency, user.DisplayName, AgencyId: user.AgencyId);
        var created = await portal.Services.GetRequiredService<AgencyService>().CreateKeyAsync(actor, "test", Ct);
        return (created.Secret, created.Id, actor);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? key)
    {
        var client = await portal.NewClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_csv_export_starts_with_a_bom_and_japanese_headers_and_the_json_pages_by_cursor()
    {
        var (key, _, _) = await NewKeyAsync("agency2@example.jp");

        using var csv = await GetAsync("/api/v1/provision/job-offers?format=csv", key);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("求人番号,状態,職種", lines[0], StringComparison.Ordinal);
        var open = await portal.QueryAsync(db => db.JobOffers.CountAsync(o => o.Status == HelloWork.Domain.JobOffers.OfferStatus.Published, Ct));
        Assert.InRange(lines.Length - 1, 1, open);

        using var page = await GetAsync("/api/v1/provision/job-offers?pageSize=5", key);
        var json = System.Text.Json.JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(5, json.GetProperty("items").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("nextCursor").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/provision/job-offers?updatedSince=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/job-offers?pageSize=1000000", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/job-offers?pageSize=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/job-offers?format=xml", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/job-offers?cursor=%%%", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/job-offers?cursor=bm90LWEtY3Vyc29y", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/jobseekers?pageSize=1000000", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/provision/jobseekers?page=-1", HttpStatusCode.BadRequest)]
    public async Task Bad_input_gets_a_4xx_with_problem_details_never_a_500(string path, HttpStatusCode expected)
    {
        var (key, _, _) = await NewKeyAsync("agency1@example.jp");

        using var response = await GetAsync(path, key);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_revoked_or_made_up_key_is_refused()
    {
        var (key, keyId, actor) = await NewKeyAsync("agency1@example.jp");
        await portal.Services.GetRequiredService<AgencyService>().RevokeKeyAsync(actor, keyId, Ct);

        foreach (var presented in new[] { key, "hwk_0123456789ab_made-up", "nonsense", null })
        {
            using var response = await GetAsync("/api/v1/provision/job-offers", presented);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task No_name_email_phone_address_or_jobseeker_number_appears_in_anything_an_agency_sees()
    {
        var (key, _, _) = await NewKeyAsync("agency2@example.jp");
        var personal = await portal.QueryAsync(async db =>
        {
            var people = await db.Jobseekers.Select(j => new { j.Name, j.Kana, j.Phone, j.Address, j.JobseekerNumber }).ToListAsync(Ct);
            var emails = await db.Users.Where(u => u.JobseekerId != null).Select(u => u.Email!).ToListAsync(Ct);
            return people.SelectMany(p => new[] { p.Name, p.Kana, p.Phone, p.Address, p.JobseekerNumber }).Concat(emails)
                .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().ToList();
        });
        Assert.NotEmpty(personal);

        var seen = new List<string>();
        foreach (var path in new[] { "/api/v1/provision/jobseekers?pageSize=1000", "/api/v1/provision/job-offers", "/api/v1/provision/job-offers?format=csv" })
        {
            using var response = await GetAsync(path, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add(await response.Content.ReadAsStringAsync(Ct));
        }
        using var browser = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(browser, "agency2@example.jp");
        foreach (var page in new[] { "/agency", "/agency/profiles", "/agency/usage", "/agency/keys" })
        {
            using var response = await browser.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add(await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Contains(seen, s => s.Contains("希望職種", StringComparison.Ordinal)); // the profiles page did render profiles

        foreach (var value in personal)
        {
            Assert.DoesNotContain(seen, s => s.Contains(value, StringComparison.Ordinal));
        }
    }
}
