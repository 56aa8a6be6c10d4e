using Bunit;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Components.Pages.Employer.Offers;
using HelloWork.Web.Resources;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace HelloWork.Tests.Components.Employer;

/// <summary>
/// Issue 25, R-UI-1, R-JOB-1, R-JOB-3, R-ACC-4, R-ERR-1: extending and stopping an offer are buttons in sight, not items of a ⋮ menu; a
/// draft never submitted has a delete button that asks first; declining keeps the draft; another establishment's draft is refused and
/// stays.
/// </summary>
public sealed class OfferActionsTests : ComponentTest
{
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    private IRenderedComponent<OfferActions> ShowActions(Guid offerId, bool published, Action? deleted = null)
    {
        dialogs = Show<MudDialogProvider>();
        return Show<OfferActions>(p => p.Add(x => x.OfferId, offerId).Add(x => x.Title, "経理事務")
            .Add(x => x.CanClose, published).Add(x => x.CanExtend, published).Add(x => x.CanDelete, !published)
            .Add(x => x.Deleted, () => deleted?.Invoke()));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<OfferActions> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private async Task AnswerAsync(string answer) =>
        await dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button")
            .First(b => b.TextContent.Contains(answer, StringComparison.Ordinal)).ClickAsync(new());

    private Task<bool> ExistsAsync(Guid id) => World.WithDbAsync(db => db.JobOffers.AnyAsync(o => o.Id == id, Ct));

    [Fact]
    public void A_published_offer_shows_extend_filled_and_stop_as_buttons_outside_the_menu()
    {
        SignIn(World.EmployerActor1);

        var cut = ShowActions(World.Offer1.Id, published: true);

        foreach (var key in new[] { "ExtendOneMonth", "MarkFilled", "StopRecruiting" })
        {
            var button = Button(cut, Text<EmployerText>(key));
            Assert.Null(button.Closest(".mud-menu, .mud-popover"));
        }
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == Text<EmployerText>("DeleteDraft"));
    }

    [Fact]
    public async Task Deleting_a_draft_asks_first_and_declining_keeps_it()
    {
        SignIn(World.EmployerActor1);
        var draft = await new JobOfferService(World.Ops).CreateDraftAsync(World.EmployerActor1, ct: Ct);
        var deleted = 0;
        var cut = ShowActions(draft, published: false, () => deleted++);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == Text<EmployerText>("StopRecruiting"));

        var click = Button(cut, Text<EmployerText>("DeleteDraft")).ClickAsync(new());
        Assert.Contains("経理事務", dialogs.WaitForElement(".mud-dialog").TextContent, StringComparison.Ordinal);
        await AnswerAsync(Text<EmployerText>("Cancel"));
        await click;

        Assert.True(await ExistsAsync(draft));
        Assert.Equal(0, deleted);

        click = Button(cut, Text<EmployerText>("DeleteDraft")).ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog").QuerySelectorAll(".mud-message-box__yes-button, button")
            .Last(b => b.TextContent.Trim() == Text<EmployerText>("DeleteDraft")).ClickAsync(new());
        await click;

        cut.WaitForAssertion(() => Assert.Equal(1, deleted));
        Assert.False(await ExistsAsync(draft));
    }

    [Fact]
    public async Task Another_establishments_draft_is_refused_and_stays()
    {
        var draft = await new JobOfferService(World.Ops).CreateDraftAsync(World.EmployerActor1, ct: Ct);
        SignIn(World.EmployerActor2);
        var deleted = 0;
        var cut = ShowActions(draft, published: false, () => deleted++);

        var click = Button(cut, Text<EmployerText>("DeleteDraft")).ClickAsync(new());
        await dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button")
            .Last(b => b.TextContent.Trim() == Text<EmployerText>("DeleteDraft")).ClickAsync(new());
        await click;

        Assert.True(await ExistsAsync(draft));
        Assert.Equal(0, deleted);
    }
}
