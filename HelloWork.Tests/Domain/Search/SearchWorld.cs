using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Search;

/// <summary>Crafted offers for search tests: every text the free words see is set by the test, so each hit is explained.</summary>
public static class SearchWorld
{
    /// <summary>Publishes an offer of establishment 1 (or 2) through the office, with the searchable texts replaced.</summary>
    public static async Task<JobOffer> PublishAsync(this DomainWorld world, string title, string description,
        Func<JobSheet, JobSheet>? edit = null, bool secondEstablishment = false, DateTimeOffset? at = null)
    {
        var est = secondEstablishment ? world.Establishment2 : world.Establishment1;
        var now = at ?? world.Clock.GetUtcNow();
        var sheet = SampleSheets.Build(new Random(title.Length), Vocabulary.Occupations[0], Vocabulary.Places[secondEstablishment ? 8 : 0], est.Name, est.Kana, est.Address, est.Employees);
        sheet = sheet with
        {
            Basics = sheet.Basics with { Industry = "卸売業", Scope = PublicationScope.PublicWithName, OnlineSelfApplication = true },
            Work = sheet.Work with
            {
                JobTitle = title, Description = description, NearestStation = "中央駅", RequiredExperience = null, Licenses = null,
                EmploymentType = EmploymentType.Regular, Dispatch = DispatchKind.None, MinutesFromStation = 5, RemoteWork = false, UijTurnWelcome = false,
            },
            Company = sheet.Company with { BusinessDescription = "卸売業", PrText = null },
        };
        if (edit is not null)
        {
            sheet = edit(sheet);
        }
        return await world.WithDbAsync(async db =>
        {
            var office = await db.Offices.FirstAsync(o => o.Id == (secondEstablishment ? world.Office2.Id : world.Office1.Id));
            var offer = new JobOffer(est.Id, OfferChannel.Online, sheet, now);
            offer.Submit(now);
            offer.Accept(office, now);
            db.JobOffers.Add(offer);
            await db.SaveChangesAsync();
            return offer;
        });
    }

    public static Task<JobSearchResult> SearchAsync(this DomainWorld world, JobSearchCriteria criteria, Actor? actor = null) =>
        new JobSearch(world.Ops).SearchAsync(actor, criteria, TestContext.Current.CancellationToken);

    public static async Task<List<string>> TitlesAsync(this DomainWorld world, JobSearchCriteria criteria, Actor? actor = null) =>
        [.. (await world.SearchAsync(criteria with { PageSize = 50 }, actor)).Items.Select(i => i.Title).Order(StringComparer.Ordinal)];
}
