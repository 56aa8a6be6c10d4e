using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;

namespace HelloWork.Tests.Domain.Search;

/// <summary>公開範囲 (REFERENCE.md, R-ACC-4): scope 3 never shows the employer's name; scope 2 only to jobseekers registered at an office.</summary>
public sealed class PublicationScopeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<JobSheet, JobSheet> Scope(PublicationScope scope) =>
        s => s with { Basics = s.Basics with { Scope = scope, OnlineSelfApplication = scope != PublicationScope.WithoutName } };

    [Fact]
    public async Task Scope_3_hides_the_name_from_everyone_but_the_employer_and_scope_2_shows_it_only_to_registered_jobseekers()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.PublishAsync("倉庫作業（範囲1）", "ピッキング", Scope(PublicationScope.PublicWithName));
        await world.PublishAsync("倉庫作業（範囲2）", "ピッキング", Scope(PublicationScope.NameToRegisteredOnly));
        await world.PublishAsync("倉庫作業（範囲3）", "ピッキング", Scope(PublicationScope.WithoutName));
        var criteria = new JobSearchCriteria { Words = "倉庫作業" };

        async Task<Dictionary<string, string?>> NamesAsync(HelloWork.Domain.Common.Actor? actor) =>
            (await world.SearchAsync(criteria, actor)).Items.ToDictionary(i => i.Title, i => i.EmployerName);

        var anonymous = await NamesAsync(null);
        var online = await NamesAsync(world.JobseekerActor2);   // オンライン登録者
        var registered = await NamesAsync(world.JobseekerActor1); // 利用登録者
        var employer = await NamesAsync(world.EmployerActor1);

        Assert.Equal([world.Establishment1.Name, null, null], [anonymous["倉庫作業（範囲1）"], anonymous["倉庫作業（範囲2）"], anonymous["倉庫作業（範囲3）"]]);
        Assert.Equal([world.Establishment1.Name, null, null], [online["倉庫作業（範囲1）"], online["倉庫作業（範囲2）"], online["倉庫作業（範囲3）"]]);
        Assert.Equal([world.Establishment1.Name, world.Establishment1.Name, null], [registered["倉庫作業（範囲1）"], registered["倉庫作業（範囲2）"], registered["倉庫作業（範囲3）"]]);
        Assert.Equal(world.Establishment1.Name, employer["倉庫作業（範囲3）"]);
    }

    [Fact]
    public async Task Searching_by_the_employers_name_does_not_reveal_who_posted_a_scope_3_offer()
    {
        await using var world = await DomainWorld.CreateAsync();
        var hidden = await world.PublishAsync("倉庫作業", $"{world.Establishment1.Name}の物流センターでのピッキング", Scope(PublicationScope.WithoutName));
        await world.PublishAsync("事務補助", "書類整理", Scope(PublicationScope.PublicWithName));

        var byName = await world.SearchAsync(new JobSearchCriteria { Words = "みらい商事", PageSize = 50 }, world.JobseekerActor1);
        Assert.DoesNotContain(byName.Items, i => i.JobNumber == hidden.JobNumber);
        Assert.Contains(byName.Items, i => i.Title == "事務補助");
        Assert.Single(await world.TitlesAsync(new JobSearchCriteria { Words = "物流センター" })); // the rest of its text is searchable

        var detail = await new JobSearch(world.Ops).DetailAsync(world.JobseekerActor1, hidden.JobNumber!, Ct);
        Assert.NotNull(detail);
        Assert.False(detail.ShowsEmployerName);
        Assert.DoesNotContain(world.Establishment1.Name, detail.Sheet.Sheet.Establishment.Name, StringComparison.Ordinal);
        Assert.Null(detail.Sheet.EstablishmentNumber);
        var view = JobSheetView.Of(detail.Sheet, JobSheetView.Japanese);
        Assert.DoesNotContain(world.Establishment1.Name, view.Row("Establishment.Name").Value, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Establishment1.Name, view.EmployerName, StringComparison.Ordinal);
        Assert.All(view.Rows, r => Assert.DoesNotContain(world.Establishment1.Number, r.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_detail_of_a_closed_offer_is_not_found_except_by_its_employer()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offer = await world.PublishAsync("倉庫作業", "ピッキング");
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, offer.Id, InvalidReason.Withdrawn, Ct);
        var search = new JobSearch(world.Ops);

        Assert.Null(await search.DetailAsync(null, offer.JobNumber!, Ct));
        Assert.Null(await search.DetailAsync(world.EmployerActor2, offer.JobNumber!, Ct));
        Assert.NotNull(await search.DetailAsync(world.EmployerActor1, offer.JobNumber!, Ct));
        Assert.Null(await search.DetailAsync(null, "99999-00000000", Ct));
    }
}
