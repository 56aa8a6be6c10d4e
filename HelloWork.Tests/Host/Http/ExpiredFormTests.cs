using System.Net;

namespace HelloWork.Tests.Host.Http;

/// <summary>A form sent without a valid antiforgery token (a page left open too long, a key change) is refused and changes
/// nothing; the person gets a Japanese page saying so with a way back, never the framework's English developer sentence
/// (R-ERR-1). A non-GET request to a path without a form is not re-executed into a page.</summary>
public sealed class ExpiredFormTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string FrameworkSentence = "A valid antiforgery token was not provided";

    private static FormUrlEncodedContent LoginFields(string token) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["__RequestVerificationToken"] = token,
        ["Input.Email"] = "jobseeker1@example.jp",
        ["Input.Password"] = PortalHost.DemoPassword,
    });

    [Theory]
    [InlineData("")]
    [InlineData("CfDJ8-a-token-from-another-key-ring")]
    public async Task A_sign_in_with_a_missing_or_stale_token_signs_nobody_in_and_explains_in_Japanese(string token)
    {
        using var client = await portal.NewClientAsync();
        await Forms.GetPageAsync(client, "/Account/Login"); // the antiforgery cookie, as a browser has it

        using var response = await client.PostAsync("/Account/Login", LoginFields(token), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/form-expired?returnUrl=%2FAccount%2FLogin", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)),
            "no sign-in cookie");
        Assert.DoesNotContain(FrameworkSentence, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var mypage = await client.GetAsync("/jobseeker", Ct);
        Assert.Equal(HttpStatusCode.Redirect, mypage.StatusCode); // still signed out: to the sign-in page

        var page = await Forms.GetPageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("送信できませんでした", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("何も変更されていません", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Account/Login" && a.TextContent.Contains("もう一度画面を開く", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("//evil.example/login")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_way_back_stays_on_this_site(string returnUrl)
    {
        using var client = await portal.NewClientAsync();
        var page = await Forms.GetPageAsync(client, "/form-expired?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var back = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("もう一度画面を開く", StringComparison.Ordinal));
        Assert.Equal("/", back.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/jobs")]
    public async Task A_post_where_no_form_is_answers_with_its_status_not_with_the_antiforgery_sentence(string path)
    {
        using var client = await portal.NewClientAsync();
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "1" }), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{(int)response.StatusCode}");
        Assert.DoesNotContain(FrameworkSentence, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_of_an_unknown_page_still_shows_the_not_found_page()
    {
        using var client = await portal.NewClientAsync();
        using var response = await client.GetAsync("/no-such-page", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
