using AngleSharp.Dom;
using Bunit;
using HelloWork.Domain.Applications;
using HelloWork.Web.Components.Pages.Employer.Applicants;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelloWork.Tests.Components.Employer;

/// <summary>
/// 選考結果登録 (R-RES-1..3): 採否 with a hiring date or a reason code from the one list (R-RES-2), 相違 with what differs, the warning that
/// the documents go (R-DOC-1) confirmed before anything is saved; the domain's refusals land next to their fields and save nothing;
/// a registered result, a cancelled application and a passed deadline each show instead of the form. R-UI-1, R-ERR-1.
/// </summary>
public sealed class ResultFormTests : ComponentTest
{
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    private async Task<Guid> ApplyAsync() =>
        await World.Applications.ApplyAsync(World.JobseekerActor2,
            new ApplyInput(World.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

    private async Task<ApplicantDetail> DetailAsync(Guid id) => (await new EmployerApplicants(World.Ops).DetailAsync(World.EmployerActor1, id, Ct))!;

    private Task<HelloWork.Domain.Applications.Application> StoredAsync(Guid id) =>
        World.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == id, Ct));

    private async Task<IRenderedComponent<ResultForm>> ShowFormAsync(Guid id, Action? registered = null)
    {
        SignIn(World.EmployerActor1);
        dialogs = Show<MudDialogProvider>();
        var detail = await DetailAsync(id);
        return Show<ResultForm>(p => p.Add(x => x.Detail, detail).Add(x => x.Registered, () => registered?.Invoke()));
    }

    private static void Choose(IRenderedComponent<ResultForm> cut, string label) =>
        cut.FindAll("label").First(l => l.QuerySelector("input[type=radio]") is not null && l.TextContent.Trim() == label)
            .QuerySelector("input[type=radio]")!.Click();

    private static IElement Field(IRenderedComponent<ResultForm> cut, string label) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Contains(label, StringComparison.Ordinal) == true);

    private static string? ErrorOf(IElement field) => ErrorUnder(field);

    /// <summary>Submits and answers the confirmation: the submit handler waits for the dialog, so it completes only after the click.</summary>
    private async Task SubmitAndAnswerAsync(IRenderedComponent<ResultForm> cut, string answer)
    {
        var submitted = cut.Find("form").SubmitAsync();
        await dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button")
            .First(b => b.TextContent.Contains(Text<EmployerText>(answer), StringComparison.Ordinal)).ClickAsync(new());
        await submitted;
    }

    private Task SubmitAndConfirmAsync(IRenderedComponent<ResultForm> cut) => SubmitAndAnswerAsync(cut, "RegisterResult");

    [Fact]
    public async Task The_form_asks_outcome_and_discrepancy_and_warns_that_the_documents_go()
    {
        var cut = await ShowFormAsync(await ApplyAsync());

        Assert.Contains(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Assert.Contains(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("Enum.ResultOutcome.NotHired"));
        Assert.Contains(Text<EmployerText>("DocumentsWillBeDeleted"), cut.Find(".mud-alert-text-warning, .mud-alert").TextContent, StringComparison.Ordinal);
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Assert.Contains(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("DiscrepancyNone"));
        Assert.Contains(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("DiscrepancySome"));
    }

    /// <summary>R-RES-1, REFERENCE.md (issue 25): the real 採否連絡票 asks 相違 有／無 for 採用 only; for 不採用 it is not asked.</summary>
    [Fact]
    public async Task The_discrepancy_is_asked_for_hired_only()
    {
        var cut = await ShowFormAsync(await ApplyAsync());
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("DiscrepancyNone"));

        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.NotHired"));

        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("DiscrepancyNone"));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == Text<EmployerText>("DiscrepancySome"));
    }

    [Fact]
    public async Task Not_hired_asks_the_reason_and_hired_asks_the_date()
    {
        var cut = await ShowFormAsync(await ApplyAsync());

        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.NotHired"));
        Assert.NotNull(Field(cut, Text<EmployerText>("Reason")));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Contains(Text<EmployerText>("HiringDate"), StringComparison.Ordinal));

        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Assert.NotNull(Field(cut, Text<EmployerText>("HiringDate")));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Contains(Text<EmployerText>("Reason"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_discrepancy_asks_what_differs()
    {
        var cut = await ShowFormAsync(await ApplyAsync());
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Choose(cut, Text<EmployerText>("DiscrepancyNone"));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Contains(Text<EmployerText>("DiscrepancyNote"), StringComparison.Ordinal));

        Choose(cut, Text<EmployerText>("DiscrepancySome"));

        Assert.NotNull(Field(cut, Text<EmployerText>("DiscrepancyNote")));
    }

    [Fact]
    public async Task The_reason_list_is_the_one_list_of_reason_codes()
    {
        var cut = await ShowFormAsync(await ApplyAsync());
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.NotHired"));

        var select = cut.FindComponent<MudSelect<int?>>();
        var items = cut.FindComponents<MudSelectItem<int?>>();

        Assert.Equal(Text<EmployerText>("Reason"), select.Instance.Label);
        Assert.Equal(SelectionReasons.All.Select(r => (int?)r.Code), items.Select(i => i.Instance.Value));
    }

    [Fact]
    public async Task Nothing_chosen_is_refused_by_the_form_before_any_confirmation()
    {
        var id = await ApplyAsync();
        var cut = await ShowFormAsync(id);

        await cut.Find("form").SubmitAsync();

        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Contains(cut.FindAll(".mud-input-control"), c => ErrorUnder(c) is not null);
        Assert.Equal(ApplicationStatus.InSelection, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Not_hired_without_a_reason_is_refused_next_to_the_reason_and_nothing_is_saved()
    {
        var id = await ApplyAsync();
        var cut = await ShowFormAsync(id);
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.NotHired"));

        await cut.Find("form").SubmitAsync();

        // R-ERR-1 (issue 25): marked next to the reason by the form itself, before any confirmation is asked.
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        cut.WaitForAssertion(() => Assert.Equal(Text<Ui>("Error.ReasonRequired"), ErrorOf(Field(cut, Text<EmployerText>("Reason")))));
        Assert.Equal(ApplicationStatus.InSelection, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_discrepancy_without_what_differs_is_refused_next_to_the_note()
    {
        var id = await ApplyAsync();
        var cut = await ShowFormAsync(id);
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Enter(Field(cut, Text<EmployerText>("HiringDate")).QuerySelector("input")!, "2026/12/01");
        Choose(cut, Text<EmployerText>("DiscrepancySome"));

        await SubmitAndConfirmAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal(Text<Ui>("Error.DiscrepancyNeedsNote"), ErrorOf(Field(cut, Text<EmployerText>("DiscrepancyNote")))));
        Assert.Equal(ApplicationStatus.InSelection, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Hired_with_a_date_and_a_discrepancy_is_registered_after_the_confirmation()
    {
        var id = await ApplyAsync();
        var registered = 0;
        var cut = await ShowFormAsync(id, () => registered++);
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Enter(Field(cut, Text<EmployerText>("HiringDate")).QuerySelector("input")!, "2026/12/01");
        Choose(cut, Text<EmployerText>("DiscrepancySome"));
        Enter(Field(cut, Text<EmployerText>("DiscrepancyNote")).QuerySelector("textarea")!, "勤務時間が求人票と異なる");

        await SubmitAndConfirmAsync(cut);

        cut.WaitForAssertion(() => Assert.Equal(1, registered));
        var stored = await StoredAsync(id);
        Assert.Equal(ApplicationStatus.Hired, stored.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), stored.HiringDate);
        Assert.True(stored.Discrepancy);
        Assert.Equal("勤務時間が求人票と異なる", stored.DiscrepancyNote);
    }

    [Fact]
    public async Task Declining_the_confirmation_saves_nothing()
    {
        var id = await ApplyAsync();
        var cut = await ShowFormAsync(id);
        Choose(cut, Text<EmployerText>("Enum.ResultOutcome.Hired"));
        Enter(Field(cut, Text<EmployerText>("HiringDate")).QuerySelector("input")!, "2026/12/01");
        Choose(cut, Text<EmployerText>("DiscrepancyNone"));

        await SubmitAndAnswerAsync(cut, "Cancel");

        Assert.Equal(ApplicationStatus.InSelection, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task A_registered_result_shows_its_reason_code_and_text_instead_of_the_form()
    {
        var id = await ApplyAsync();
        var reason = SelectionReasons.All[1];
        await World.Applications.RegisterResultAsync(World.EmployerActor1, id, new ResultInput(ResultOutcome.NotHired, reason.Code, false, null, null), Ct);

        var cut = await ShowFormAsync(id);

        Assert.Empty(cut.FindAll("form"));
        Assert.Contains($"{reason.Code} {reason.Japanese}", cut.Find("dl.hw-facts").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Text<EmployerText>("Discrepancy"), cut.Find("dl.hw-facts").TextContent, StringComparison.Ordinal); // 相違 is 採用's
    }

    [Fact]
    public async Task A_cancelled_application_says_so_instead_of_the_form()
    {
        var id = await ApplyAsync();
        await World.Applications.CancelAsync(World.JobseekerActor2, id, Ct);

        var cut = await ShowFormAsync(id);

        Assert.Empty(cut.FindAll("form"));
        Assert.Contains(Text<EmployerText>("ApplicationWasCancelled"), cut.Markup, StringComparison.Ordinal);
    }
}
