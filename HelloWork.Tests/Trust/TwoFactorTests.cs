using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Data;
using HelloWork.Tests.Host.Http;
using HelloWork.Tests.Host.Live;
using HttpPortal = HelloWork.Tests.PortalHost;
using LivePortal = HelloWork.Tests.PortalHost;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>A portal that requires 二段階認証 of staff, administrators and agencies (as appsettings.json does outside Development).</summary>
public sealed class TwoFactorFixture : IAsyncLifetime
{
    public TempDatabase Database { get; } = new();
    public LivePortal Host { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var settings = Database.Settings();
        settings[TwoFactorPolicy.Setting] = "Staff,Admin,Agency";
        Host = LivePortal.On(settings);
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }

    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Host.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<T> QueryAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        await using var db = await Host.Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        return await query(db);
    }
}

/// <summary>
/// Sign-in with an authenticator app through Identity's own support (key, otpauth URI and QR code; recovery codes shown
/// once and usable once), required by configuration for staff, administrators and agencies: such a person without 2FA reaches
/// nothing but the setup page, and the API gives them no token (R-ACC-4). Codes are computed here as an app does (<see cref="Totp"/>).
/// A wrong code is named next to its field and changes nothing (R-ERR-1); turning 2FA on and using a recovery code are audited
/// (R-AUD-1). Each test uses demo accounts no other test of the class uses.
/// </summary>
public sealed class TwoFactorTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private const string Password = HttpPortal.DemoPassword;
    private const string SetupPath = "/Account/Security";

    private static string? PathOf(HttpResponseMessage response) => response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('~', '/');

    private async Task<HttpClient> SignedInAsync(string email, string expectedPath)
    {
        var client = fixture.NewClient();
        using var signIn = await Forms.SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith(expectedPath, PathOf(signIn), StringComparison.OrdinalIgnoreCase);
        return client;
    }

    private static async Task<HttpResponseMessage> ApiLoginAsync(HttpClient client, string email, string? code = null, string? recovery = null) =>
        await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password, twoFactorCode = code, twoFactorRecoveryCode = recovery });

    private Task<bool> EnabledAsync(string email) => fixture.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    private Task<List<string>> AuditAsync(string email) => fixture.QueryAsync(async db =>
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.Where(a => a.SubjectId == id).Select(a => a.Action).ToListAsync();
    });

    /// <summary>Sets 2FA up through the page as a person would; returns the key and the recovery codes shown.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient client)
    {
        var page = await Forms.GetPageAsync(client, SetupPath);
        var key = page.GetElementById("authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", page.GetElementById("authenticator-qr")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains($"secret={key.ToUpperInvariant()}", page.GetElementById("authenticator-uri")!.TextContent, StringComparison.Ordinal);
        using var enabled = await Forms.SubmitAsync(client, SetupPath, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var done = await Forms.ParseAsync(enabled);
        var codes = done.QuerySelectorAll("#recovery-codes code").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(TwoFactorService.RecoveryCodeCount, codes.Count);
        return (key, codes);
    }

    [Fact]
    public async Task A_required_role_without_two_factor_reaches_only_the_setup_page_and_gets_no_api_token_R_ACC_4()
    {
        using var agency = await SignedInAsync("agency1@example.jp", "/agency");
        foreach (var path in new[] { "/", "/agency", "/notices", "/account/mail", "/Account/ChangePassword" })
        {
            using var response = await agency.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(SetupPath, PathOf(response), ignoreCase: true);
        }
        using (var api = await agency.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }
        using (var hub = await agency.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        }
        var page = await Forms.GetPageAsync(agency, SetupPath);
        Assert.NotNull(page.GetElementById("two-factor-required"));
        Assert.Null(page.GetElementById("sign-out-everywhere")); // nothing else before the setup

        // The API: no token for the right password (403, the account needs 2FA first), 401 for a wrong one.
        using var client = fixture.NewClient();
        using (var token = await ApiLoginAsync(client, "agency2@example.jp"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
            Assert.DoesNotContain("accessToken", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = "agency2@example.jp", password = "wrong-Password1!" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // A role that is not required is not stopped.
        using var jobseeker = await SignedInAsync("jobseeker2@example.jp", "/jobseeker");
        using var own = await jobseeker.GetAsync("/jobseeker");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Staff_sets_up_two_factor_then_signs_in_with_the_app_code_R_ACC_4_R_AUD_1_R_ERR_1()
    {
        const string email = "staff1@example.jp";
        using var first = await SignedInAsync(email, "/staff");

        // A wrong code is named next to the field and turns nothing on.
        using (var wrong = await Forms.SubmitAsync(first, SetupPath, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" }))
        {
            var page = await Forms.ParseAsync(wrong);
            Assert.Contains(Forms.FieldMessages(page, "code"), m => m.Contains("確認コードが正しくありません", StringComparison.Ordinal));
        }
        Assert.False(await EnabledAsync(email));

        var (key, _) = await SetUpAsync(first);
        Assert.True(await EnabledAsync(email));
        Assert.Contains(AuditActions.TwoFactorEnabled, await AuditAsync(email));
        // The session that set it up goes on, now without the setup mark.
        using (var staffPage = await first.GetAsync("/staff"))
        {
            Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        }

        // The password alone no longer signs in: the second step asks for the app's code.
        using var second = fixture.NewClient();
        using (var password = await Forms.SignInAsync(second, email, Password))
        {
            Assert.StartsWith("/Account/LoginWith2fa", PathOf(password), StringComparison.OrdinalIgnoreCase);
        }
        using (var notYet = await second.GetAsync("/staff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
            Assert.StartsWith("/Account/Login", PathOf(notYet), StringComparison.OrdinalIgnoreCase);
        }
        using (var wrong = await Forms.SubmitAsync(second, "/Account/LoginWith2fa?ReturnUrl=", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(1)) }))
        {
            Assert.Contains(Forms.FieldMessages(await Forms.ParseAsync(wrong), "code"), m => m.Contains("確認コードが正しくありません", StringComparison.Ordinal));
        }
        using (var signedIn = await Forms.SubmitAsync(second, "/Account/LoginWith2fa?ReturnUrl=", "login-2fa",
                   new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/staff", PathOf(signedIn));
        }
        using var home = await second.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        // The API asks for the code too, and gives a token with it.
        using var api = fixture.NewClient();
        using (var withoutCode = await ApiLoginAsync(api, email))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
            Assert.DoesNotContain("accessToken", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var withCode = await ApiLoginAsync(api, email, code: Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        using var json = JsonDocument.Parse(await withCode.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_in_the_browser_and_in_the_api_R_ACC_4_R_AUD_1()
    {
        const string email = "admin@example.jp";
        using var first = await SignedInAsync(email, "/admin");
        var (_, codes) = await SetUpAsync(first);

        async Task<HttpResponseMessage> RecoverAsync(string code)
        {
            var client = fixture.NewClient();
            using var password = await Forms.SignInAsync(client, email, Password);
            Assert.StartsWith("/Account/LoginWith2fa", PathOf(password), StringComparison.OrdinalIgnoreCase);
            return await Forms.SubmitAsync(client, "/Account/LoginWith2fa?RecoveryCode=true&ReturnUrl=", "login-2fa",
                new Dictionary<string, string> { ["Input.Code"] = code });
        }

        using (var used = await RecoverAsync(codes[0]))
        {
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
            Assert.Equal("/admin", PathOf(used));
        }
        using (var again = await RecoverAsync(codes[0]))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains(Forms.FieldMessages(await Forms.ParseAsync(again), "code"), m => m.Contains("すでに使われています", StringComparison.Ordinal));
        }
        Assert.Contains(AuditActions.TwoFactorRecoveryCodeUsed, await AuditAsync(email));

        using var api = fixture.NewClient();
        using (var token = await ApiLoginAsync(api, email, recovery: codes[1]))
        {
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }
        using (var reused = await ApiLoginAsync(api, email, recovery: codes[1]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        }
        var left = await Forms.GetPageAsync(first, SetupPath);
        Assert.Contains($"{TwoFactorService.RecoveryCodeCount - 2}", left.Body!.TextContent, StringComparison.Ordinal);
    }
}
