using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Host.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// As people use it: an organisation applies (R-AGY-1), is refused approval until its 利用申請書 is in, submits it on its home page
/// (a Word file is refused), is returned with a reason, replaces the document and applies again, live on the admin's open page each
/// time; the admin opens the document and approves it on 利用団体の承認 and the agency's open home page shows its 利用団体ID without
/// a reload; the agency downloads its first CSV from its page, sends a guidance message (R-AGY-3), sees the
/// jobseeker's reply arrive live on its thread page (R-LIVE-1), and reports a placement. Every page is screenshotted and axe-checked.
/// </summary>
[RunsLong]
public sealed class AgencyJourneyBrowserTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agency_applies_with_its_documents_is_approved_downloads_sends_guidance_sees_the_reply_live_and_reports_a_placement()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var agencyEmail = $"agency-{suffix}@example.jp";
        var agencyName = $"テスト市 就労支援課 {suffix}";

        // 1. The application, through the public form.
        await using var agency = await PortalBrowser.OpenAsync(portal, chromium, "agency-journey");
        var page = agency.Page;
        await agency.VisitAsync("/Account/RegisterAgency");
        await page.Locator("#agency-name").FillAsync(agencyName);
        await page.Locator("#kind").SelectOptionAsync(nameof(AgencyKind.LocalGovernment));
        await page.Locator("#contact").FillAsync("就労支援課 山田");
        await page.Locator("#email").FillAsync(agencyEmail);
        await page.Locator("#password").FillAsync(PortalHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("利用申請を受け付けました。")).ToBeVisibleAsync();
        await agency.CheckPageAsync();

        await agency.SignInAsync(agencyEmail);
        await agency.VisitAsync("/agency");
        await Assertions.Expect(page.GetByText("利用申請は審査中です。")).ToBeVisibleAsync();

        // 2. Without its 利用申請書 the admin cannot approve it: refused with the reason on the application's card.
        await using var admin = await PortalBrowser.OpenAsync(portal, chromium, "agency-journey-admin");
        await admin.SignInAsync("admin@example.jp");
        await admin.VisitAsync("/admin/agencies");
        var card = admin.Page.Locator($".agency-application[data-agency='{agencyName}']");
        await Assertions.Expect(card.GetByText(agencyEmail)).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".missing-documents")).ToHaveTextAsync("未提出の必須書類：利用申請書");
        await card.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(card.Locator(".approve-refused")).ToHaveTextAsync("利用申請書が提出されていないため、承認できません。");
        await Assertions.Expect(card.GetByText("承認待ち")).ToBeVisibleAsync();
        await admin.CheckPageAsync();

        // 3. The agency submits its documents on its home page: a file that is not a PDF or picture by content is refused beside the
        // upload; the PDF is stored, and the admin's open page lists it without a reload.
        var upload = page.Locator(".application-documents input[type=file]").Last; // MudFileUpload keeps a second, fresh input
        await upload.SetInputFilesAsync(new FilePayload { Name = "利用申請書.pdf", MimeType = "application/pdf", Buffer = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0] });
        await Assertions.Expect(page.GetByText("ファイル「利用申請書.pdf」の形式は受け付けられません（PDF、JPEG、PNGのみ）。")).ToBeVisibleAsync();
        await upload.SetInputFilesAsync(new FilePayload { Name = "利用申請書.pdf", MimeType = "application/pdf", Buffer = DemoSeeder.MinimalPdf("Application") });
        await Assertions.Expect(page.Locator(".application-documents .agency-document-name")).ToHaveTextAsync("利用申請書.pdf");
        await Assertions.Expect(page.Locator(".application-documents .documents-complete")).ToBeVisibleAsync();
        await agency.CheckPageAsync();
        await agency.CheckAtSizeAsync(390, 844);
        await page.SetViewportSizeAsync(1280, 800);
        await Assertions.Expect(card.Locator(".agency-document-name")).ToHaveTextAsync("利用申請書.pdf");
        await admin.CheckAtSizeAsync(390, 844);
        await admin.Page.SetViewportSizeAsync(1280, 800);
        // Its link opens the PDF for the admin (the download is audited, R-AUD-1).
        var href = await card.Locator(".agency-document-name").GetAttributeAsync("href");
        var opened = await admin.Page.APIRequest.GetAsync(href!);
        Assert.Equal((200, "application/pdf"), (opened.Status, opened.Headers["content-type"]));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await opened.BodyAsync()), StringComparison.Ordinal);

        // 4. The admin returns it with a reason; the agency, told live, replaces the document and applies again, and the application
        // is back on the admin's open page awaiting approval, with the corrected document.
        await card.GetByLabel("差戻し理由").FillAsync("利用申請書に代表者の押印がありません。");
        await card.GetByRole(AriaRole.Button, new() { Name = "差し戻す" }).ClickAsync();
        await Assertions.Expect(card.GetByText("差戻し", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".return-reason")).ToHaveTextAsync("利用申請書に代表者の押印がありません。");
        await page.GetByRole(AriaRole.Button, new() { Name = "「利用申請書.pdf」を削除する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".application-documents .missing-documents")).ToBeVisibleAsync();
        await upload.SetInputFilesAsync(new FilePayload { Name = "利用申請書（押印済み）.pdf", MimeType = "application/pdf", Buffer = DemoSeeder.MinimalPdf("Sealed") });
        await Assertions.Expect(page.Locator(".application-documents .agency-document-name")).ToHaveTextAsync("利用申請書（押印済み）.pdf");
        await agency.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "修正して再申請する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("利用申請は審査中です。")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("承認待ち")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".agency-document-name")).ToHaveTextAsync("利用申請書（押印済み）.pdf");

        // 5. The admin approves it; the agency's home, open all along, shows the ID without a reload.
        await card.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();
        await Assertions.Expect(card.GetByText("承認済み")).ToBeVisibleAsync();
        await admin.CheckPageAsync();
        var agencyId = await portal.QueryAsync(db => db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).FirstAsync(Ct));
        var code = await portal.QueryAsync(db => db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Code).FirstAsync(Ct));
        await Assertions.Expect(page.Locator(".agency-code")).ToHaveTextAsync(code!);
        await agency.CheckPageAsync();
        Assert.Equal(["AgencyDocumentUploaded", "AgencyDocumentViewed", "AgencyDocumentRemoved", "AgencyDocumentUploaded"],
            await portal.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == agencyId && e.Action.StartsWith("AgencyDocument"))
                .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct)));

        // 6. The first CSV, from the page.
        await agency.VisitAsync("/agency/data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.download-offers-csv").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"agency-{suffix}.csv");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        File.Delete(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("求人番号,状態,職種", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);

        // 7. A guidance message to a consenting jobseeker (given an account here), by the agency's own token.
        var (person, jobseekerEmail) = await JobseekerWithAccountAsync(suffix);
        var token = (await portal.Services.GetRequiredService<OpaqueTokens>().ForAsync(TokenHolder.Agency, agencyId, Ct)).Issue(person);
        await agency.VisitAsync("/agency/profiles/profile?p=" + Uri.EscapeDataString(token));
        await page.GetByLabel("メッセージ").FillAsync("テスト市の就労相談会のご案内です。");
        await page.GetByRole(AriaRole.Button, new() { Name = "案内メッセージを送る" }).ClickAsync();
        await Assertions.Expect(page.GetByText("案内メッセージを送信しました。")).ToBeVisibleAsync();
        await agency.VisitAsync("/agency/guidance");
        await Assertions.Expect(page.GetByText("求職者からの返信・質問を待っています。")).ToBeVisibleAsync();

        // 8. The jobseeker replies; the agency's thread page, open all along, shows the reply without a reload.
        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, "agency-journey-jobseeker");
        await jobseeker.SignInAsync(jobseekerEmail);
        await jobseeker.VisitAsync("/jobseeker/guidance");
        var thread = jobseeker.Page.Locator(".guidance-thread", new() { HasText = agencyName });
        await Assertions.Expect(thread.GetByText("テスト市の就労相談会のご案内です。")).ToBeVisibleAsync();
        await Assertions.Expect(thread.GetByText("団体区分：地方公共団体")).ToBeVisibleAsync(); // a label, not Kind.LocalGovernment
        await thread.GetByLabel("返信する").FillAsync("平日の夜にも相談できますか。");
        await thread.GetByRole(AriaRole.Button, new() { Name = "返信する" }).ClickAsync();
        await Assertions.Expect(jobseeker.Page.GetByText("返信しました。")).ToBeVisibleAsync();
        await jobseeker.CheckPageAsync();

        await Assertions.Expect(page.GetByText("平日の夜にも相談できますか。")).ToBeVisibleAsync();
        await page.GetByLabel("メッセージ").FillAsync("水曜日は19時まで相談できます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("回答を送信しました。")).ToBeVisibleAsync();
        await agency.CheckPageAsync();
        await Assertions.Expect(thread.GetByText("水曜日は19時まで相談できます。")).ToBeVisibleAsync(); // live on the jobseeker's side too

        // 9. A placement on a Hello Work offer.
        var jobNumber = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Published && o.JobNumber != null)
            .OrderBy(o => o.JobNumber).Select(o => o.JobNumber!).FirstAsync(Ct));
        var today = JapanTime.Today(portal.Services.GetRequiredService<TimeProvider>());
        await agency.VisitAsync("/agency/placements");
        var main = page.Locator("main");
        await main.GetByLabel("求人番号").FillAsync(jobNumber);
        await main.GetByLabel("採用日").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await main.GetByRole(AriaRole.Button, new() { Name = "採用決定を報告する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("採用決定を報告しました。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").GetByText(jobNumber)).ToBeVisibleAsync();
        await agency.CheckPageAsync();
        Assert.Equal(1, await portal.QueryAsync(db => db.PlacementReports.CountAsync(p => p.AgencyId == agencyId && p.JobNumber == jobNumber, Ct)));

        // The usage report counts the download, the guidance and the answer, and the placement.
        await agency.VisitAsync("/agency/usage");
        var usage = await portal.QueryAsync(db => db.AgencyUsages.Where(u => u.AgencyId == agencyId).ToListAsync(Ct));
        Assert.Equal((1, 2, 1), (usage.Sum(u => u.Downloads), usage.Sum(u => u.Messages), usage.Sum(u => u.Placements)));
    }

    /// <summary>A demo jobseeker whose consent covers local governments and who has no account yet, given one.</summary>
    private async Task<(Guid Person, string Email)> JobseekerWithAccountAsync(string suffix)
    {
        var person = await portal.QueryAsync(db => db.Jobseekers
            .Where(j => j.Consent == ProvisionConsent.LocalGovernmentsAndPrivate && !db.Users.Any(u => u.JobseekerId == j.Id))
            .OrderByDescending(j => j.Id).Select(j => j.Id).FirstAsync(Ct));
        var email = $"js-{suffix}@example.jp";
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "同意した求職者", Role = Roles.Jobseeker, JobseekerId = person,
            CreatedAt = portal.Services.GetRequiredService<TimeProvider>().GetUtcNow() };
        Assert.True((await users.CreateAsync(user, PortalHost.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Jobseeker)).Succeeded);
        return (person, email);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_new_and_changed_pages_pass_axe_at_desktop_and_phone_width(int width, int height)
    {
        await using var agency = await PortalBrowser.OpenAsync(portal, chromium, $"agency-pages-{width}", width, height);
        await agency.SignInAsync("agency1@example.jp");
        foreach (var path in new[] { "/agency", "/agency/profiles", "/agency/guidance", "/agency/data", "/agency/placements", "/agency/keys", "/agency/usage" })
        {
            await agency.VisitAsync(path);
        }
        var code = await portal.QueryAsync(db => db.Agencies.Where(a => a.Code != null).OrderBy(a => a.CreatedAt).Select(a => a.Code!).FirstAsync(Ct));
        await using var visitor = await PortalBrowser.OpenAsync(portal, chromium, $"agency-lookup-{width}", width, height);
        await visitor.VisitAsync("/agencies/lookup?id=" + code);
        await Assertions.Expect(visitor.Page.Locator(".lookup-found")).ToBeVisibleAsync();
        await visitor.VisitAsync("/agencies/lookup?id=00000000");
        await Assertions.Expect(visitor.Page.Locator(".lookup-not-found")).ToBeVisibleAsync();

        await using var admin = await PortalBrowser.OpenAsync(portal, chromium, $"agency-admin-{width}", width, height);
        await admin.SignInAsync("admin@example.jp");
        await admin.VisitAsync("/admin/agencies");
        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, $"agency-jobseeker-{width}", width, height);
        await jobseeker.SignInAsync("jobseeker1@example.jp");
        await jobseeker.VisitAsync("/jobseeker/guidance");
        // 利用団体IDで検索 signed in: what the agency offers, and what it has of this jobseeker (their own consent only).
        await jobseeker.VisitAsync("/agencies/lookup?id=" + code);
        await Assertions.Expect(jobseeker.Page.GetByTestId("lookup-offers")).ToContainTextAsync("ハローワークの公開中の求人");
        await Assertions.Expect(jobseeker.Page.GetByTestId("lookup-mine")).ToContainTextAsync("同意の設定を確認・変更する");
    }
}
