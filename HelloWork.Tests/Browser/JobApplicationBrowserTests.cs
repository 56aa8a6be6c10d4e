using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Registration;
using HelloWork.Tests.Host.Http;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// The 求職申込書 online on the real portal (R-REG-1): a person fills it in at home screen by screen (a red message refuses, an orange one
/// is confirmed), sends it to an office and gets a 受付番号; staff of that office open it by the number, check identity and complete
/// the registration without retyping a field, and the person's page shows the 求職番号 live (R-REG-2, R-ACC-2). Where the office
/// completes online, sending it issues the 求職番号 at once and the office's queue shows it live.
/// </summary>
[Collection(AccountsCollection.Name)] // it opens accounts: never while another test counts them
public sealed class JobApplicationBrowserTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Email, Actor Actor)> NewJobseekerAsync(string name, string kana)
    {
        await portal.StartAsync();
        var email = Registrations.NewEmail("jobapp");
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .RegisterJobseekerAsync(new JobseekerRegistration(email, Registrations.GoodPassword, name, kana, new DateOnly(1990, 4, 2), null, AcceptedTerms: true), Ct);
        }
        var user = await portal.QueryAsync(db => db.Users.FirstAsync(u => u.Email == email, Ct));
        return (email, new Actor(user.Id, Roles.Jobseeker, name, JobseekerId: user.JobseekerId));
    }

    private static async Task NextAsync(IPage page, int to)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = to <= ApplicationSteps.Count ? "次へ" : "確認へ" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == (to <= ApplicationSteps.Count ? $"/jobseeker/application/{to}" : "/jobseeker/application"));
    }

    private static Task ChooseAsync(IPage page, string combobox, string option) =>
        PortalBrowser.ChooseAsync(page.GetByRole(AriaRole.Combobox, new() { Name = combobox }), option);

    [Fact]
    public async Task A_form_filled_in_at_home_is_completed_at_the_counter_from_its_receipt_number_without_retyping_R_REG_1_R_REG_2()
    {
        var (email, _) = await NewJobseekerAsync("窓口 花子", "マドグチ ハナコ");
        await using var home = await PortalBrowser.OpenAsync(portal, chromium, "jobapp-home");
        await home.SignInAsync(email, Registrations.GoodPassword);
        var page = home.Page;
        await home.VisitAsync("/jobseeker/application/1");

        await page.GetByLabel("電話番号").FillAsync("090-2222-3333");
        await page.GetByLabel("住所").FillAsync("東京都文京区本郷2-2-2");
        await NextAsync(page, 2);
        await page.GetByLabel("第1希望職種").FillAsync("一般事務");
        await page.GetByLabel("第2希望職種").FillAsync("経理事務");
        await NextAsync(page, 3);
        await home.CheckPageAsync();
        await ChooseAsync(page, "第1希望勤務地（都道府県）", "東京都");
        await page.GetByLabel("希望月額賃金（円）").FillAsync("2400000");
        // Orange: saved, and 次へ goes on only once the person confirms it.
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.GetByText("希望月額賃金が100万円以上です。").First).ToBeVisibleAsync();
        await home.CheckPageAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "内容を確認しました" }).CheckAsync();
        await NextAsync(page, 4);

        await page.GetByRole(AriaRole.Button, new() { Name = "学歴を追加" }).ClickAsync();
        await page.GetByLabel("学校名").FillAsync("都立青葉高等学校");
        await page.GetByLabel("入学年月").FillAsync("2006-04");
        await page.GetByLabel("卒業・中退年月").FillAsync("2009-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "免許・資格を追加" }).ClickAsync();
        await page.GetByLabel("免許・資格の名称").FillAsync("普通自動車第一種運転免許");
        await home.CheckPageAsync();
        await NextAsync(page, 5);

        // Red: a 職歴 that ends before it starts is refused next to its field and nothing is saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "職歴を追加" }).ClickAsync();
        await page.GetByLabel("入社年月").FillAsync("2015-04");
        await page.GetByLabel("退社年月").FillAsync("2014-03");
        await page.GetByLabel("事業所名").FillAsync("株式会社わかば物流");
        await page.GetByLabel("仕事の内容").FillAsync("入出荷の伝票処理");
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.GetByText("期間の終了日が開始日より前になっています。")).ToBeVisibleAsync();
        await home.CheckPageAsync();
        Assert.EndsWith("/jobseeker/application/5", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("退社年月").FillAsync("2019-03");
        await NextAsync(page, 6);
        await NextAsync(page, 7);
        await NextAsync(page, 8);
        await NextAsync(page, 9);

        await ChooseAsync(page, "ハローワーク", "ハローワーク飯田橋（窓口で完了）");
        await page.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        var receipt = (await page.GetByTestId("receipt-number").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}-\d{4}$", receipt);
        await home.CheckPageAsync();

        // At the counter of ハローワーク飯田橋: opened by the number, read instead of retyped, identity checked, one click.
        await using var counter = await PortalBrowser.OpenAsync(portal, chromium, "jobapp-counter");
        await counter.SignInAsync("staff1@example.jp");
        await counter.VisitAsync("/staff/applications");
        await counter.Page.GetByLabel("受付番号・氏名").FillAsync(receipt);
        await counter.Page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await counter.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/staff/applications/{receipt}");
        var summary = counter.Page.GetByTestId("application-summary");
        foreach (var typed in new[] { "窓口 花子", "090-2222-3333", "東京都文京区本郷2-2-2", "一般事務／経理事務", "2,400,000円", "都立青葉高等学校", "普通自動車第一種運転免許", "株式会社わかば物流" })
        {
            await Assertions.Expect(summary).ToContainTextAsync(typed);
        }
        await counter.CheckPageAsync();
        await counter.Page.GetByRole(AriaRole.Button, new() { Name = "求職登録を完了する" }).ClickAsync();
        await Assertions.Expect(counter.Page.GetByText("本人確認を行い、確認した書類を選んでください。").First).ToBeVisibleAsync(); // not checked: refused
        await counter.Page.GetByRole(AriaRole.Checkbox, new() { Name = "本人確認書類で本人であることを確認しました" }).CheckAsync();
        await ChooseAsync(counter.Page, "確認した書類", "運転免許証");
        await counter.Page.GetByRole(AriaRole.Button, new() { Name = "求職登録を完了する" }).ClickAsync();
        await Assertions.Expect(counter.Page.GetByTestId("completed")).ToContainTextAsync("窓口で登録完了（求職番号 13010-9");
        await counter.CheckPageAsync();

        // The person's page, still open at home, shows the registration live (LiveUpdates, R-LIVE-1).
        await Assertions.Expect(page.GetByTestId("application-status")).ToContainTextAsync("求職登録済みです（求職番号 13010-9");
        await home.CheckPageAsync();
    }

    [Fact]
    public async Task Where_the_office_completes_online_sending_the_form_issues_a_jobseeker_number_and_the_queue_shows_it_live_R_REG_2()
    {
        var (email, actor) = await NewJobseekerAsync("電子 一郎", "デンシ イチロウ");
        var applications = portal.Services.GetRequiredService<PreRegistrationService>();
        var office = await portal.QueryAsync(db => db.Offices.FirstAsync(o => o.Code == "27010", Ct));
        var supervisor = new Actor(Guid.NewGuid(), Roles.Staff, "統括", OfficeId: office.Id, IsSupervisor: true);
        await applications.SetOnlineCompletionAsync(supervisor, office.Id, true, Ct);
        try
        {
            await OnlineAsync(email, actor, applications);
        }
        finally
        {
            await applications.SetOnlineCompletionAsync(supervisor, office.Id, false, Ct); // other tests send to this office too
        }
    }

    private async Task OnlineAsync(string email, Actor actor, PreRegistrationService applications)
    {
        await ApplicationForms.FillAllStepsAsync(applications, actor, ApplicationForms.Filled(JapanTime.DateOf(DateTimeOffset.UtcNow)), Ct);

        await using var queue = await PortalBrowser.OpenAsync(portal, chromium, "jobapp-queue");
        await queue.SignInAsync("staff2@example.jp");
        await queue.VisitAsync("/staff/applications");

        await using var phone = await PortalBrowser.OpenAsync(portal, chromium, "jobapp-phone", 390, 844);
        await phone.SignInAsync(email, Registrations.GoodPassword);
        await phone.VisitAsync("/jobseeker/application/4");
        await phone.VisitAsync("/jobseeker/application/5");
        await phone.VisitAsync("/jobseeker/application");
        await ChooseAsync(phone.Page, "ハローワーク", "ハローワーク大阪東（オンラインで完了）");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByTestId("application-status")).ToContainTextAsync("求職登録済みです（求職番号 27010-9");
        var receipt = (await phone.Page.GetByTestId("receipt-number").InnerTextAsync()).Trim();
        await phone.CheckPageAsync();

        var row = queue.Page.GetByTestId("job-applications").GetByRole(AriaRole.Row).Filter(new() { HasText = receipt });
        await Assertions.Expect(row).ToContainTextAsync("オンラインで登録完了（求職番号 27010-9");
        await Assertions.Expect(row).ToContainTextAsync("電子 一郎");
        await queue.CheckPageAsync();
        var number = await portal.QueryAsync(db => db.Jobseekers.Where(j => j.Id == actor.JobseekerId).Select(j => j.JobseekerNumber).FirstAsync(Ct));
        Assert.StartsWith("27010-9", number);
    }
}
