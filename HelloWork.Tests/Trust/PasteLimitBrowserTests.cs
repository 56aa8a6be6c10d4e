using HelloWork.Domain.Applications;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Trust;

/// <summary>
/// A 100,000-character paste into the message box or the offer entry's 仕事内容 closed the page's connection (the value
/// travels to the circuit in one SignalR message, far above its 32 KB limit): nothing saved, nothing said. Now every text input has
/// its limit in the browser (maxlength, so the paste is cut there and the value stays small) and on the server (the domain's own
/// check); the page stays up and says 「2000文字以内で入力してください。」 (R-ERR-1, R-UI-1; R-ACC-4: only the person's own thread).
/// </summary>
public sealed class PasteLimitBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = 10_000 };

    private static readonly string Paste = string.Concat(Enumerable.Repeat("求人への質問です。", 100_000 / 9 + 1))[..100_000];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_huge_paste_into_the_message_box_is_cut_at_the_limit_the_page_stays_live_and_the_message_is_sent()
    {
        var (email, applicationId) = await SelfApplicationAsync();
        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, "paste-message");
        await jobseeker.SignInAsync(email, Registrations.GoodPassword);
        await jobseeker.VisitAsync($"/jobseeker/applications/{applicationId}");
        var page = jobseeker.Page;
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ" });

        await box.FocusAsync();
        await page.Keyboard.InsertTextAsync(Paste);

        await Assertions.Expect(page.GetByText("2000文字以内で入力してください")).ToBeVisibleAsync(Arrives);
        Assert.Equal(Message.MaxLength, (await box.InputValueAsync()).Length);
        await page.GetByRole(AriaRole.Button, new() { Name = "送信", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#messages li")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator("#components-reconnect-modal[open], #blazor-error-ui:visible").CountAsync());
        var stored = await portal.QueryAsync(db => db.Messages.Where(m => m.ApplicationId == applicationId).Select(m => m.Body).SingleAsync(Ct));
        Assert.Equal(Paste[..Message.MaxLength], stored);
        await jobseeker.CheckPageAsync();
    }

    [Fact]
    public async Task A_huge_paste_into_the_offer_entrys_job_description_is_cut_at_the_limit_and_the_page_stays_live()
    {
        var draftId = await portal.QueryAsync(async db =>
        {
            var establishment = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId).SingleAsync(Ct);
            return await db.JobOffers.Where(o => o.EstablishmentId == establishment && o.Status == OfferStatus.Draft).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
        });
        await using var employer = await PortalBrowser.OpenAsync(portal, chromium, "paste-entry");
        await employer.SignInAsync("employer1@example.jp");
        await employer.VisitAsync($"/employer/offers/{draftId}/edit/3");
        var page = employer.Page;
        var description = page.GetByRole(AriaRole.Textbox, new() { Name = "仕事内容" }).First;

        await description.FocusAsync();
        await description.FillAsync("");
        await page.Keyboard.InsertTextAsync(Paste);
        await description.PressAsync("Tab"); // the value goes to the circuit when the field is left

        await Assertions.Expect(page.GetByText("2000文字以内で入力してください")).ToBeVisibleAsync(Arrives);
        Assert.Equal(2000, (await description.InputValueAsync()).Length);
        // The hint is the circuit's answer to the value it received: the page is still live.
        Assert.Equal(0, await page.Locator("#components-reconnect-modal[open], #blazor-error-ui:visible").CountAsync());
        await employer.CheckPageAsync();
    }

    /// <summary>A new jobseeker's self-application (R-SELF-1) to an offer of a non-demo establishment: an open message thread of their own.</summary>
    private async Task<(string Email, Guid ApplicationId)> SelfApplicationAsync()
    {
        var email = Registrations.NewEmail("paste");
        using (var client = await portal.NewClientAsync())
        using (var registered = await Registrations.RegisterJobseekerAsync(client, Registrations.JobseekerForm(email)))
        {
            Assert.True((int)registered.StatusCode is >= 200 and < 400, $"registration answered {(int)registered.StatusCode}");
        }
        var now = DateTimeOffset.UtcNow;
        var offerId = await portal.QueryAsync(async db =>
        {
            var demo = await db.Users.Where(u => u.EstablishmentId != null).Select(u => u.EstablishmentId!.Value).ToListAsync(Ct);
            var offers = await db.JobOffers.Where(o => o.Status == OfferStatus.Published).OrderByDescending(o => o.JobNumber).ToListAsync(Ct);
            return offers.Where(o => o.AcceptsSelfApplication(now) && !demo.Contains(o.EstablishmentId)).Skip(2).First().Id;
        });
        var applicationId = await portal.Get<ApplicationService>().ApplyAsync(await portal.ActorAsync(email),
            new ApplyInput(offerId, "これまでの経験を活かして働きたいと考え、応募いたしました。", [], SelfApplicationAcknowledged: true), Ct);
        return (email, applicationId);
    }
}
