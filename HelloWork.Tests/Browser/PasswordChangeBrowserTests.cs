using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>パスワード変更 in Chromium: an account the admin created lands on the page at first sign-in, sees a refusal next to its field,
/// changes the password and goes on to the mypage; the page passes the accessibility check and fits a 390-px phone.</summary>
[Collection(AccountsCollection.Name)]
public sealed class PasswordChangeBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task An_account_the_admin_created_is_taken_to_the_change_page_at_first_sign_in_and_then_reaches_the_mypage()
    {
        // A password someone else chose (the admin's, for a staff account) is replaced first; a login user an employer adds sets
        // its own by the invitation mail instead (MailInvitationTests).
        var email = Registrations.NewEmail("pwbrowser");
        const string initial = Registrations.GoodPassword;
        var office = await portal.QueryAsync(db => db.Offices.Select(o => o.Id).FirstAsync());
        var adminId = await portal.QueryAsync(db => db.Users.Where(u => u.Email == "admin@example.jp").Select(u => u.Id).SingleAsync());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAccountAsync(new Actor(adminId, Roles.Admin, "admin"),
                new StaffAccountInput(email, initial, "職員 新人", Roles.Staff, office, null, false));
        }
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "password-change");

        await browser.SignInAsync(email, initial);

        var page = browser.Page;
        Assert.Equal("/Account/ChangePassword", new Uri(page.Url).AbsolutePath);
        Assert.Equal("パスワード変更", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
        await page.GetByLabel("現在のパスワード").FillAsync(initial);
        await page.Locator("#new-password").FillAsync("Atarashii!2027");
        await page.Locator("#confirm-password").FillAsync("Atarashii!2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await page.GetByText("新しいパスワードと確認用のパスワードが一致しません。").WaitForAsync();
        await browser.CheckPageAsync();

        await page.Locator("#current-password").FillAsync(initial);
        await page.Locator("#new-password").FillAsync("Atarashii!2027");
        await page.Locator("#confirm-password").FillAsync("Atarashii!2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await page.GetByText("パスワードを変更しました。").WaitForAsync();
        await browser.CheckPageAsync();
        await browser.VisitAsync("/staff");
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_page_opens_from_the_account_menu_and_fits_the_screen(int width, int height)
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, $"password-change-{width}", width, height);
        await browser.SignInAsync("staff1@example.jp");

        await browser.Page.Locator(".mud-appbar a[href='Account/ChangePassword']:visible").ClickAsync();
        await browser.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Account/ChangePassword", PortalBrowser.Committed);
        // The account pages are static: the circuit's router changes the address, then the browser reloads the page from the
        // server. Until the static page is in, the staff home's document is still the one on screen.
        await browser.Page.Locator("body[data-render-mode=static]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await browser.CheckPageAsync();

        foreach (var label in new[] { "現在のパスワード", "新しいパスワード", "新しいパスワード（確認）" })
        {
            Assert.Equal(1, await browser.Page.Locator("label.hw-label").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + label + "\\s*必須") }).CountAsync());
        }
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the {width}px screen.");
    }
}
