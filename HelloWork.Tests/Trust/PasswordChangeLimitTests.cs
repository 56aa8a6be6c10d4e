using System.Net;
using AngleSharp.Html.Parser;
using HelloWork.Tests.Host.Http;
using HelloWork.Web.Security;
using Microsoft.AspNetCore.Http;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The password change takes guesses at the current password like the sign-in form does, so it has a rate limit of its own
/// (<see cref="RateLimitSettings.PasswordChange"/>, per address), checked here on the portal as it runs outside Development
/// with the production default: 10 posts, the 11th refused with 429 and the Japanese page; another address still changes.
/// </summary>
public sealed class PasswordChangeLimitTests(HardeningHost host) : IClassFixture<HardeningHost>
{
    private static readonly HtmlParser Parser = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> WrongCurrentAsync(HttpClient client) =>
        Forms.SubmitAsync(client, "/Account/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Wrong!password1", ["Input.NewPassword"] = "Atarashii!2027", ["Input.ConfirmPassword"] = "Atarashii!2027",
        });

    [Fact]
    public void Only_the_post_of_the_change_form_falls_under_the_password_change_limit()
    {
        var settings = new RateLimitSettings();
        Assert.Equal((10, 600), (settings.PasswordChange.PermitLimit, settings.PasswordChange.WindowSeconds));
        var post = new DefaultHttpContext();
        post.Request.Method = "POST";
        post.Request.Path = "/Account/ChangePassword";
        post.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        Assert.Equal((RateLimits.PasswordChange, "192.0.2.7", settings.PasswordChange), RateLimits.Classify(post, settings));
        var get = new DefaultHttpContext();
        get.Request.Method = "GET";
        get.Request.Path = "/Account/ChangePassword";
        Assert.Equal((null, null, null), RateLimits.Classify(get, settings));
    }

    [Fact]
    public async Task The_eleventh_change_attempt_from_one_address_is_refused_with_429_and_another_address_is_not()
    {
        var limit = new RateLimitSettings().PasswordChange.PermitLimit;
        using var visitor = host.ClientFrom("127.0.31.1");
        using (var signIn = await Forms.SignInAsync(visitor, "admin@example.jp"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        for (var i = 0; i < limit; i++)
        {
            using var attempt = await WrongCurrentAsync(visitor);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
            Assert.Contains("現在のパスワードが正しくありません。", await attempt.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var refused = await WrongCurrentAsync(visitor);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("試行回数が多すぎます", page.QuerySelector("h1")?.TextContent.Trim());
        using var other = host.ClientFrom("127.0.31.2");
        using (var signIn = await Forms.SignInAsync(other, "admin@example.jp"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        using var allowed = await WrongCurrentAsync(other);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
