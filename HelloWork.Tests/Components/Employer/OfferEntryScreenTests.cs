using AngleSharp.Dom;
using Bunit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Components.Pages.Employer.Offers;
using HelloWork.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests.Components.Employer;

/// <summary>
/// The offer entry screens (REFERENCE.md, R-JOB-1, R-ERR-1) on screen 4 (賃金・手当): a red finding is refused next to its field and
/// in the summary, and nothing is saved; an orange one is saved, shown under its field and in the summary, and must be confirmed
/// before 次へ goes on; 一時保存 keeps a screen with required entries still empty and lists them as information. Someone else's offer
/// is not shown (R-ACC-4).
/// </summary>
public sealed class OfferEntryScreenTests : ComponentTest
{
    private async Task<Guid> DraftAsync() => await new JobOfferService(World.Ops).CopyAsync(World.EmployerActor1, World.Offer1.Id, Ct);

    /// <summary>A draft whose 固定残業代 covers 50 hours a month: lawful, but over the 36協定's 45 hours, so orange (R-LAW-2).</summary>
    private async Task<Guid> OvertimeDraftAsync()
    {
        var id = await DraftAsync();
        await World.WithDbAsync(async db =>
        {
            var offer = await db.JobOffers.SingleAsync(o => o.Id == id, Ct);
            var s = offer.Sheet;
            offer.UpdateSheet(s with { Wages = s.Wages with
            {
                FixedOvertime = true, FixedOvertimeHours = 50, FixedOvertimeAmount = 200_000, FixedOvertimeNote = "時間外労働が50時間を超える場合は追加で支給します。",
            } }, World.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });
        return id;
    }

    private Task<DateTimeOffset> UpdatedAtAsync(Guid id) =>
        World.WithDbAsync(db => db.JobOffers.AsNoTracking().Where(o => o.Id == id).Select(o => o.UpdatedAt).SingleAsync(Ct));

    private Task<JobSheet> SheetAsync(Guid id) => World.WithDbAsync(db => db.JobOffers.AsNoTracking().Where(o => o.Id == id).Select(o => o.Sheet).SingleAsync(Ct));

    private IRenderedComponent<OfferEntry> ShowScreen(Guid id, int screen, Actor? who = null)
    {
        SignIn(who ?? World.EmployerActor1);
        var cut = Show<OfferEntry>(p => p.Add(x => x.Id, id).Add(x => x.Screen, screen));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    private IElement Field(IRenderedComponent<OfferEntry> cut, string key) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Contains(Text<EmployerText>("Field." + key), StringComparison.Ordinal) == true);

    private static void EnterIn(IElement field, string value) => Enter(field.QuerySelector("input, textarea")!, value);

    private string? ErrorOf(IRenderedComponent<OfferEntry> cut, string key) => ErrorUnder(Field(cut, key));

    private IElement Button(IRenderedComponent<OfferEntry> cut, string key) =>
        cut.FindAll("button").First(b => b.TextContent.Contains(Text<EmployerText>(key), StringComparison.Ordinal));

    private string Location => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task A_negative_wage_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var id = await DraftAsync();
        var before = await UpdatedAtAsync(id);
        var cut = ShowScreen(id, 4);

        EnterIn(Field(cut, "Wages.BaseMin"), "-200000");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(Text<Ui>("Error.OutOfRange"), ErrorOf(cut, "Wages.BaseMin")));
        Assert.Contains(Text<EmployerText>("ErrorsTitle"), cut.Find(".mud-alert[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await UpdatedAtAsync(id));
        Assert.DoesNotContain("/edit/5", Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reversed_wages_are_refused_next_to_the_upper_bound()
    {
        var id = await DraftAsync();
        var cut = ShowScreen(id, 4);

        EnterIn(Field(cut, "Wages.BaseMin"), "300000");
        EnterIn(Field(cut, "Wages.BaseMax"), "200000");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(Text<Ui>("Error.RangeReversed"), ErrorOf(cut, "Wages.BaseMax")));
        Assert.NotEqual(300_000, (await SheetAsync(id)).Wages.BaseMin);
    }

    [Fact]
    public async Task A_red_finding_refuses_the_draft_save_too()
    {
        var id = await DraftAsync();
        var before = await UpdatedAtAsync(id);
        var cut = ShowScreen(id, 4);

        EnterIn(Field(cut, "Wages.BaseMin"), "-1");
        await Button(cut, "SaveDraft").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(Text<Ui>("Error.OutOfRange"), ErrorOf(cut, "Wages.BaseMin")));
        Assert.Equal(before, await UpdatedAtAsync(id));
    }

    [Fact]
    public async Task Fixed_overtime_over_45_hours_is_saved_but_shown_orange_under_its_field_and_in_the_summary()
    {
        var id = await OvertimeDraftAsync();
        var cut = ShowScreen(id, 4);

        EnterIn(Field(cut, "Wages.BaseMax"), "320000");
        await cut.Find("form").SubmitAsync();

        var warning = Text<Ui>("Warning.FixedOvertimeOver45", 50);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".hw-warning"), w => w.TextContent.Contains(warning, StringComparison.Ordinal)));
        Assert.Contains(Text<EmployerText>("WarningsTitle"), cut.Markup, StringComparison.Ordinal);
        Assert.Equal(320_000, (await SheetAsync(id)).Wages.BaseMax);
    }

    [Fact]
    public async Task An_orange_finding_must_be_confirmed_before_going_on()
    {
        var id = await OvertimeDraftAsync();
        var cut = ShowScreen(id, 4);

        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains(Text<EmployerText>("WarningsTitle"), cut.Markup, StringComparison.Ordinal));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains(Text<EmployerText>("ConfirmWarningsFirst"), cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("/edit/5", Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_the_orange_findings_lets_the_employer_go_on()
    {
        var id = await OvertimeDraftAsync();
        var cut = ShowScreen(id, 4);
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains(Text<EmployerText>("WarningsTitle"), cut.Markup, StringComparison.Ordinal));

        cut.FindAll("label").First(l => l.TextContent.Contains(Text<EmployerText>("ConfirmWarnings"), StringComparison.Ordinal))
            .QuerySelector("input[type=checkbox]")!.Change(true);
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.EndsWith($"/employer/offers/{id}/edit/5", Location, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_save_keeps_a_required_entry_empty_and_lists_it_as_information()
    {
        var id = await DraftAsync();
        var cut = ShowScreen(id, 4);

        EnterIn(Field(cut, "Wages.BaseMax"), "");
        await Button(cut, "SaveDraft").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(Text<EmployerText>("MissingTitle"), cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(Text<EmployerText>("ErrorsTitle"), cut.Markup, StringComparison.Ordinal);
        Assert.Null((await SheetAsync(id)).Wages.BaseMax);
    }

    [Fact]
    public async Task Another_establishments_offer_is_not_shown()
    {
        var id = await DraftAsync();

        var cut = ShowScreen(id, 4, World.EmployerActor2);

        Assert.Empty(cut.FindAll("form"));
        Assert.DoesNotContain(World.Offer1.Sheet.Work.JobTitle, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screen_number_outside_the_eight_is_not_found()
    {
        var id = await DraftAsync();

        var cut = ShowScreen(id, 9);

        Assert.Empty(cut.FindAll("form"));
        Assert.Contains(Text<EmployerText>("OfferNotFound"), cut.Markup, StringComparison.Ordinal);
    }
}
