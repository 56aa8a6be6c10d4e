using System.Globalization;
using System.Text;
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
    /// <summary>Rows a page, to choose from.</summary>
    public static readonly int[] PageSizes = [20, 50, 100];

    private ApplicantQuery filter = new() { PageSize = 20 };
    private List<OfferChoice>? offers;
    private IReadOnlyList<ApplicantRow> rows = [];
    private bool loaded;
    private readonly HashSet<Guid> selected = [];
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
    private string ExportHref => "/employer/applicants.csv?ids=" + string.Join(',', selected.Select(id => id.ToString("N")));

    private bool AllOnPageSelected => rows.Count > 0 && rows.All(r => selected.Contains(r.ApplicationId));

    private string PageInfo => rows.Count == 0
        ? E["PageInfo", 0, 0, total]
        : E["PageInfo", filter.Page * filter.PageSize + 1, filter.Page * filter.PageSize + rows.Count, total];

    protected override async Task OnInitializedAsync()
    {
        actor = await CurrentActor.GetAsync();
        filter = filter with { JobOfferId = OfferId };
        offers = await Applicants.OffersAsync(actor);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // A refused filter (a reversed date range) is said above the list, with nothing listed rather than a wrong list (R-ERR-1).
        var page = await Form.QueryAsync<ApplicantPage?>(async () => await Applicants.QueryAsync(actor!, actor!.RequireEstablishment(), filter), null);
        rows = page?.Rows ?? [];
        total = page?.TotalCount ?? 0;
        loaded = true;
        if (rows.Count == 0 && filter.Page > 0 && total > 0)
        {
            // The last page emptied under us (cancellations elsewhere): show the page that now is the last.
            filter = filter with { Page = (total - 1) / filter.PageSize };
            await LoadAsync();
        }
    }

    private async Task FilterAsync(ApplicantQuery changed)
    {
        filter = changed with { Page = 0 };
        selected.Clear();
        await LoadAsync();
    }

    private Task SortAsync(ApplicantSort sort)
    {
        // Dates start newest first, names and statuses in their order; a second click on the same column turns it round.
        var descending = filter.Sort == sort ? !filter.Descending : sort is ApplicantSort.AppliedAt or ApplicantSort.ResultRegisteredAt;
        filter = filter with { Sort = sort, Descending = descending, Page = 0 };
        return LoadAsync();
    }

    private Task GoToAsync(int page)
    {
        filter = filter with { Page = Math.Max(0, page) };
        return LoadAsync();
    }

    private Task PageSizeAsync(ChangeEventArgs e)
    {
        var size = int.TryParse(e.Value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && PageSizes.Contains(n) ? n : PageSizes[0];
        filter = filter with { PageSize = size, Page = 0 };
        return LoadAsync();
    }

    private void SelectPage(ChangeEventArgs e) => Select(rows.Select(r => r.ApplicationId), e);

    private void Select(Guid id, ChangeEventArgs e) => Select([id], e);

    private void Select(IEnumerable<Guid> ids, ChangeEventArgs e)
    {
        foreach (var id in ids)
        {
            if (e.Value is true)
            {
                selected.Add(id);
            }
            else
            {
                selected.Remove(id);
            }
        }
    }

    private string? AriaSort(ApplicantSort sort) => filter.Sort != sort ? null : filter.Descending ? "descending" : "ascending";

    private MarkupString SortMark(ApplicantSort sort) => filter.Sort != sort
        ? default
        : MudMarkup.Icon(filter.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward, "mud-icon-size-small hw-sort-mark");

    private MarkupString NameCell(ApplicantRow row)
    {
        var html = new StringBuilder();
        html.Append("<a href=\"/employer/applicants/").Append(row.ApplicationId).Append("\" class=\"mud-typography mud-link mud-primary-text mud-link-underline-always hw-name\">")
            .Append(MudMarkup.Html.Encode(row.ApplicantName)).Append("</a><span class=\"hw-kana hw-name\">").Append(MudMarkup.Html.Encode(row.ApplicantKana)).Append("</span>");
        if (row.UnreadMessages)
        {
            MudMarkup.AppendChip(html, E["Unread"], "mud-chip-filled mud-chip-size-small mud-chip-color-warning ml-0", ("data-testid", "unread-mark"), ("title", E["UnreadMessageMark"]));
        }
        return new MarkupString(html.ToString());
    }

    private static readonly MarkupString NoDate = new("—");

    /// <summary>A date and time in Japan time on two short lines, so the date columns stay narrow (1280-px window, R-UI-1).</summary>
    private static MarkupString DateCell(DateTimeOffset at)
    {
        var jst = JapanTime.ToJapan(at);
        return new MarkupString($"<span class=\"hw-date\">{jst.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}</span><span class=\"hw-time\">{jst.ToString("HH:mm", CultureInfo.InvariantCulture)}</span>");
    }

    /// <summary>Runs on the page's circuit through <c>LiveUpdates</c>, once per notice, also for those caught up after a reconnect.</summary>
    private async Task OnNoticeAsync(LiveNotice notice)
    {
        if (notice.SubjectId is { } id && notice.Kind != NoticeKind.MessageReceived)
        {
            fresh.Add(id);
        }
        await LoadAsync();
        if (!notice.IsReadSignal)
        {
            var text = Renderer.Render(notice);
            Snackbar.Add($"{text.Title}：{text.Body}", notice.Kind == NoticeKind.ApplicationCancelled ? Severity.Warning : Severity.Info,
                o => o.OnClick = _ => { Navigation.NavigateTo(text.Link ?? "/employer/applicants"); return Task.CompletedTask; });
        }
    }
}
