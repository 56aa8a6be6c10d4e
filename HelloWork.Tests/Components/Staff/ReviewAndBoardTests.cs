using Bunit;
using HelloWork.Domain.Applications;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Web.Components.Pages.Staff;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelloWork.Tests.Components.Staff;

/// <summary>
/// Issue 25, R-UI-1, R-JOB-1, R-RES-4: the staff lists that grew into one endless page. The review queue shows ten offers a page, each
/// closed to a summary until opened, filtered by words; 受理・公開 asks once more and declining changes nothing. The referral board shows
/// twenty rows a page, filtered by words, and the proxy result form opens in a row of its own across the table, so the row's columns
/// keep their cells.
/// </summary>
public sealed class ReviewAndBoardTests : ComponentTest
{
    /// <summary>Submitted offers of employer1's establishment (office 1), the published sheet under new titles.</summary>
    private async Task<List<Guid>> SubmittedAsync(int count) => await World.WithDbAsync(async db =>
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var sheet = World.Offer1.Sheet with { Work = World.Offer1.Sheet.Work with { JobTitle = $"審査待ち{i + 1:00}番" } };
            var offer = new JobOffer(World.Establishment1.Id, OfferChannel.Online, sheet, World.Now.AddMinutes(i));
            offer.Submit(World.Now.AddMinutes(i));
            db.JobOffers.Add(offer);
            ids.Add(offer.Id);
        }
        await db.SaveChangesAsync(Ct);
        return ids;
    });

    private static IReadOnlyList<string> Titles(IRenderedComponent<Review> cut) => [.. cut.FindAll(".hw-review-card h3").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task The_queue_shows_ten_closed_summaries_a_page_and_filters_by_words()
    {
        await SubmittedAsync(13);
        SignIn(World.StaffActor1);

        var cut = Show<Review>();

        cut.WaitForAssertion(() => Assert.Equal(Review.PageSize, Titles(cut).Count));
        Assert.Equal("審査待ち01番", Titles(cut)[0]); // oldest first
        Assert.Empty(cut.FindAll(".sheet-findings")); // closed: a summary, not 13 sheets
        Assert.Equal(Review.PageSize, cut.FindAll("[data-testid=review-summary]").Count);

        cut.FindAll(".mud-pagination button").Single(b => b.TextContent.Trim() == "2").Click();
        cut.WaitForAssertion(() => Assert.Equal(["審査待ち11番", "審査待ち12番", "審査待ち13番"], Titles(cut).Where(t => t.StartsWith("審査待ち", StringComparison.Ordinal))));

        cut.Find(".hw-review-filter input").Input("07番");
        cut.WaitForAssertion(() => Assert.Equal(["審査待ち07番"], Titles(cut)));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<StaffText>("OpenReview")).Click();
        Assert.Single(cut.FindAll(".sheet-findings"));
    }

    [Fact]
    public async Task Accepting_asks_first_and_declining_leaves_the_offer_waiting()
    {
        var id = (await SubmittedAsync(1))[0];
        SignIn(World.StaffActor1);
        var dialogs = Show<MudDialogProvider>();
        var cut = Show<Review>();
        cut.WaitForAssertion(() => Assert.Contains("審査待ち01番", Titles(cut)));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<StaffText>("OpenReview")).Click();

        var click = cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<StaffText>("Accept")).ClickAsync(new());
        var dialog = dialogs.WaitForElement(".mud-dialog");
        Assert.Contains("審査待ち01番", dialog.TextContent, StringComparison.Ordinal);
        await dialog.QuerySelectorAll("button").First(b => b.TextContent.Trim() == Text<StaffText>("CancelEntry")).ClickAsync(new());
        await click;

        var stored = await World.WithDbAsync(db => db.JobOffers.AsNoTracking().SingleAsync(o => o.Id == id, Ct));
        Assert.Equal(OfferStatus.Submitted, stored.Status);
        Assert.Null(stored.JobNumber);

        click = cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<StaffText>("Accept")).ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button").Last(b => b.TextContent.Trim() == Text<StaffText>("Accept")).ClickAsync(new());
        await click;

        stored = await World.WithDbAsync(db => db.JobOffers.AsNoTracking().SingleAsync(o => o.Id == id, Ct));
        Assert.Equal(OfferStatus.Published, stored.Status);
    }

    private static BoardRow Row(int i, BoardState state = BoardState.AwaitingApplication, Guid? applicationId = null) =>
        new(Guid.NewGuid(), ReferralKind.Online, state, $"13010-{i:00000000}", $"職種{i:00}", "株式会社みらい商事", $"求職者{i:00}", "高橋",
            DateTimeOffset.UtcNow.AddMinutes(-i), DateTimeOffset.UtcNow.AddDays(3), state == BoardState.Applied ? DateTimeOffset.UtcNow : null, applicationId,
            state == BoardState.Applied ? ApplicationStatus.InSelection : null, null, null, OfferOfThisOffice: true);

    private static IReadOnlyList<AngleSharp.Dom.IElement> DataRows(IRenderedComponent<BoardTable> cut) =>
        [.. cut.FindAll("tbody tr").Where(r => r.QuerySelector("td[data-label]") is not null)];

    [Fact]
    public void The_board_shows_twenty_rows_a_page_and_filters_by_words()
    {
        var rows = Enumerable.Range(1, 45).Select(i => Row(i)).ToList();

        var cut = Show<BoardTable>(p => p.Add(x => x.Rows, rows).Add(x => x.Actor, World.StaffActor1));

        Assert.Equal(20, DataRows(cut).Count);
        cut.Find(".hw-board-filter input").Input("求職者07");
        cut.WaitForAssertion(() => Assert.Equal(["求職者07"], DataRows(cut).Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim())));
        Assert.True(BoardTable.Matches(rows[6], "13010-00000007　職種07"));
        Assert.False(BoardTable.Matches(rows[6], "職種08"));
    }

    [Fact]
    public void The_proxy_result_form_opens_in_a_row_of_its_own_across_the_table()
    {
        var rows = new List<BoardRow> { Row(1, BoardState.Applied, Guid.NewGuid()), Row(2) };
        var cut = Show<BoardTable>(p => p.Add(x => x.Rows, rows).Add(x => x.Actor, World.StaffActor1));
        var cells = DataRows(cut)[0].QuerySelectorAll("td").Length;

        cut.FindAll("button").Single(b => b.TextContent.Trim() == Text<StaffText>("EnterResult")).Click();

        var entry = cut.Find("[data-testid=proxy-result]");
        var cell = entry.Closest("td")!;
        Assert.Equal(cells.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetAttribute("colspan"));
        Assert.Equal(cells, DataRows(cut)[0].QuerySelectorAll("td").Length);
        Assert.Null(DataRows(cut)[0].QuerySelector("[data-testid=proxy-result]"));
    }
}
