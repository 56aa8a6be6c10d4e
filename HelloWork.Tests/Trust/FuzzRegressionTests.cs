using System.Net;
using System.Text;
using System.Text.Json;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Search;
using HelloWork.Tests.Host.Http;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>
/// One regular test per bug the fuzz tests found (docs/trust-faults.md), so that each stays fixed whatever seed the fuzz
/// runs with. R-ERR-1: bad input gets a clear message and changes nothing; never an error page, never a stack trace.
/// </summary>
public sealed class FuzzRegressionTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_100000_character_occupation_code_or_municipality_is_refused_as_too_long_not_a_sqlite_error()
    {
        await using var world = await DomainWorld.CreateAsync();
        var search = new JobSearch(world.Ops);
        var code = new string('あ', 100_000);

        var occupation = await Assert.ThrowsAsync<DomainException>(() => search.SearchAsync(world.JobseekerActor1, new JobSearchCriteria { OccupationCodes = [code] }, Ct));
        var municipality = await Assert.ThrowsAsync<DomainException>(() =>
            search.SearchAsync(world.JobseekerActor1, new JobSearchCriteria { Areas = [new AreaCriterion("東京都", code)] }, Ct));
        var jobNumber = await Assert.ThrowsAsync<DomainException>(() => search.SearchAsync(world.JobseekerActor1, new JobSearchCriteria { JobNumbers = [code] }, Ct));

        Assert.Equal(("TooLong", "OccupationCodes"), (occupation.Code, occupation.Field));
        Assert.Equal(("TooLong", "Areas"), (municipality.Code, municipality.Field));
        Assert.Equal(("TooLong", "JobNumbers"), (jobNumber.Code, jobNumber.Field));
        // Real values still search.
        await search.SearchAsync(world.JobseekerActor1, new JobSearchCriteria { OccupationCodes = ["053-01"], JobNumbers = ["13010-00000001"] }, Ct);
    }

    [Fact]
    public async Task A_lone_surrogate_or_a_direction_override_in_a_job_sheet_field_is_refused_next_to_the_field()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);
        var sheet = world.Offer1.Sheet;
        var before = await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == draft).Select(o => o.UpdatedAt).SingleAsync(Ct));

        foreach (var bad in new[] { "倉庫内での" + '\ud800' + "ピッキング作業", "仕様書\u202Efdp.exe", "\uFFFF" })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                offers.SaveAsync(world.EmployerActor1, draft, sheet with { Work = sheet.Work with { Description = bad } }, 3, Ct));
            Assert.Equal(("InvalidCharacters", "Work.Description"), (refused.Code, refused.Field));
        }
        Assert.Equal(before, await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == draft).Select(o => o.UpdatedAt).SingleAsync(Ct)));
        // A surrogate pair (𠮷) and markup are text and are saved exactly.
        await offers.SaveAsync(world.EmployerActor1, draft, sheet with { Work = sheet.Work with { Description = "𠮷野家での<b>接客</b>" } }, 3, Ct);
        Assert.Equal("𠮷野家での<b>接客</b>", (await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == draft).Select(o => o.Sheet).SingleAsync(Ct))).Work.Description);
    }

    [Fact]
    public async Task Direction_overrides_and_noncharacters_are_refused_in_every_free_text_through_the_one_rule()
    {
        Assert.True(Text.HasInvalidCharacters("請求書\u202Efdp.exe"));
        Assert.True(Text.HasInvalidCharacters("前\u2066後"));
        Assert.True(Text.HasInvalidCharacters("\uFFFE"));
        Assert.False(Text.HasInvalidCharacters("𠮷野 さくら\r\n\t<script>' OR 1=1 --"));
        Assert.False(Text.HasInvalidCharacters("\u200B\uFEFF\u00AD")); // invisible but harmless format characters stay text

        await using var world = await DomainWorld.CreateAsync();
        var applicationId = await world.Applications.ApplyAsync(world.JobseekerActor2,
            new HelloWork.Domain.Applications.ApplyInput(world.Offer1.Id, "志望します。", [], SelfApplicationAcknowledged: true), Ct);
        var messages = new MessageService(world.Ops);
        var refused = await Assert.ThrowsAsync<DomainException>(() => messages.SendAsync(world.JobseekerActor2, applicationId, "履歴書\u202Efdp.exe を送ります", Ct));
        Assert.Equal("InvalidCharacters", refused.Code);
        Assert.Empty(await messages.ReadThreadAsync(world.JobseekerActor2, applicationId, Ct));
    }

    [Theory]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/search?q=営業", "/search?q=%E5%96%B6%E6%A5%AD")]
    [InlineData("/jobs/13010-00000001", "/jobs/13010-00000001")]
    public async Task The_language_switch_returns_only_to_this_site_and_never_answers_500(string returnUrl, string expected)
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.GetAsync($"/culture?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("{\"email\":[],\"password\":\"x\"}")]
    [InlineData("{\"email\":\"nobody@example.jp\",\"password\":true}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"email\":")]
    public async Task A_sign_in_body_of_the_wrong_shape_is_a_400_problem_without_a_stack_trace(string json)
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.PostAsync("/api/auth/login", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("LoginRequest", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_as_the_referral_id_is_a_400_problem_not_a_500()
    {
        using var client = await Api.SignedInAsync(portal, "jobseeker2@example.jp");

        using var response = await client.PostAsync("/api/v1/me/applications",
            new StringContent("{\"jobNumber\":\"13010-00000001\",\"motivation\":\"志望します\",\"selfApplicationAcknowledged\":true,\"referralId\":\"\\ud800\"}",
                Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("referralId", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
