using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Http;

/// <summary>A wrong password gets a clear message; the 5th consecutive failure locks the account for a while.
/// Each test registers its own account, so that the demo accounts other tests sign in with are never locked.</summary>
[Collection(AccountsCollection.Name)]
public sealed class LockoutTests(PortalHost portal)
{
    private async Task<string> RegisterFreshAccountAsync()
    {
        var email = Registrations.NewEmail("lockout");
        using var client = await portal.NewClientAsync();
        using var response = await Registrations.RegisterJobseekerAsync(client, Registrations.JobseekerForm(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return email;
    }

    private static async Task<(HttpStatusCode Status, string? Detail, bool HasToken)> ApiLoginAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        return (response.StatusCode, body.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null,
            body.RootElement.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task The_fifth_consecutive_failure_locks_the_account_and_then_the_right_password_is_refused_too()
    {
        var email = await RegisterFreshAccountAsync();
        using var client = await portal.NewClientAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failure = await ApiLoginAsync(client, email, "Wrong!password" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, failure.Status);
            Assert.Contains("incorrect", failure.Detail, StringComparison.Ordinal);
        }
        var fifth = await ApiLoginAsync(client, email, "Wrong!password5");
        Assert.Equal(HttpStatusCode.Unauthorized, fifth.Status);
        Assert.Contains("locked", fifth.Detail, StringComparison.Ordinal);

        var right = await ApiLoginAsync(client, email, Registrations.GoodPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, right.Status);
        Assert.Contains("locked", right.Detail, StringComparison.Ordinal);
        Assert.False(right.HasToken);

        var lockoutEnd = await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"locked until {lockoutEnd:O}");
    }

    [Fact]
    public async Task A_successful_sign_in_before_the_fifth_failure_resets_the_count()
    {
        var email = await RegisterFreshAccountAsync();
        using var client = await portal.NewClientAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(client, email, "Wrong!password" + attempt)).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(client, email, Registrations.GoodPassword)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(client, email, "Wrong!again1")).Status);

        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(client, email, Registrations.GoodPassword)).Status);
    }

    [Fact]
    public async Task The_sign_in_form_shows_a_clear_message_for_a_wrong_password_and_then_for_the_lock()
    {
        var email = await RegisterFreshAccountAsync();
        using var client = await portal.NewClientAsync();

        using var wrong = await Forms.SignInAsync(client, email, "Wrong!password1");
        var page = await Forms.ParseAsync(wrong);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("メールアドレスまたはパスワードが正しくありません。", page.QuerySelector("[role=alert]")?.TextContent.Trim());

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            (await Forms.SignInAsync(client, email, "Wrong!password" + attempt)).Dispose();
        }
        using var locked = await Forms.SignInAsync(client, email, Registrations.GoodPassword);
        var lockedPage = await Forms.ParseAsync(locked);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.StartsWith("ログインに続けて失敗したため、アカウントを一時的にロックしました。", lockedPage.QuerySelector("[role=alert]")?.TextContent.Trim(), StringComparison.Ordinal);
    }
}
