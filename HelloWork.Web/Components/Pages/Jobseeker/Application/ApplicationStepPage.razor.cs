using HelloWork.Domain.Registration;
using HelloWork.Web.Accounts;
using HelloWork.Web.Components.Shared;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HelloWork.Web.Components.Pages.Jobseeker.Application;

/// <summary>
/// One of the 8 steps of the 求職申込書 online (R-REG-1), saved and resumed like the offer entry: 一時保存 keeps the step with required
/// entries still empty; 次へ needs them; a value wrong in itself is refused next to its field and nothing is saved (R-ERR-1); orange
/// findings are saved and confirmed before going on. The same steps change a completed registration later (R-ACC-2).
/// </summary>
public sealed partial class ApplicationStepPage
{
    private MyApplication? mine;
    private ApplicationFormModel? model;
    private readonly StepMessages messages = new();
    private List<string> warnings = [];
    private bool confirmed;
    private bool missingOnly;
    private int loadedStep;

    [Parameter]
    public int Step { get; set; }

    [Inject] private PreRegistrationService Applications { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<Ui> L { get; set; } = default!;
    [Inject] private IStringLocalizer<JobseekerText> T { get; set; } = default!;
    [Inject] private FormAction Form { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (!ApplicationSteps.IsStep(Step) || Step == loadedStep)
        {
            return;
        }
        mine = await Applications.ReadAsync(await CurrentActor.GetAsync());
        model = ApplicationFormModel.From(mine.Form);
        messages.Clear();
        warnings = [];
        confirmed = missingOnly = false;
        loadedStep = Step;
    }

    private async Task SaveAsync(bool finish)
    {
        messages.Clear();
        missingOnly = false;
        var (form, malformed) = model!.ToForm(mine!.Form);
        if (form is null)
        {
            foreach (var key in malformed)
            {
                messages.Error(key, T["App.MonthFormat"]);
            }
            Snackbar.Add(T["App.NotSaved"], Severity.Error);
            return;
        }
        StepSaveResult? result = null;
        var warningsShown = warnings.Count > 0;
        if (!await Form.RunAsync(async () => result = await Applications.SaveStepAsync(await CurrentActor.GetAsync(), Step, form, finish, warningsShown && confirmed)))
        {
            if (Form.Field is { } field)
            {
                messages.Error(field, Form.Error!);
            }
            return;
        }
        messages.Add(L, result!.Findings);
        warnings = [.. result.Findings.Where(f => f.Level == HelloWork.Domain.JobOffers.FindingLevel.Warning).Select(f => L.Text(f))];
        if (!result.Saved)
        {
            Snackbar.Add(T["App.NotSaved"], Severity.Error);
            return;
        }
        mine = await Applications.ReadAsync(await CurrentActor.GetAsync());
        missingOnly = messages.AnyErrors;
        if (finish && result.Done)
        {
            Snackbar.Add(T["App.StepSaved", T["App.Step." + Step]], Severity.Success);
            Navigation.NavigateTo(Step < ApplicationSteps.Count ? $"/jobseeker/application/{Step + 1}" : "/jobseeker/application");
        }
        else
        {
            Snackbar.Add(finish ? T["App.ConfirmWarningsFirst"] : T["App.Saved"], finish ? Severity.Warning : Severity.Success);
        }
    }
}
