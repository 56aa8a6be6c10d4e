using System.Net;

namespace HelloWork.Tests.Host.Http;

/// <summary>R-ACC-4: every page enforces its role on the server — strangers are sent to sign in, other roles are refused.</summary>
public sealed class AccessTests(PortalHost portal)
{
    [Theory]
    [InlineData("/jobseeker")]
    [InlineData("/employer")]
    [InlineData("/staff")]
    [InlineData("/agency")]
    [InlineData("/admin")]
    public async Task An_anonymous_visitor_is_redirected_to_the_sign_in_page(string path)
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/Account/Login", (location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location)).AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("employer1@example.jp", "/jobseeker", "求職者マイページ")]
    [InlineData("employer2@example.jp", "/staff", "職員コンソール")]
    [InlineData("jobseeker1@example.jp", "/employer", "求人者マイページ")]
    [InlineData("jobseeker2@example.jp", "/admin", "システム管理")]
    [InlineData("staff1@example.jp", "/agency", "情報提供 利用団体ページ")]
    [InlineData("agency1@example.jp", "/staff", "職員コンソール")]
    public async Task A_signed_in_user_of_another_role_gets_the_access_denied_page_never_the_page(string email, string path, string forbiddenHeading)
    {
        using var client = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(forbiddenHeading, body, StringComparison.Ordinal);
        var location = response.Headers.Location!;
        Assert.Equal("/Account/AccessDenied", (location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location)).AbsolutePath);

        using var denied = await client.GetAsync(location, TestContext.Current.CancellationToken);
        var page = await Forms.ParseAsync(denied);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal("アクセスできません", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain(forbiddenHeading, page.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Emails), MemberType = typeof(DemoAccounts))]
    public async Task Signing_in_through_the_form_leads_to_the_role_home(string email)
    {
        var account = DemoAccounts.Get(email);
        using var client = await portal.NewClientAsync();

        using var signIn = await Forms.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var location = signIn.Headers.Location!;
        Assert.Equal(account.Home, (location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location)).AbsolutePath);

        var home = await Forms.GetPageAsync(client, account.Home);
        Assert.Equal(account.Heading, home.QuerySelector("h1")?.TextContent.Trim());
    }
}
