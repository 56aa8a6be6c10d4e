using System.Globalization;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;

namespace HelloWork.Web.Components.Pages.Jobs;

/// <summary>What the search form edits; converted to and from <see cref="JobSearchCriteria"/> (the domain checks the rules).</summary>
public sealed class SearchFormModel
{
    public static readonly IReadOnlyList<string> Times = [.. Enumerable.Range(10, 37).Select(i => $"{i / 2}:{(i % 2 == 0 ? "00" : "30")}")];

    /// <summary>The occupation choices: the 職業分類 codes in use (demo vocabulary).</summary>
    public static readonly IReadOnlyList<(string Code, string Title)> Occupations =
        [.. Vocabulary.Occupations.Select(o => (o.Code, o.Title)).DistinctBy(o => o.Code).OrderBy(o => o.Code, StringComparer.Ordinal)];

    public string? Words { get; set; }
    public string? NotWords { get; set; }
    public string? Prefecture { get; set; }
    public string? Municipality { get; set; }
    public string? Occupation { get; set; }
    public IReadOnlyCollection<EmploymentType> EmploymentTypes { get; set; } = [];
    public IReadOnlyCollection<OfferCategory> Categories { get; set; } = [];
    public int? WageFloor { get; set; }
    public WageForm WageForm { get; set; }
    public string? WorkFrom { get; set; }
    public string? WorkUntil { get; set; }
    public int? AnnualHolidaysMin { get; set; }
    public bool WeeklyTwoDaysOff { get; set; }
    public bool NearStation { get; set; }
    public bool RemoteWork { get; set; }
    public bool UijTurn { get; set; }
    public bool SelfApplication { get; set; }
    public bool ExcludeDispatch { get; set; }
    public string? JobNumbers { get; set; }

    public static SearchFormModel From(JobSearchCriteria c) => new()
    {
        Words = c.Words,
        NotWords = c.NotWords,
        Prefecture = c.Areas.FirstOrDefault()?.Prefecture,
        Municipality = c.Areas.FirstOrDefault()?.Municipality,
        Occupation = c.OccupationCodes.FirstOrDefault(),
        EmploymentTypes = [.. c.EmploymentTypes],
        Categories = [.. c.Categories],
        WageFloor = c.WageFloor,
        WageForm = c.WageForm,
        WorkFrom = c.WorkFrom?.ToString("H:mm", CultureInfo.InvariantCulture),
        WorkUntil = c.WorkUntil?.ToString("H:mm", CultureInfo.InvariantCulture),
        AnnualHolidaysMin = c.AnnualHolidaysMin,
        WeeklyTwoDaysOff = c.WeeklyTwoDaysOff,
        NearStation = c.NearStation,
        RemoteWork = c.RemoteWork,
        UijTurn = c.UijTurn,
        SelfApplication = c.SelfApplication,
        ExcludeDispatch = c.ExcludeDispatch,
        JobNumbers = string.Join(' ', c.JobNumbers),
    };

    /// <summary>The criteria of a new search (page 1) with the sort and page size kept.</summary>
    public JobSearchCriteria ToCriteria(JobSearchCriteria current) => new()
    {
        Words = Words,
        NotWords = NotWords,
        Areas = string.IsNullOrEmpty(Prefecture) ? [] : [new AreaCriterion(Prefecture, string.IsNullOrWhiteSpace(Municipality) ? null : Municipality.Trim())],
        OccupationCodes = string.IsNullOrEmpty(Occupation) ? [] : [Occupation],
        EmploymentTypes = [.. EmploymentTypes],
        Categories = [.. Categories],
        WageFloor = WageFloor,
        WageForm = WageForm,
        WorkFrom = Parse(WorkFrom),
        WorkUntil = Parse(WorkUntil),
        AnnualHolidaysMin = AnnualHolidaysMin,
        WeeklyTwoDaysOff = WeeklyTwoDaysOff,
        NearStation = NearStation,
        RemoteWork = RemoteWork,
        UijTurn = UijTurn,
        SelfApplication = SelfApplication,
        ExcludeDispatch = ExcludeDispatch,
        JobNumbers = JobSearchCriteria.SplitWords(JobNumbers?.Replace(',', ' ').Replace('、', ' ')),
        Sort = current.Sort,
        PageSize = current.PageSize,
    };

    private static TimeOnly? Parse(string? s) => TimeOnly.TryParseExact(s, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
