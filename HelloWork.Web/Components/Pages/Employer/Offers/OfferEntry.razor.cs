using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Accounts;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;
using HelloWork.Web.Components.Pages.Employer.Shared;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HelloWork.Web.Components.Pages.Employer.Offers;

/// <summary>
/// One of the 8 entry screens of an offer (REFERENCE.md). Every step saves the draft through
/// <see cref="JobOfferService.SaveScreenAsync"/>: the form's own checks first, then the domain's; red findings go next to their
/// fields and nothing is saved; orange ones are confirmed by the employer before going on (R-JOB-1, R-ERR-1).
/// </summary>
public sealed partial class OfferEntry
{
    private PageState state = PageState.Loading;
    private OfferForEntry? offer;
    private SheetForm? form;
    private EditContext? editContext;
    private ValidationMessageStore? messages;
    private EntryFindings findings = EntryFindings.None;
    private bool confirmed;
    private bool needConfirm;
    private bool busy;
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
                form = offer is null ? null : SheetForm.From(offer.Sheet);
                state = offer is null ? PageState.NotFound : PageState.Ready;
            }
            catch (ScopeException)
            {
                state = PageState.Denied;
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
            confirmed = needConfirm = false;
            loadedScreen = Screen;
        }
    }

    private async Task SaveDraftAsync() => await SaveAsync();

    private async Task NextAsync()
    {
        if (!await SaveAsync())
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

    private async Task BackAsync()
    {
        if (await SaveAsync())
        {
            Navigation.NavigateTo($"/employer/offers/{Id}/edit/{Screen - 1}");
        }
    }

    /// <summary>Validates the form, then saves through the domain; red findings become field messages.</summary>
    private async Task<bool> SaveAsync()
    {
        messages!.Clear();
        if (!editContext!.Validate())
        {
            Snackbar.Add(E["NotSavedErrors"], Severity.Error);
            return false;
        }
        busy = true;
        try
        {
            var result = await OfferService.SaveScreenAsync(await CurrentActor.GetAsync(), Id, form!.ToSheet(), Screen);
            findings = new EntryFindings(result.Findings);
            foreach (var error in result.Errors)
            {
                var parts = error.Field.Split('.');
                if (parts.Length == 2 && form.Section(parts[0]) is { } section && section.GetType().GetProperty(parts[1]) is not null)
                {
                    messages.Add(new FieldIdentifier(section, parts[1]), L.Message(error.Code, error.Limit is { } limit ? [limit] : []));
                }
            }
            editContext.NotifyValidationStateChanged();
            Snackbar.Add(result.Saved ? E["Saved"] : E["NotSavedErrors"], result.Saved ? Severity.Success : Severity.Error);
            return result.Saved;
        }
        catch (DomainException e)
        {
            Snackbar.Add(L.Message(e), Severity.Error);
            return false;
        }
        catch (ScopeException)
        {
            state = PageState.Denied;
            return false;
        }
        finally
        {
            busy = false;
        }
    }
}
