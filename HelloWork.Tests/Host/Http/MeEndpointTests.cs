using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.JobOffers;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Domain.Jobseekers;

namespace HelloWork.Tests.Host.Http;

/// <summary>
/// The jobseeker's own JSON API for non-browser clients (/api/v1/me): applying (R-SELF-1/2) and messaging (R-MSG-1) through the same
/// domain operations as the pages; only the signed-in jobseeker's own applications (R-ACC-4); refusals as problem details (R-ERR-1).
/// </summary>
[Collection(AccountsCollection.Name)] // it opens accounts: never while another test counts them
public sealed class MeEndpointTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A jobseeker of the test's own (so that its applications touch no other test's data), signed in with a bearer token.</summary>
    private async Task<(HttpClient Client, string Email)> NewJobseekerAsync()
    {
        await portal.StartAsync();
        var email = Registrations.NewEmail("me-api");
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .RegisterJobseekerAsync(new JobseekerRegistration(email, Registrations.GoodPassword, "試験 次郎", "シケン ジロウ", new DateOnly(1992, 5, 5), null, AcceptedTerms: true), Ct);
        }
        var client = await portal.NewClientAsync();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Registrations.GoodPassword }, Ct);
        login.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, email);
    }

    private async Task<string> SelfApplicationJobNumberAsync(int skip)
    {
        var now = DateTimeOffset.UtcNow;
        // Not the demo employers' offers: other tests count their applicants.
        var demoEstablishments = await portal.QueryAsync(db => db.Users.Where(u => u.EstablishmentId != null).Select(u => u.EstablishmentId!.Value).ToListAsync(Ct));
        var offers = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published).OrderBy(o => o.JobNumber).ToListAsync(Ct));
        return offers.Where(o => o.AcceptsSelfApplication(now) && !demoEstablishments.Contains(o.EstablishmentId)).Skip(skip).First().JobNumber!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task A_jobseeker_applies_and_writes_a_message_and_both_are_stored_as_sent()
    {
        var (client, email) = await NewJobseekerAsync();
        var jobNumber = await SelfApplicationJobNumberAsync(3);

        using var applied = await client.PostAsJsonAsync("/api/v1/me/applications",
            new { jobNumber, motivation = "  <b>貴社</b>で経験を活かしたいです。  ", selfApplicationAcknowledged = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = JsonDocument.Parse(await applied.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/me/applications/{applicationId}", applied.Headers.Location?.OriginalString);

        using var sent = await client.PostAsJsonAsync($"/api/v1/me/applications/{applicationId}/messages", new { body = "面接日程について確認させてください。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var messageId = JsonDocument.Parse(await sent.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();

        var stored = await portal.QueryAsync(async db => new
        {
            Application = await db.Applications.SingleAsync(a => a.Id == applicationId, Ct),
            Message = await db.Messages.SingleAsync(m => m.Id == messageId, Ct),
            JobseekerId = await db.Users.Where(u => u.Email == email).Select(u => u.JobseekerId).SingleAsync(Ct),
        });
        Assert.Equal("<b>貴社</b>で経験を活かしたいです。", stored.Application.Motivation); // markup is text; the ends are trimmed
        Assert.Equal(stored.JobseekerId, stored.Application.JobseekerId);
        Assert.Equal(applicationId, stored.Message.ApplicationId);
        Assert.Equal("面接日程について確認させてください。", stored.Message.Body);
    }

    [Fact]
    public async Task Rule_refusals_are_problem_details_with_the_pages_message_and_change_nothing()
    {
        var (client, email) = await NewJobseekerAsync();
        var jobNumber = await SelfApplicationJobNumberAsync(4);
        var before = await portal.QueryAsync(db => db.Applications.CountAsync(Ct));

        using var unacknowledged = await PostAsync(client, "/api/v1/me/applications", $"{{\"jobNumber\":\"{jobNumber}\",\"motivation\":\"志望します\"}}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unacknowledged.StatusCode);
        var problem = await ProblemAsync(unacknowledged);
        Assert.Equal("SelfApplicationNeedsAcknowledgement", problem.GetProperty("code").GetString()); // R-SELF-2
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));

        using var unknown = await PostAsync(client, "/api/v1/me/applications", "{\"jobNumber\":\"99999-99999999\",\"motivation\":\"志望します\",\"selfApplicationAcknowledged\":true}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("OfferNotFound", (await ProblemAsync(unknown)).GetProperty("code").GetString());

        using var controlCharacters = await PostAsync(client, "/api/v1/me/applications",
            $"{{\"jobNumber\":\"{jobNumber}\",\"motivation\":\"志望\\u001b[31mします\",\"selfApplicationAcknowledged\":true}}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, controlCharacters.StatusCode);
        var invalid = await ProblemAsync(controlCharacters);
        Assert.Equal(("InvalidCharacters", "motivation"), (invalid.GetProperty("code").GetString(), invalid.GetProperty("field").GetString()));

        using var wrongType = await PostAsync(client, "/api/v1/me/applications", $"{{\"jobNumber\":[\"{jobNumber}\"],\"selfApplicationAcknowledged\":\"yes\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("jobNumber", (await ProblemAsync(wrongType)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(before, await portal.QueryAsync(db => db.Applications.CountAsync(Ct)));
        Assert.Equal(0, await portal.QueryAsync(db => db.Users.Where(u => u.Email == email)
            .Join(db.Applications, u => u.JobseekerId, a => (Guid?)a.JobseekerId, (u, a) => a.Id).CountAsync(Ct)));
    }

    [Fact]
    public async Task Another_jobseekers_application_is_not_found_and_other_roles_and_strangers_are_refused()
    {
        var (owner, _) = await NewJobseekerAsync();
        using var applied = await owner.PostAsJsonAsync("/api/v1/me/applications",
            new { jobNumber = await SelfApplicationJobNumberAsync(5), motivation = "志望します。", selfApplicationAcknowledged = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = JsonDocument.Parse(await applied.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();
        var messagesBefore = await portal.QueryAsync(db => db.Messages.CountAsync(m => m.ApplicationId == applicationId, Ct));

        // R-ACC-4: another jobseeker learns nothing, not even that the application exists.
        var (other, _) = await NewJobseekerAsync();
        using var foreign = await other.PostAsJsonAsync($"/api/v1/me/applications/{applicationId}/messages", new { body = "なりすまし" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var notAnId = await other.PostAsJsonAsync("/api/v1/me/applications/not-an-id/messages", new { body = "x" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        await ProblemAsync(notAnId);

        // An employer is not a jobseeker, even with a valid token.
        using var employer = await Api.SignedInAsync(portal, "employer1@example.jp");
        using var asEmployer = await employer.PostAsJsonAsync($"/api/v1/me/applications/{applicationId}/messages", new { body = "求人者です" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, asEmployer.StatusCode);

        // No token: not signed in.
        using var stranger = await portal.NewClientAsync();
        using var anonymous = await stranger.PostAsJsonAsync($"/api/v1/me/applications/{applicationId}/messages", new { body = "誰か" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await ProblemAsync(anonymous);
        // Nor does the browser's sign-in cookie open this API (it has no antiforgery token): bearer tokens only.
        using var browser = await portal.NewClientAsync();
        await Forms.SignInAsync(browser, "jobseeker2@example.jp");
        using var withCookie = await browser.PostAsJsonAsync($"/api/v1/me/applications/{applicationId}/messages", new { body = "クッキーで" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);

        Assert.Equal(messagesBefore, await portal.QueryAsync(db => db.Messages.CountAsync(m => m.ApplicationId == applicationId, Ct)));
    }
}
