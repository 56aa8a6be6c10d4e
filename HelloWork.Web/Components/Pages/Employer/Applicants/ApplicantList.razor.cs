using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Web.Components.Shared;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HelloWork.Web.Components.Pages.Employer.Applicants;

/// <summary>
/// 応募者管理 (R-APP-2): server-side paging, sorting and filtering over the establishment's applicants through
/// <see cref="Domain.Applications.ApplicantQueries"/> (the query the benchmark measures), select-all with a bulk CSV of the selected rows,
/// and live: a new application or a cancellation reloads the visible page, marks the row and says what happened (R-LIVE-1, R-CAN-1).
/// </summary>
public sealed partial class ApplicantList
{
    private MudDataGrid<ApplicantRow>? grid;
    private ApplicantQuery filter = new() { PageSize = 20 };
    private List<OfferChoice>? offers;
    private HashSet<ApplicantRow> selected = [];
    private readonly HashSet<Guid> fresh = [];
    private int total;
    private Actor? actor;

    /// <summary>Preselects an offer, from the offer list's applicant counts.</summary>
    [SupplyParameterFromQuery(Name = "offer")]
    public Guid? OfferId { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private FormAction Form { get; set; } = default!;

    /// <summary>The CSV of the selected rows (<c>ApplicantExportEndpoints</c>): the ids only; the server checks each one is ours.</summary>
    private string ExportHref => "/employer/applicants.csv?ids=" + string.Join(',', selected.Select(r => r.ApplicationId.ToString("N")));

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentActor.GetAsync();
        filter = filter with { JobOfferId = OfferId };
        offers = await Applicants.OffersAsync(actor);
    }

    private async Task<GridData<ApplicantRow>> LoadAsync(GridState<ApplicantRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = filter with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            Sort = sort?.SortBy switch
            {
                nameof(ApplicantRow.Status) => ApplicantSort.Status,
                nameof(ApplicantRow.ApplicantName) => ApplicantSort.Name,
                nameof(ApplicantRow.ResultRegisteredAt) => ApplicantSort.ResultRegisteredAt,
                _ => ApplicantSort.AppliedAt,
            },
            Descending = sort?.Descending ?? true,
        };
        // A refused filter (a reversed date range) is said above the grid, with nothing listed rather than a wrong list (R-ERR-1).
        var page = await Form.QueryAsync<ApplicantPage?>(async () => await Applicants.QueryAsync(actor!, actor!.RequireEstablishment(), query, ct), null);
        total = page?.TotalCount ?? 0;
        _ = InvokeAsync(StateHasChanged);
        return new GridData<ApplicantRow> { Items = page?.Rows ?? [], TotalItems = total };
    }

    private async Task FilterAsync(ApplicantQuery changed)
    {
        filter = changed;
        selected = [];
        await grid!.ReloadServerData();
    }

    /// <summary>Runs on the page's circuit through <c>LiveUpdates</c>, once per notice, also for those caught up after a reconnect.</summary>
    private async Task OnNoticeAsync(LiveNotice notice)
    {
        if (notice.SubjectId is { } id && notice.Kind != NoticeKind.MessageReceived)
        {
            fresh.Add(id);
        }
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
        if (!notice.IsReadSignal)
        {
            var text = Renderer.Render(notice);
            Snackbar.Add($"{text.Title}：{text.Body}", notice.Kind == NoticeKind.ApplicationCancelled ? Severity.Warning : Severity.Info,
                o => o.OnClick = _ => { Navigation.NavigateTo(text.Link ?? "/employer/applicants"); return Task.CompletedTask; });
        }
        StateHasChanged();
    }
}
