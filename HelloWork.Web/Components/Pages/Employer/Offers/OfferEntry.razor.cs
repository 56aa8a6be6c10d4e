using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Accounts;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;
using HelloWork.Web.Components.Pages.Employer.Shared;
using HelloWork.Web.Components.Shared;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HelloWork.Web.Components.Pages.Employer.Offers;

/// <summary>
/// One of the 8 entry screens of an offer (REFERENCE.md). 一時保存 (and 戻る) keep the screen as a draft even while required entries are
/// empty, listing them for information; 次へ checks the screen fully through <see cref="JobOfferService.SaveScreenAsync"/>. Either way
/// the form's own checks come first, then the domain's; refusing findings go next to their fields and nothing is saved; orange ones
/// are confirmed by the employer before going on (R-JOB-1, R-ERR-1).
/// </summary>
public sealed partial class OfferEntry
{
    private PageState state = PageState.Loading;
    private OfferForEntry? offer;
    private SheetForm? form;
    private EditContext? editContext;
    private ValidationMessageStore? messages;
    private EntryFindings findings = EntryFindings.None;
    private HelloWork.Domain.JobOffers.Law.MinimumWageTable lawTable = HelloWork.Domain.JobOffers.Law.MinimumWageTable.Shipped;
    private readonly EntryInputs inputs = new();
    private bool confirmed;
    private bool needConfirm;
    private bool draftFindings;
    private Guid loadedId;
    private int loadedScreen;

    [Parameter]
    public Guid Id { get; set; }

    [Parameter]
    public int Screen { get; set; }

    [Inject] private EmployerOffers Offers { get; set; } = default!;
    [Inject] private JobOfferService OfferService { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<Ui> L { get; set; } = default!;
    [Inject] private HelloWork.Domain.JobOffers.Law.MinimumWages MinimumWages { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private FormAction Form { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (Screen is < 1 or > EmployerOffers.EntryScreens)
        {
            state = PageState.NotFound;
            return;
        }
        if (Id != loadedId)
        {
            state = PageState.Loading;
            try
            {
                offer = await Offers.GetAsync(await CurrentActor.GetAsync(), Id);
                lawTable = await MinimumWages.TableAsync();
                form = offer is null ? null : SheetForm.From(offer.Sheet);
                state = offer is null ? PageState.NotFound : PageState.Ready;
            }
            catch (ScopeException)
            {
                state = PageState.NotFound; // another establishment's offer and a missing one look the same (R-ACC-4)
            }
            loadedId = Id;
            loadedScreen = 0;
        }
        if (form is not null && Screen != loadedScreen)
        {
            editContext = new EditContext(form.Section(Screen));
            messages = new ValidationMessageStore(editContext);
            editContext.OnFieldChanged += (_, e) => messages.Clear(e.FieldIdentifier);
            findings = EntryFindings.None;
            inputs.Clear();
            confirmed = needConfirm = draftFindings = false;
            loadedScreen = Screen;
        }
    }

    /// <summary>一時保存: keeps what was typed even with required entries still empty (they are listed for information); a value wrong in
    /// itself is refused next to its field and nothing is saved (R-JOB-1, R-ERR-1).</summary>
    private async Task SaveDraftAsync() => await SaveAsync(draft: true);

    /// <summary>次へ: the full check of the screen; with anything missing or wrong the step stays and shows the red messages.</summary>
    private async Task NextAsync()
    {
        if (!await SaveAsync(draft: false))
        {
            return;
        }
        if (findings.All.Any(f => f.Level == FindingLevel.Warning) && !confirmed)
        {
            needConfirm = true;
            return;
        }
        Navigation.NavigateTo(Screen < EmployerOffers.EntryScreens ? $"/employer/offers/{Id}/edit/{Screen + 1}" : $"/employer/offers/{Id}");
    }

    /// <summary>戻る keeps the screen as a draft, so going back never loses what was typed nor waits for the missing entries.</summary>
    private async Task BackAsync()
    {
        if (await SaveAsync(draft: true))
        {
            Navigation.NavigateTo($"/employer/offers/{Id}/edit/{Screen - 1}");
        }
    }

    /// <summary>Checks the form, then saves through the domain: as a draft (<see cref="JobOfferService.SaveDraftAsync"/>) or as a
    /// finished step (<see cref="JobOfferService.SaveScreenAsync"/>). Refusing findings become field messages.</summary>
    private async Task<bool> SaveAsync(bool draft)
    {
        messages!.Clear();
        draftFindings = draft;
        var prefix = SheetForm.Prefixes[Screen - 1];
        var malformed = inputs.MalformedIn(prefix).ToList();
        if (malformed.Count > 0)
        {
            // A typed time that is no time: its input still holds the old value, which must not be saved as if it were the new one.
            foreach (var property in malformed)
            {
                messages.Add(new FieldIdentifier(form!.Section(Screen), property), L["Error.TimeFormat"]);
            }
            editContext!.NotifyValidationStateChanged();
            return Refused([.. malformed.Select(p => new Finding(FindingLevel.Error, $"{prefix}.{p}", "TimeFormat"))]);
        }
        if (draft)
        {
            var section = form!.Section(Screen);
            var wrong = DraftRules.WrongInItself(section).ToList();
            foreach (var (property, message) in wrong)
            {
                messages.Add(new FieldIdentifier(section, property), message);
            }
            editContext!.NotifyValidationStateChanged();
            if (wrong.Count > 0)
            {
                return Refused();
            }
        }
        else if (!editContext!.Validate())
        {
            return Refused();
        }
        ScreenSaveResult? result = null;
        if (!await Form.RunAsync(async () => result = draft
                ? await OfferService.SaveDraftAsync(await CurrentActor.GetAsync(), Id, form!.ToSheet(), Screen)
                : await OfferService.SaveScreenAsync(await CurrentActor.GetAsync(), Id, form!.ToSheet(), Screen)))
        {
            // Another establishment's offer and a missing one look the same (R-ACC-4); any other refusal is said.
            if (Form.OutOfScope)
            {
                state = PageState.NotFound;
            }
            else if (Form.Error is { } refusal)
            {
                Snackbar.Add(refusal, Severity.Error);
            }
            return false;
        }
        findings = new EntryFindings(result!.Findings);
        foreach (var error in draft ? result.Wrong : result.Errors)
        {
            var parts = error.Field.Split('.');
            if (parts.Length == 2 && form!.Section(parts[0]) is { } section && section.GetType().GetProperty(parts[1]) is not null)
            {
                messages.Add(new FieldIdentifier(section, parts[1]), L.Text(error));
            }
        }
        editContext.NotifyValidationStateChanged();
        if (!result.Saved)
        {
            Snackbar.Add(E["NotSavedErrors"], Severity.Error);
        }
        else
        {
            Snackbar.Add(draft ? E["Saved"] : E["StepSaved", E["Screen." + Screen]], Severity.Success);
        }
        return result.Saved;
    }

    /// <summary>The form's own checks refused: the summary still lists the screen's findings, so the employer sees everything at once.</summary>
    private bool Refused(IReadOnlyList<Finding>? more = null)
    {
        findings = new EntryFindings([.. more ?? [], .. JobOfferService.ChecksForScreen(form!.ToSheet(), Screen,
            HelloWork.Domain.JobOffers.Law.LawContext.On(Clock.Today(), lawTable))]);
        Snackbar.Add(E["NotSavedErrors"], Severity.Error);
        return false;
    }
}
