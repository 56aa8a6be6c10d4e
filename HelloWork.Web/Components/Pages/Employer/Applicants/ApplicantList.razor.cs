using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HelloWork.Web.Components.Pages.Employer.Applicants;

/// <summary>
/// 応募者管理 (R-APP-2): server-side paging, sorting and filtering over the establishment's applicants, select-all, and live:
/// a new application or a cancellation reloads the visible page, marks the row and says what happened (R-LIVE-1, R-CAN-1).
/// </summary>
public sealed partial class ApplicantList
{
    private MudDataGrid<EmployerApplicantRow>? grid;
    private EmployerApplicantQuery filter = new();
    private List<OfferChoice>? offers;
    private HashSet<EmployerApplicantRow> selected = [];
    private readonly HashSet<Guid> fresh = [];
    private int total;
    private Actor? actor;
    private IDisposable? subscription;

    /// <summary>Preselects an offer, from the offer list's applicant counts.</summary>
    [SupplyParameterFromQuery(Name = "offer")]
    public Guid? OfferId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentActor.GetAsync();
        filter = filter with { OfferId = OfferId };
        offers = await Applicants.OffersAsync(actor);
        subscription = Bus.Subscribe(Recipients.Establishment(actor.RequireEstablishment()), OnNoticeAsync);
    }

    private async Task<GridData<EmployerApplicantRow>> LoadAsync(GridState<EmployerApplicantRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = filter with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            Sort = sort?.SortBy switch
            {
                nameof(EmployerApplicantRow.Status) => EmployerApplicantSort.Status,
                nameof(EmployerApplicantRow.Name) => EmployerApplicantSort.Name,
                nameof(EmployerApplicantRow.Method) => EmployerApplicantSort.Method,
                nameof(EmployerApplicantRow.OfferTitle) => EmployerApplicantSort.Offer,
                nameof(EmployerApplicantRow.ResultRegisteredAt) => EmployerApplicantSort.ResultRegisteredAt,
                _ => EmployerApplicantSort.AppliedAt,
            },
            Descending = sort?.Descending ?? true,
        };
        var page = await Applicants.PageAsync(actor!, query, ct);
        total = page.Total;
        _ = InvokeAsync(StateHasChanged);
        return new GridData<EmployerApplicantRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task FilterAsync(EmployerApplicantQuery changed)
    {
        filter = changed;
        selected = [];
        await grid!.ReloadServerData();
    }

    private Task OnNoticeAsync(LiveNotice notice) => InvokeAsync(async () =>
    {
        if (notice.Kind is not (NoticeKind.ApplicationReceived or NoticeKind.ApplicationCancelled or NoticeKind.MessageReceived))
        {
            return;
        }
        if (notice.SubjectId is { } id && notice.Kind != NoticeKind.MessageReceived)
        {
            fresh.Add(id);
            if (grid is not null)
            {
                await grid.ReloadServerData();
            }
        }
        Snackbar.Add($"{notice.Title}：{notice.Body}", notice.Kind == NoticeKind.ApplicationCancelled ? Severity.Warning : Severity.Info,
            o => o.OnClick = _ => { Navigation.NavigateTo(notice.Link ?? "/employer/applicants"); return Task.CompletedTask; });
        StateHasChanged();
    });

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    public void Dispose() => subscription?.Dispose();
}
