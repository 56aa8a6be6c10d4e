using HelloWork.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Host.Http;

/// <summary>
/// パスワード変更 on the real portal: the form for every signed-in account (current, new, confirmation), the registration's
/// password rules, refusals that change nothing (R-ERR-1), the other sessions of the account ending while this one stays signed
/// in, the audit entry without a password (R-AUD-1); a password someone else chose (an account the admin creates) replaced before
/// anything else, enforced by the server; a login user an employer adds has no password until it sets its own by the invitation
/// mail (R-MAIL-2); a disabled login user's open session ending at its next request (R-ACC-4). Each test uses accounts of its own.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class PasswordChangeTests(PortalHost portal)
{
    private const string NewPassword = "Atarashii!2027";
    private const string ChangePath = "/Account/ChangePassword";

    private sealed record Snapshot(string? Hash, string? Stamp, bool MustChange);

    private Task<Snapshot> SnapshotAsync(string email) => portal.QueryAsync(db => db.Users.Where(u => u.Email == email)
        .Select(u => new Snapshot(u.PasswordHash, u.SecurityStamp, u.MustChangePassword)).SingleAsync());

    private Task<List<HelloWork.Domain.Audit.AuditEntry>> AuditOfAsync(Guid userId) =>
        portal.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == userId && a.Action == "PasswordChanged").ToListAsync());

    private Task<Guid> UserIdAsync(string email) => portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string confirm) =>
        Forms.SubmitAsync(client, ChangePath, "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm,
        });

    /// <summary>A new jobseeker, registered through the form; returns the address.</summary>
    private async Task<string> NewJobseekerAsync()
    {
        var email = Registrations.NewEmail("pwchange");
        using var client = await portal.NewClientAsync();
        using var response = await Registrations.RegisterJobseekerAsync(client, Registrations.JobseekerForm(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return email;
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string? expectedLocation = null)
    {
        using var response = await client.GetAsync(path);
        if (expectedLocation is not null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(expectedLocation, PathOf(response), StringComparison.OrdinalIgnoreCase);
        }
        return response.StatusCode;
    }

    /// <summary>Where a redirect goes, as path and query (the portal answers with absolute or relative addresses).</summary>
    private static string? PathOf(HttpResponseMessage response) => response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString.TrimStart('~');

    /// <summary>A fresh establishment (registered as the form does) and a login user its main account adds (invited, no password yet).</summary>
    private async Task<(Actor Main, NewEstablishmentUser User)> NewLoginUserAsync()
    {
        var mainEmail = Registrations.NewEmail("pwmain");
        await using var scope = portal.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var mainId = await accounts.RegisterEmployerAsync(new EmployerRegistration(mainEmail, Registrations.GoodPassword, "採用 太郎", "株式会社パスワード試験",
            "カブシキガイシャパスワードシケン", "100-0001", "東京都", "千代田区千代田1-1", "", 12));
        var establishmentId = await portal.QueryAsync(db => db.Users.Where(u => u.Id == mainId).Select(u => u.EstablishmentId!.Value).SingleAsync());
        var main = new Actor(mainId, Roles.Employer, "採用 太郎", EstablishmentId: establishmentId);
        var user = await portal.Services.GetRequiredService<EstablishmentUsers>().AddAsync(main, Registrations.NewEmail("pwuser"), "利用 花子");
        return (main, user);
    }

    private async Task<string> BearerTokenAsync(string email, string password)
    {
        using var client = await portal.NewClientAsync();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>The hub's negotiate with a bearer token: 200 while the token's session lives.</summary>
    private async Task<HttpStatusCode> NegotiateAsync(string token)
    {
        using var client = await portal.NewClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/live/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_password_changes_this_session_stays_signed_in_another_session_ends_and_the_change_is_audited_without_the_password()
    {
        var email = await NewJobseekerAsync();
        using var here = await SignedInAsync(email, Registrations.GoodPassword);
        using var elsewhere = await SignedInAsync(email, Registrations.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(elsewhere, "/jobseeker"));
        var before = await SnapshotAsync(email);

        using var changed = await ChangeAsync(here, Registrations.GoodPassword, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(ChangePath + "?changed=true", PathOf(changed));
        var done = await Forms.GetPageAsync(here, ChangePath + "?changed=true");
        Assert.Equal("パスワードを変更しました。ほかの端末やブラウザでのログインは終了しました。", done.QuerySelector("[role=status]")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(here, "/jobseeker"));
        await StatusAsync(elsewhere, "/jobseeker", "/Account/Login");

        var after = await SnapshotAsync(email);
        Assert.NotEqual(before.Hash, after.Hash);
        Assert.NotEqual(before.Stamp, after.Stamp);
        using (var old = await portal.NewClientAsync())
        using (var oldSignIn = await Forms.SignInAsync(old, email, Registrations.GoodPassword))
        {
            Assert.Equal(HttpStatusCode.OK, oldSignIn.StatusCode); // the form again, with its message
        }
        using (var fresh = await SignedInAsync(email, NewPassword))
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(fresh, "/jobseeker"));
        }
        var entry = Assert.Single(await AuditOfAsync(await UserIdAsync(email)));
        Assert.Equal(await UserIdAsync(email), entry.ActorUserId);
        Assert.DoesNotContain(NewPassword, entry.Detail ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(Registrations.GoodPassword, entry.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wrong!password1", NewPassword, NewPassword, "current-password", "現在のパスワードが正しくありません。")]
    [InlineData(Registrations.GoodPassword, NewPassword, "Atarashii!2028", "confirm-password", "新しいパスワードと確認用のパスワードが一致しません。")]
    [InlineData(Registrations.GoodPassword, "short!1a", "short!1a", "new-password", "パスワードは10文字以上にしてください。")]
    [InlineData(Registrations.GoodPassword, "nosymbolatall2027", "nosymbolatall2027", "new-password", "パスワードに記号を含めてください。")]
    [InlineData(Registrations.GoodPassword, Registrations.GoodPassword, Registrations.GoodPassword, "new-password", "現在のパスワードとは異なるパスワードを設定してください。")]
    [InlineData(Registrations.GoodPassword, "", "", "new-password", "入力してください。")]
    public async Task A_refused_change_shows_the_message_next_to_its_field_and_changes_nothing(string current, string next, string confirm, string field, string message)
    {
        var email = await NewJobseekerAsync();
        using var client = await SignedInAsync(email, Registrations.GoodPassword);
        using var elsewhere = await SignedInAsync(email, Registrations.GoodPassword);
        var before = await SnapshotAsync(email);

        using var refused = await ChangeAsync(client, current, next, confirm);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Contains(message, Forms.FieldMessages(page, field));
        Assert.Equal(before, await SnapshotAsync(email));
        Assert.Empty(await AuditOfAsync(await UserIdAsync(email)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(elsewhere, "/jobseeker"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/jobseeker"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_a_post_without_a_session_or_token_changes_nothing()
    {
        var email = await NewJobseekerAsync();
        var before = await SnapshotAsync(email);
        using var anonymous = await portal.NewClientAsync();

        await StatusAsync(anonymous, ChangePath, "/Account/Login");

        // A post from another site (no antiforgery token) with a valid session, and one with no session at all.
        using var signedIn = await SignedInAsync(email, Registrations.GoodPassword);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "change-password", ["Input.CurrentPassword"] = Registrations.GoodPassword,
            ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        };
        foreach (var client in new[] { signedIn, anonymous })
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(ChangePath, content);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(ChangePath + "?changed=true", PathOf(response));
        }
        Assert.Equal(before, await SnapshotAsync(email));
    }

    [Fact]
    public async Task Every_signed_in_page_offers_the_change_in_the_account_menu()
    {
        using var client = await SignedInAsync("staff2@example.jp", PortalHost.DemoPassword);
        var page = await Forms.GetPageAsync(client, "/staff");
        var links = page.QuerySelectorAll("header a[href='Account/ChangePassword'], .mud-appbar a[href='Account/ChangePassword']");
        Assert.NotEmpty(links);
        Assert.Contains(links, a => a.TextContent.Contains("パスワード変更", StringComparison.Ordinal) || a.GetAttribute("aria-label") == "パスワード変更");
    }

    /// <summary>A staff account the admin creates with a password it chose (<see cref="Registrations.GoodPassword"/>).</summary>
    private async Task<string> NewStaffAccountAsync()
    {
        var office = await portal.QueryAsync(db => db.Offices.Select(o => o.Id).FirstAsync());
        var adminId = await UserIdAsync("admin@example.jp");
        var email = Registrations.NewEmail("pwstaff");
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAccountAsync(new Actor(adminId, Roles.Admin, "admin"),
            new StaffAccountInput(email, Registrations.GoodPassword, "職員 新人", Roles.Staff, office, null, false));
        return email;
    }

    /// <summary>The admin opens a 労働局 account for one prefecture (R-EVAL-1) on /admin/accounts; without a prefecture, or with a name
    /// that is not one, nothing is created and the field says why (R-ERR-1).</summary>
    [Fact]
    public async Task The_admin_opens_a_labour_bureau_account_for_a_prefecture_and_is_refused_without_one_R_EVAL_1()
    {
        var admin = new Actor(await UserIdAsync("admin@example.jp"), Roles.Admin, "admin");
        await using var scope = portal.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var prefecture in new string?[] { null, "東京" })
        {
            var refused = Registrations.NewEmail("bureau");
            var e = await Assert.ThrowsAsync<RegistrationException>(() => accounts.CreateAccountAsync(admin,
                new StaffAccountInput(refused, Registrations.GoodPassword, "労働局 担当", Roles.Bureau, null, null, false, prefecture)));
            Assert.True(e.Errors.ContainsKey("Prefecture"));
            Assert.False(await portal.QueryAsync(db => db.Users.AnyAsync(u => u.Email == refused)));
        }
        var email = Registrations.NewEmail("bureau");
        await accounts.CreateAccountAsync(admin, new StaffAccountInput(email, Registrations.GoodPassword, "労働局 担当", Roles.Bureau, null, null, false, "北海道"));
        var user = await portal.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal((Roles.Bureau, "北海道", (Guid?)null), (user.Role, user.Prefecture, user.OfficeId));
        var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<AccountDirectory>().ListAsync(admin, Roles.Bureau), r => r.Email == email);
        Assert.Equal("北海道", row.Office);
    }

    [Fact]
    public async Task A_staff_account_the_admin_creates_must_replace_the_password_the_admin_chose_at_first_sign_in()
    {
        var email = await NewStaffAccountAsync();
        Assert.True((await SnapshotAsync(email)).MustChange);
        using var client = await SignedInAsync(email, Registrations.GoodPassword);
        foreach (var path in new[] { "/staff", "/staff/referrals", "/search", "/" })
        {
            await StatusAsync(client, path, ChangePath);
        }
        var page = await Forms.GetPageAsync(client, ChangePath);
        Assert.Equal("初期パスワードでログインしています。利用を続けるには、パスワードを変更してください。", page.QuerySelector(".mud-alert [role=alert], [role=alert]")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/app.css")); // the page's own styles still load
        // Not only pages: the hub with the same account's bearer token is refused too.
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(await BearerTokenAsync(email, Registrations.GoodPassword)));

        // Keeping the chosen password is no change.
        using (var same = await ChangeAsync(client, Registrations.GoodPassword, Registrations.GoodPassword, Registrations.GoodPassword))
        {
            Assert.Contains("現在のパスワードとは異なるパスワードを設定してください。", Forms.FieldMessages(await Forms.ParseAsync(same), "new-password"));
        }
        await StatusAsync(client, "/staff", ChangePath);

        using var changed = await ChangeAsync(client, Registrations.GoodPassword, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/staff"));
        Assert.False((await SnapshotAsync(email)).MustChange);
        Assert.Equal("initial password replaced", Assert.Single(await AuditOfAsync(await UserIdAsync(email))).Detail);
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(await BearerTokenAsync(email, NewPassword)));
    }

    [Fact]
    public async Task A_new_login_user_has_no_password_until_the_invitation_sets_its_own_and_then_nothing_stands_in_its_way_R_MAIL_2()
    {
        var (_, user) = await NewLoginUserAsync();
        var before = await SnapshotAsync(user.Email);
        Assert.Null(before.Hash); // nobody, the main account included, knows a password of the new user
        Assert.False(before.MustChange);
        using (var client = await portal.NewClientAsync())
        using (var refused = await Forms.SignInAsync(client, user.Email, Registrations.GoodPassword))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again: no sign-in without a password
        }

        await Invitations.AcceptAsync(portal.Services, user.Email, NewPassword);
        using var signedIn = await SignedInAsync(user.Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(signedIn, "/employer"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(signedIn, "/employer/establishment/users"));
        Assert.True(await portal.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
        Assert.Contains("InvitationAccepted", await portal.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == user.Id).Select(a => a.Action).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(await BearerTokenAsync(user.Email, NewPassword)));
    }

    [Fact]
    public async Task The_sign_out_stays_open_to_an_account_that_has_not_replaced_the_password_the_admin_chose()
    {
        var email = await NewStaffAccountAsync();
        using var client = await SignedInAsync(email, Registrations.GoodPassword);
        var page = await Forms.GetPageAsync(client, ChangePath);
        var token = page.QuerySelector("form[action='Account/Logout'] input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token));

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token!)]);
        using var signOut = await client.PostAsync("/Account/Logout", content);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", PathOf(signOut));
        await StatusAsync(client, ChangePath, "/Account/Login");
    }

    [Fact]
    public async Task Disabling_a_login_user_ends_its_open_session_and_its_bearer_token_at_the_next_request()
    {
        var (main, user) = await NewLoginUserAsync();
        await Invitations.AcceptAsync(portal.Services, user.Email, NewPassword);
        using var client = await SignedInAsync(user.Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/employer"));
        var token = await BearerTokenAsync(user.Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(token));

        await portal.Services.GetRequiredService<EstablishmentUsers>().SetDisabledAsync(main, user.Id, disabled: true);

        await StatusAsync(client, "/employer", "/Account/Login");
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(token));
        // And the cookie is gone: enabling the user again does not bring the old session back.
        await portal.Services.GetRequiredService<EstablishmentUsers>().SetDisabledAsync(main, user.Id, disabled: false);
        await StatusAsync(client, "/employer", "/Account/Login");
        using var again = await SignedInAsync(user.Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(again, "/employer"));
    }
}
