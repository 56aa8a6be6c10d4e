using System.Text;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Employers;

namespace HelloWork.Tests.Browser;

/// <summary>The new employer screens as a person uses them: 事業所情報 with its images, ログインユーザー, 求職情報検索, a
/// profile and its request form, the sent requests, and the job sheet's gallery. Each visit is screenshotted and axe-checked.</summary>
public sealed class EstablishmentBrowserTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Employer1_edits_its_PR_adds_an_image_and_a_login_user_and_a_renamed_executable_is_refused()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "employer-establishment");
        await browser.SignInAsync("employer1@example.jp");
        await browser.VisitAsync("/employer/establishment");
        var page = browser.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "本社外観" })).ToBeVisibleAsync();

        await page.GetByLabel("会社の特長").FillAsync("年間休日125日。<script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("事業所PRを保存しました。")).ToBeVisibleAsync();

        var caption = page.GetByRole(AriaRole.Textbox, new() { Name = "説明文" }).Last;
        await caption.FillAsync("研修の様子");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "研修.png", MimeType = "image/png", Buffer = EstablishmentProfileTests.Png(160, 90),
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "研修の様子" })).ToBeVisibleAsync();
        // A new image waits for the office's check (REFERENCE.md: published after a staff check).
        var training = page.Locator("figure").Filter(new() { Has = page.GetByRole(AriaRole.Img, new() { Name = "研修の様子" }) });
        await Assertions.Expect(training).ToContainTextAsync("確認待ち");
        await caption.FillAsync("休憩室");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "休憩室.png", MimeType = "image/png", Buffer = EstablishmentProfileTests.Png(120, 90),
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "休憩室" })).ToBeVisibleAsync();

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "会社案内.png", MimeType = "image/png", Buffer = [.. Encoding.ASCII.GetBytes("MZ\u0090\0"), .. new byte[2048]],
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "会社案内.png" })).ToContainTextAsync("中身で判定");
        await page.WaitForTimeoutAsync(500);
        await browser.CheckPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "ログインユーザー" }).First.ClickAsync();
        await page.WaitForURLAsync("**/employer/establishment/users", PortalBrowser.Committed);
        await browser.CheckPageAsync();
        var email = $"staff-{Guid.NewGuid():N}"[..14] + "@example.jp";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "メールアドレス" }).FillAsync(email);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "氏名" }).FillAsync("採用担当 佐々木");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("招待メールを送信しました");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = email })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        await browser.CheckPageAsync();

        // Staff1 of the establishment's office checks the image: refusing without a reason is refused, publishing publishes it.
        await using (var staff = await PortalBrowser.OpenAsync(portal, chromium, "staff-image-check"))
        {
            await staff.SignInAsync("staff1@example.jp");
            await Assertions.Expect(staff.Page.GetByRole(AriaRole.Link, new() { Name = "画像を確認する" })).ToBeVisibleAsync();
            await staff.VisitAsync("/staff/review");
            var queue = staff.Page;
            await Assertions.Expect(queue.GetByRole(AriaRole.Heading, new() { Name = "確認待ちの画像" })).ToBeVisibleAsync();
            await Assertions.Expect(queue.GetByRole(AriaRole.Img, new() { Name = "研修の様子" })).ToBeVisibleAsync();
            await queue.Locator(".image-queue").ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotFolder, "staff-image-queue.png") });
            await queue.GetByRole(AriaRole.Button, new() { Name = "公開しない 「研修の様子」" }).ClickAsync();
            await Assertions.Expect(queue.GetByText("入力してください。")).ToBeVisibleAsync();
            await queue.Locator(".image-queue").ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotFolder, "staff-image-queue-reason-required.png") });
            await queue.GetByRole(AriaRole.Button, new() { Name = "公開する 「研修の様子」" }).ClickAsync();
            await Assertions.Expect(queue.GetByText("「研修の様子」を公開しました。")).ToBeVisibleAsync();
            await Assertions.Expect(queue.GetByRole(AriaRole.Img, new() { Name = "研修の様子" })).ToHaveCountAsync(0);
            await queue.GetByRole(AriaRole.Textbox, new() { Name = "公開しない理由" }).Last.FillAsync("従業員の顔が写っています。本人の同意が確認できる画像に差し替えてください。");
            await queue.GetByRole(AriaRole.Button, new() { Name = "公開しない 「休憩室」" }).ClickAsync();
            await Assertions.Expect(queue.GetByRole(AriaRole.Img, new() { Name = "休憩室" })).ToHaveCountAsync(0);
            await staff.CheckPageAsync();
        }
        await browser.VisitAsync("/employer/establishment");
        training = page.Locator("figure").Filter(new() { Has = page.GetByRole(AriaRole.Img, new() { Name = "研修の様子" }) });
        await Assertions.Expect(training).ToContainTextAsync("公開中");
        var restRoom = page.Locator("figure").Filter(new() { Has = page.GetByRole(AriaRole.Img, new() { Name = "休憩室" }) });
        await Assertions.Expect(restRoom).ToContainTextAsync("非公開");
        await Assertions.Expect(restRoom).ToContainTextAsync("非公開の理由：従業員の顔が写っています。");
        await restRoom.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotFolder, "employer-image-states.png") });
        Assert.Equal(1, await portal.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "EstablishmentImageApproved"
            && db.EstablishmentImages.Any(i => i.Id == a.SubjectId && i.Caption == "研修の様子"), Ct)));

        // The markup was kept as text, never run.
        var features = await portal.QueryAsync(db => db.Establishments.Where(e => e.Features != null && e.Features.Contains("<script>")).CountAsync(Ct));
        Assert.Equal(1, features);
    }

    [Fact]
    public async Task Employer1_finds_a_profile_sends_a_request_and_sees_it_sent()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "employer-talent");
        await browser.SignInAsync("employer1@example.jp");
        await browser.VisitAsync("/employer/talent");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("件の求職情報");

        await page.GetByLabel("フリーワード").FillAsync("フォークリフト運転技能講習");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToHaveTextAsync("1件の求職情報");
        await browser.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "倉庫作業員" }).ClickAsync();
        await page.WaitForURLAsync("**/employer/talent/profile?p=*", PortalBrowser.Committed);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("倉庫作業員");
        await browser.CheckPageAsync();

        var offer = await SelfApplicationOfferAsync();
        await ChooseOfferAsync(page, offer);
        await page.GetByLabel("メッセージ").FillAsync("倉庫管理のご経験を拝見しました。ぜひ一度お話しさせてください。");
        await Assertions.Expect(page.GetByText("31 / 1000")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "リクエストを送信" }).ClickAsync();
        await Assertions.Expect(page.GetByText("この求職者に送信したリクエスト")).ToBeVisibleAsync();

        // The same offer again: refused with a clear message.
        await ChooseOfferAsync(page, offer);
        await page.GetByLabel("メッセージ").FillAsync("もう一度");
        await Assertions.Expect(page.GetByText("4 / 1000")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "リクエストを送信" }).ClickAsync();
        await Assertions.Expect(page.GetByText("送信済みです")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        await browser.CheckPageAsync();

        await browser.VisitAsync("/employer/talent/requests");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = offer });
        await Assertions.Expect(row.First).ToContainTextAsync("送信済み");
        await Assertions.Expect(row.First).ToContainTextAsync("倉庫作業員");

        // The job sheet shows the company images.
        var jobNumber = offer.Split('　')[0];
        await browser.VisitAsync($"/jobs/{jobNumber}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "画像" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "本社外観" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "画像" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalBrowser.ScreenshotFolder, "employer-talent-gallery.png") });
    }

    [Fact]
    public async Task Employer2_without_a_valid_offer_is_told_why_it_cannot_search()
    {
        var hasValid = await portal.QueryAsync(async db =>
        {
            var est = await db.Users.Where(u => u.Email == "employer2@example.jp").Select(u => u.EstablishmentId).FirstAsync(Ct);
            var today = JapanTime.DateOf(DateTimeOffset.UtcNow);
            return await db.JobOffers.AnyAsync(o => o.EstablishmentId == est && o.Status == OfferStatus.Published && o.ValidUntil >= today, Ct);
        });
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "employer2-talent");
        await browser.SignInAsync("employer2@example.jp");
        await browser.VisitAsync("/employer/talent");
        var notice = browser.Page.GetByText("有効な（公開中で紹介期限日を過ぎていない）求人がある事業所だけ");
        if (hasValid)
        {
            await Assertions.Expect(browser.Page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("件の求職情報");
            await Assertions.Expect(notice).ToHaveCountAsync(0);
        }
        else
        {
            await Assertions.Expect(notice).ToBeVisibleAsync();
        }
    }

    /// <summary>"求人番号 タイトル" of an open offer of employer1 that accepts self-application and has room for a request.</summary>
    /// <summary>Picks the offer in the request form's list and waits until the circuit has it: the field shows the chosen offer.</summary>
    private static async Task ChooseOfferAsync(IPage page, string offer)
    {
        await page.GetByLabel("リクエストする求人").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = offer }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "リクエストする求人" }))
            .ToContainTextAsync(offer);
    }

    private Task<string> SelfApplicationOfferAsync() => portal.QueryAsync(async db =>
    {
        var est = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId).FirstAsync(Ct);
        var today = JapanTime.DateOf(DateTimeOffset.UtcNow);
        var offer = await db.JobOffers.Where(o => o.EstablishmentId == est && o.Status == OfferStatus.Published && o.ValidUntil >= today && o.SelfApplication
                && o.Scope == PublicationScope.PublicWithName && db.DirectRequests.Count(r => r.JobOfferId == o.Id) < 9)
            .OrderBy(o => o.JobNumber).Select(o => new { o.JobNumber, o.Title }).FirstAsync(Ct);
        return $"{offer.JobNumber}　{offer.Title}";
    });
}
