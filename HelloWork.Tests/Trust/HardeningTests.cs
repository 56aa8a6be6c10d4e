using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Messaging;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using HelloWork.Web.Security;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace HelloWork.Tests.Trust;

/// <summary>
/// Hardening on the portal as it runs outside Development (<see cref="HardeningHost"/>): headers, no error
/// details, antiforgery on every form post, each rate limit refusing the (N+1)th request of one visitor and not another's,
/// and the limit on interactive pages per person with real circuits in Chromium. Each per-address test comes from its own
/// loopback address, so the tests do not share a limiter partition.
/// </summary>
public sealed partial class HardeningTests(HardeningHost host, Chromium chromium, ITestOutputHelper output) : IClassFixture<HardeningHost>
{
    private static readonly HtmlParser Parser = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_only_inline_script_has_this_requests_nonce()
    {
        using var client = host.ClientFrom("127.0.10.1");
        string? previousNonce = null;
        foreach (var path in new[] { "/", "/search", "/Account/Login", "/app.css", "/health", "/api/v1/provision/job-offers", "/no-such-page", "/employer" })
        {
            using var response = await client.GetAsync(path, Ct);
            var headers = response.Headers;
            var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
            Assert.Equal("nosniff", Assert.Single(response.Headers.Concat(response.Content.Headers).First(h => h.Key == "X-Content-Type-Options").Value));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
            Assert.Equal(SecurityHeaders.PermissionsPolicy, Assert.Single(headers.GetValues("Permissions-Policy")));
            foreach (var directive in new[] { "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'",
                         "frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'" })
            {
                Assert.Contains(directive, csp, StringComparison.Ordinal);
            }
            var nonce = NonceOf().Match(csp).Groups["nonce"].Value;
            Assert.Matches("^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='$", csp.Split("; ").Single(d => d.StartsWith("script-src", StringComparison.Ordinal)));
            Assert.NotEqual(previousNonce, nonce); // a fresh nonce per response
            previousNonce = nonce;
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

            if (response.Content.Headers.ContentType?.MediaType == "text/html" && response.StatusCode == HttpStatusCode.OK)
            {
                var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync(Ct));
                var inline = page.QuerySelectorAll("script:not([src])").ToList();
                Assert.NotEmpty(inline); // Blazor's import map
                Assert.All(inline, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
                Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onerror], [onsubmit], a[href^='javascript:']"));
            }
        }
    }

    [Fact]
    public async Task Outside_development_an_error_shows_the_error_page_without_any_detail_and_circuits_send_no_details()
    {
        host.Start();
        Assert.False(host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);
        Assert.NotEqual(true, host.Services.GetRequiredService<IOptions<HubOptions>>().Value.EnableDetailedErrors);
        using var client = host.ClientFrom("127.0.10.2");

        using var response = await client.GetAsync(HardeningHost.ThrowPath, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("エラーが発生しました", Parser.ParseDocument(body).QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain(HardeningHost.ThrowMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at HelloWork", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Form_posts_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        using var client = host.ClientFrom("127.0.10.3");
        using (var signIn = await Forms.SignInAsync(client, "agency2@example.jp"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var email = $"csrf-{Guid.NewGuid():N}@example.jp";
        var forged = new Dictionary<string, string>
        {
            ["/Account/Login"] = "_handler=login&Input.Email=jobseeker1%40example.jp&Input.Password=HelloWork%212026",
            ["/Account/Register"] = $"_handler=register-jobseeker&Input.Email={Uri.EscapeDataString(email)}&Input.Password=Kotoba%212026x&Input.Name=%E8%A9%A6%E9%A8%93&Input.Kana=%E3%82%B7%E3%82%B1%E3%83%B3&Input.BirthDate=1990-04-01&Input.Phone=090-1234-5678",
            ["/Account/Logout"] = "",
        };
        foreach (var (path, form) in forged)
        {
            using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await client.PostAsync(path, content, Ct);
            if (path == "/Account/Logout")
            {
                // An endpoint, not a page: problem details.
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without the token answered {(int)response.StatusCode}");
                continue;
            }
            // A page's form: refused and sent on, with GET, to the page that explains it in Japanese (ExpiredForms), nothing done.
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"POST {path} without the token answered {(int)response.StatusCode}");
            Assert.Equal("/form-expired?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location?.OriginalString);
        }
        // Still agency2 (the forged sign-out did nothing), and no account was made.
        using var home = await client.GetAsync("/agency", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync(Ct);
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task The_sign_in_form_refuses_the_attempt_after_the_limit_with_429_and_a_japanese_message_and_another_address_still_signs_in()
    {
        using var visitor = host.ClientFrom("127.0.11.1");
        for (var i = 0; i < HardeningHost.SignInLimit; i++)
        {
            using var attempt = await Forms.SignInAsync(visitor, "nobody@example.jp", "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode); // the form again, with its message
            Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await attempt.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using var refused = await Forms.SignInAsync(visitor, "nobody@example.jp", "Wrong-password-1");
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("試行回数が多すぎます", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("しばらくしてから", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        await ShotHtmlAsync(page.DocumentElement.OuterHtml, "sign-in-429");
        // Even the right password is refused from this address now; the same person from another address signs in.
        using var stillRefused = await Forms.SignInAsync(visitor, "staff2@example.jp");
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        using var other = host.ClientFrom("127.0.11.2");
        using var signIn = await Forms.SignInAsync(other, "staff2@example.jp");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        output.WriteLine($"sign-in form: {HardeningHost.SignInLimit} attempts, then 429 with Retry-After {retryAfter} s");
    }

    [Fact]
    public async Task The_api_sign_in_shares_the_sign_in_limit_and_answers_429_problem_json_with_retry_after()
    {
        using var visitor = host.ClientFrom("127.0.12.1");
        for (var i = 0; i < HardeningHost.SignInLimit; i++)
        {
            using var attempt = await visitor.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.jp", password = "Wrong-password-1" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var refused = await visitor.PostAsJsonAsync("/api/auth/login", new { email = "employer2@example.jp", password = PortalHost.DemoPassword }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("しばらくしてから", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("accessToken", out _));

        using var other = host.ClientFrom("127.0.12.2");
        using var ok = await other.PostAsJsonAsync("/api/auth/login", new { email = "employer2@example.jp", password = PortalHost.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Registration_is_refused_after_the_limit_and_nothing_is_created_and_another_address_can_register()
    {
        using var visitor = host.ClientFrom("127.0.13.1");
        for (var i = 0; i < HardeningHost.RegistrationLimit; i++)
        {
            // Incomplete forms: each is a counted attempt that the page answers with its field messages.
            using var attempt = await Registrations.RegisterJobseekerAsync(visitor, new Dictionary<string, string> { ["Input.Email"] = "not-an-address" });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        var email = $"limited-{Guid.NewGuid():N}@example.jp";
        using var refused = await Registrations.RegisterJobseekerAsync(visitor, Registrations.JobseekerForm(email));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync(Ct))
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
        }

        using var other = host.ClientFrom("127.0.13.2");
        using var registered = await Registrations.RegisterJobseekerAsync(other, Registrations.JobseekerForm(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
    }

    [Fact]
    public async Task The_data_api_is_limited_per_api_key_and_another_agencys_key_is_not_affected()
    {
        var agencies = host.Services.GetRequiredService<AgencyService>();
        var key1 = (await agencies.CreateKeyAsync(await host.ActorAsync("agency1@example.jp"), "limit test", Ct)).Secret;
        var key2 = (await agencies.CreateKeyAsync(await host.ActorAsync("agency2@example.jp"), "limit test", Ct)).Secret;
        using var client = host.ClientFrom("127.0.14.1"); // one address for both: the key is what counts

        async Task<HttpResponseMessage> GetAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/provision/job-offers?pageSize=1");
            request.Headers.Add("X-Api-Key", key);
            return await client.SendAsync(request, Ct);
        }
        for (var i = 0; i < HardeningHost.DataApiLimit; i++)
        {
            using var ok = await GetAsync(key1);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await GetAsync(key1);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        using var other = await GetAsync(key2);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task The_hosts_message_service_refuses_a_person_sending_past_the_limit_while_the_other_side_still_sends()
    {
        host.Start();
        var employer = await host.ActorAsync("employer1@example.jp");
        var jobseeker = await host.ActorAsync("jobseeker1@example.jp");
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync(Ct);
        var candidates = await db.Applications.Where(a => a.JobseekerId == jobseeker.JobseekerId && a.EstablishmentId == employer.EstablishmentId
            && a.Status == ApplicationStatus.InSelection && a.ApplicantHasMypage).ToListAsync(Ct);
        var application = candidates.First(a => !a.HasResult);
        var messages = host.Services.GetRequiredService<MessageService>();
        Assert.Equal(HardeningHost.MessageLimit, host.Services.GetRequiredService<MessageSendLimit>().Limit.PermitLimit);

        for (var i = 0; i < HardeningHost.MessageLimit; i++)
        {
            await messages.SendAsync(employer, application.Id, $"面接日程のご連絡 {i + 1}", Ct);
        }
        var before = await db.Messages.CountAsync(m => m.ApplicationId == application.Id, Ct);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => messages.SendAsync(employer, application.Id, "もう一通", Ct));

        Assert.Equal("TooManyRequests", refusal.Code);
        Assert.Equal("body", refusal.Field);
        Assert.Equal(before, await db.Messages.CountAsync(m => m.ApplicationId == application.Id, Ct));
        await messages.SendAsync(jobseeker, application.Id, "承知しました。", Ct); // the other person has a limit of their own
    }

    [Fact]
    public async Task A_person_gets_at_most_the_circuit_limit_of_interactive_pages_and_the_next_page_says_why()
    {
        var baseAddress = host.Start();
        var employer = await host.ActorAsync("employer2@example.jp");
        var counter = host.Services.GetRequiredService<CircuitCounter>();
        var userId = employer.UserId.ToString();
        var browser = await chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        context.SetDefaultTimeout(30_000);

        // Sign in (a static page: no circuit); the home page it lands on is the first interactive page.
        var first = await context.NewPageAsync();
        await first.GotoAsync("/Account/Login");
        await first.Locator("#email").FillAsync("employer2@example.jp");
        await first.Locator("#password").FillAsync(PortalHost.DemoPassword);
        await first.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await first.WaitForURLAsync(url => url.EndsWith("/employer", StringComparison.Ordinal), PortalBrowser.Committed);
        await WaitForCountAsync(counter, userId, 1);

        var pages = new List<IPage> { first };
        for (var i = 1; i < HardeningHost.CircuitLimit; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/employer/offers");
            pages.Add(page);
            await WaitForCountAsync(counter, userId, i + 1);
        }

        var refused = await context.NewPageAsync();
        await refused.GotoAsync("/employer/offers");
        await Assertions.Expect(refused.GetByRole(AriaRole.Heading, new() { Name = "開いている画面が多すぎます" })).ToBeVisibleAsync();
        await Assertions.Expect(refused.GetByRole(AriaRole.Alert).Filter(new() { HasText = "ほかのタブやウィンドウを閉じてから" })).ToBeVisibleAsync();
        Assert.Equal(HardeningHost.CircuitLimit, counter.CountOf(userId));
        await Shot(refused, "circuit-limit-refused");
        // The pages admitted before are untouched.
        await Assertions.Expect(pages[^1].GetByRole(AriaRole.Heading, new() { Name = "開いている画面が多すぎます" })).ToHaveCountAsync(0);

        // Closing one admitted page frees its place: a reload of the refused page is admitted.
        await pages[^1].CloseAsync();
        await WaitForCountAsync(counter, userId, HardeningHost.CircuitLimit - 1);
        await refused.ReloadAsync();
        await WaitForCountAsync(counter, userId, HardeningHost.CircuitLimit);
        await Assertions.Expect(refused.GetByRole(AriaRole.Heading, new() { Name = "開いている画面が多すぎます" })).ToHaveCountAsync(0);
        await Assertions.Expect(refused.Locator("h1")).ToBeVisibleAsync();
    }

    private static async Task WaitForCountAsync(CircuitCounter counter, string userId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (counter.CountOf(userId) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{counter.CountOf(userId)} circuits counted, expected {expected}");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>What a person sees of a page that was answered to a plain HTTP client: rendered at the portal's address.</summary>
    private async Task ShotHtmlAsync(string html, string name)
    {
        var browser = await chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = host.Start().ToString(), Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/health");
        await page.SetContentAsync(html);
        await Shot(page, name);
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(PortalBrowser.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotFolder, $"hardening-{name}.png"), FullPage = true });
    }

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex NonceOf();
}
