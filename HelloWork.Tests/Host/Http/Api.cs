using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace HelloWork.Tests.Host.Http;

/// <summary>Bearer-token clients for endpoint tests.</summary>
public static class Api
{
    public static async Task<HttpClient> SignedInAsync(PortalHost portal, string email)
    {
        var client = await portal.NewClientAsync();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = PortalHost.DemoPassword }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
