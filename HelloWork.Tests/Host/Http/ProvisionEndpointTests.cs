using System.Net;
using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Host.Http;

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
        // Nor any jobseeker's database id, in either spelling (R-AGY-2): it is the same for every agency and the key of every table.
        personal.AddRange(await AllJobseekerIdsAsync());
        var (_, token) = await ConsentingAsync("agency2@example.jp");

        var seen = new List<string>();
        foreach (var path in new[] { "/api/v1/provision/jobseekers?pageSize=1000", "/api/v1/provision/job-offers", "/api/v1/provision/job-offers?format=csv",
                     $"/api/v1/provision/jobseekers/{token}" })
        {
            using var response = await GetAsync(path, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add(await response.Content.ReadAsStringAsync(Ct));
        }
        using var browser = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(browser, "agency2@example.jp");
        foreach (var page in new[] { "/agency", "/agency/profiles", "/agency/usage", "/agency/keys", $"/agency/profiles/profile?p={token}" })
        {
            using var response = await browser.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.Add(await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Contains(seen, s => s.Contains("希望職種", StringComparison.Ordinal)); // the profiles page did render profiles
        Assert.Contains(seen, s => s.Contains("求職者情報の詳細", StringComparison.Ordinal)); // and the profile page its profile

        foreach (var value in personal)
        {
            Assert.DoesNotContain(seen, s => s.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Every demo jobseeker's id, as text (with hyphens and without).</summary>
    private Task<List<string>> AllJobseekerIdsAsync() => portal.QueryAsync(async db =>
        (await db.Jobseekers.Select(j => j.Id).ToListAsync(Ct)).SelectMany(id => new[] { id.ToString(), id.ToString("N") }).ToList());

    /// <summary>The first demo jobseeker whose consent covers both demo agencies, and the given agency's token for them.</summary>
    private async Task<(Guid JobseekerId, string Token)> ConsentingAsync(string agencyEmail, bool last = false)
    {
        var (agencyId, ids) = await portal.QueryAsync(async db => (
            await db.Users.Where(u => u.Email == agencyEmail).Select(u => u.AgencyId!.Value).FirstAsync(Ct),
            await db.Jobseekers.Where(j => j.Consent == ProvisionConsent.LocalGovernmentsAndPrivate && !db.Users.Any(u => u.JobseekerId == j.Id))
                .OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(Ct)));
        var id = last ? ids[^1] : ids[0];
        var scope = await portal.Services.GetRequiredService<OpaqueTokens>().ForAsync(TokenHolder.Agency, agencyId, Ct);
        return (id, scope.Issue(id));
    }

    private static async Task<List<string>> TokensAsync(HttpResponseMessage response) =>
        [.. System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("token").GetString()!)];

    [Fact]
    public async Task An_agencys_token_opens_nothing_for_the_other_agency_neither_page_nor_api_nor_guidance_and_the_reverse()
    {
        var (key1, _, actor1) = await NewKeyAsync("agency1@example.jp");
        var (key2, _, actor2) = await NewKeyAsync("agency2@example.jp");
        var (person, token1) = await ConsentingAsync("agency1@example.jp");
        var (samePerson, token2) = await ConsentingAsync("agency2@example.jp");
        Assert.Equal(person, samePerson);
        Assert.NotEqual(token1, token2); // one person, two agencies: nothing to link their copies by

        // The list: each agency's own token, the same on every call, never the other's.
        using var list1 = await GetAsync("/api/v1/provision/jobseekers?pageSize=1000", key1);
        using var list1Again = await GetAsync("/api/v1/provision/jobseekers?pageSize=1000", key1);
        using var list2 = await GetAsync("/api/v1/provision/jobseekers?pageSize=1000", key2);
        var (tokens1, tokens1Again, tokens2) = (await TokensAsync(list1), await TokensAsync(list1Again), await TokensAsync(list2));
        Assert.Equal(tokens1, tokens1Again);
        Assert.Contains(token1, tokens1);
        Assert.Contains(token2, tokens2);
        Assert.Empty(tokens1.Intersect(tokens2));

        // The API: own token 200, the other's 404 (the same answer as a made-up one).
        foreach (var (key, own, foreign) in new[] { (key1, token1, token2), (key2, token2, token1) })
        {
            using var ok = await GetAsync($"/api/v1/provision/jobseekers/{own}", key);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(own, System.Text.Json.JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("token").GetString());
            foreach (var other in new[] { foreign, "AAAAAAAAAAAAAAAAAAAAAA", person.ToString() })
            {
                using var notFound = await GetAsync($"/api/v1/provision/jobseekers/{other}", key);
                Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
                Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
            }
        }

        // The page: own token shows the profile and the guidance form, the other's the not-found view.
        foreach (var (email, own, foreign) in new[] { ("agency1@example.jp", token1, token2), ("agency2@example.jp", token2, token1) })
        {
            using var browser = await portal.NewClientAsync();
            using var signIn = await Forms.SignInAsync(browser, email);
            var page = await Forms.GetPageAsync(browser, "/agency/profiles/profile?p=" + Uri.EscapeDataString(own));
            Assert.Equal(["希望職種", "希望条件", "資格", "経験", "職歴"], page.QuerySelectorAll("th").Select(th => th.TextContent.Trim()));
            Assert.Contains("案内メッセージを送る", page.Body!.TextContent, StringComparison.Ordinal);
            var other = await Forms.GetPageAsync(browser, "/agency/profiles/profile?p=" + Uri.EscapeDataString(foreign));
            Assert.Equal("求職者情報が見つかりません", other.QuerySelector("h1")?.TextContent.Trim());
            Assert.DoesNotContain("案内メッセージを送る", other.Body!.TextContent, StringComparison.Ordinal);
            Assert.Empty(other.QuerySelectorAll("th"));
        }

        // Guidance (R-AGY-3): the other agency's token is refused before anything is sent.
        var agencies = portal.Services.GetRequiredService<AgencyService>();
        var before = await portal.QueryAsync(db => db.GuidanceMessages.CountAsync(m => m.JobseekerId == person, Ct));
        Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => agencies.SendGuidanceAsync(actor2, token1, "ご案内", Ct))).Code);
        Assert.Equal("ProfileNotProvided", (await Assert.ThrowsAsync<DomainException>(() => agencies.SendGuidanceAsync(actor1, token2, "ご案内", Ct))).Code);
        Assert.Equal(before, await portal.QueryAsync(db => db.GuidanceMessages.CountAsync(m => m.JobseekerId == person, Ct)));
    }

    [Fact]
    public async Task After_consent_is_withdrawn_the_token_finds_nothing_on_the_page_or_the_api()
    {
        var (key, _, _) = await NewKeyAsync("agency1@example.jp");
        // The last consenting jobseeker without an account: no other test looks at them; consent is restored afterwards.
        var (person, token) = await ConsentingAsync("agency1@example.jp", last: true);
        using var browser = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(browser, "agency1@example.jp");
        using (var before = await GetAsync($"/api/v1/provision/jobseekers/{token}", key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await SetConsentAsync(person, ProvisionConsent.None);
        try
        {
            using var api = await GetAsync($"/api/v1/provision/jobseekers/{token}", key);
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            var page = await Forms.GetPageAsync(browser, "/agency/profiles/profile?p=" + Uri.EscapeDataString(token));
            Assert.Equal("求職者情報が見つかりません", page.QuerySelector("h1")?.TextContent.Trim());
            using var list = await GetAsync("/api/v1/provision/jobseekers?pageSize=1000", key);
            Assert.DoesNotContain(token, await TokensAsync(list));
        }
        finally
        {
            await SetConsentAsync(person, ProvisionConsent.LocalGovernmentsAndPrivate);
        }
    }

    private async Task SetConsentAsync(Guid jobseekerId, ProvisionConsent consent)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<HelloWork.Domain.Data.HelloWorkDb>>().CreateDbContextAsync(Ct);
        (await db.Jobseekers.FirstAsync(j => j.Id == jobseekerId, Ct)).SetConsent(consent, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
    }
}
