using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HelloWork.Tests.Host.Http;

/// <summary>Non-browser clients sign in with Identity's bearer tokens: POST /api/auth/login {"email","password"}.</summary>
public sealed class ApiLoginTests(PortalHost portal)
{
    [Theory]
    [MemberData(nameof(DemoAccounts.Emails), MemberType = typeof(DemoAccounts))]
    public async Task Every_demo_account_gets_an_access_token(string email)
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PortalHost.DemoPassword }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("accessToken").GetString()));
        Assert.Equal("Bearer", body.RootElement.GetProperty("tokenType").GetString());
    }

    [Fact]
    public async Task A_wrong_password_gets_401_with_problem_details()
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.PostAsJsonAsync("/api/auth/login",
            new { email = "nobody-" + Guid.NewGuid().ToString("N") + "@example.jp", password = "Wrong!password1" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("incorrect", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(body.RootElement.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task A_bearer_token_is_not_a_page_sign_in()
    {
        // Pages use the cookie; a token alone does not open a mypage (R-ACC-4 is enforced per scheme).
        using var client = await portal.NewClientAsync();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "jobseeker1@example.jp", password = PortalHost.DemoPassword },
            TestContext.Current.CancellationToken);
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobseeker");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
