using System.Globalization;
using System.Text;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;

namespace HelloWork.Domain.Search;

/// <summary>Sort orders of the real service (REFERENCE.md): newest 受付年月日 first, or nearest 紹介期限日 first.</summary>
public enum JobSort
{
    ReceivedDate = 0,
    ValidUntil = 1,
}

/// <summary>One area of the search: a prefecture and, optionally, the start of a municipality name (横浜市 matches 横浜市中区).</summary>
public sealed record AreaCriterion(string Prefecture, string? Municipality = null);

/// <summary>
/// The conditions of a public job search (R-SRC-1), as the real service's basic and detailed search lay them out
/// (REFERENCE.md). Empty values do not filter. The record round-trips through the page's query string, which is
/// also what a saved search stores (R-SRC-2).
/// </summary>
public sealed record JobSearchCriteria
{
    public const int MaxWordsLength = 50;
    public const int MaxAreas = 3;
    public const int MaxOccupations = 3;
    public const int MaxJobNumbers = 5;

    /// <summary>An occupation code (053-01) or, plus 4, a job number (13010-12345678) is never longer.</summary>
    public const int MaxCodeLength = 10;

    public const int MaxMunicipalityLength = 50;
    public static readonly int[] PageSizes = [10, 30, 50];

    /// <summary>フリーワード: all words must occur (AND), as Japanese substrings.</summary>
    public string? Words { get; init; }

    /// <summary>NOTフリーワード: offers containing any of these words are left out.</summary>
    public string? NotWords { get; init; }

    public IReadOnlyList<AreaCriterion> Areas { get; init; } = [];

    /// <summary>職業分類: a full code (053-01) or its first part (053).</summary>
    public IReadOnlyList<string> OccupationCodes { get; init; } = [];

    public IReadOnlyList<EmploymentType> EmploymentTypes { get; init; } = [];

    public IReadOnlyList<OfferCategory> Categories { get; init; } = [];

    /// <summary>賃金の下限: the lower end of the offer's wage (base pay and fixed allowances) is at least this, in <see cref="WageForm"/>.</summary>
    public int? WageFloor { get; init; }

    public WageForm WageForm { get; init; } = WageForm.Monthly;

    /// <summary>就業時間: work starts at or after this time …</summary>
    public TimeOnly? WorkFrom { get; init; }

    /// <summary>… and ends at or before this time.</summary>
    public TimeOnly? WorkUntil { get; init; }

    public int? AnnualHolidaysMin { get; init; }

    public bool WeeklyTwoDaysOff { get; init; }

    public bool NearStation { get; init; }

    public bool RemoteWork { get; init; }

    public bool UijTurn { get; init; }

    public bool SelfApplication { get; init; }

    public bool ExcludeDispatch { get; init; }

    /// <summary>求人番号: at most 5.</summary>
    public IReadOnlyList<string> JobNumbers { get; init; } = [];

    public JobSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    /// <summary>Refuses what the search form would refuse (R-ERR-1); the domain is the last line, not the only one.</summary>
    public void Validate()
    {
        if ((Words?.Length ?? 0) > MaxWordsLength)
        {
            throw new DomainException(ErrorCodes.TooLong, nameof(Words), MaxWordsLength);
        }
        if ((NotWords?.Length ?? 0) > MaxWordsLength)
        {
            throw new DomainException(ErrorCodes.TooLong, nameof(NotWords), MaxWordsLength);
        }
        Text.Require(Words, nameof(Words), MaxWordsLength, required: false);
        Text.Require(NotWords, nameof(NotWords), MaxWordsLength, required: false);
        if (Areas.Count > MaxAreas)
        {
            throw new DomainException(ErrorCodes.TooManyChoices, nameof(Areas), MaxAreas);
        }
        if (Areas.Any(a => !Prefectures.All.Contains(a.Prefecture)))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Areas));
        }
        if (OccupationCodes.Count > MaxOccupations)
        {
            throw new DomainException(ErrorCodes.TooManyChoices, nameof(OccupationCodes), MaxOccupations);
        }
        if (JobNumbers.Count > MaxJobNumbers)
        {
            throw new DomainException(ErrorCodes.TooManyChoices, nameof(JobNumbers), MaxJobNumbers);
        }
        // Each value is bounded too: a 100,000-character occupation code from a crafted link became a LIKE pattern that SQLite
        // refuses ("pattern too complex"), an error page instead of a message (found by the fuzz test).
        foreach (var code in OccupationCodes)
        {
            Text.Require(code, nameof(OccupationCodes), MaxCodeLength, required: false);
        }
        foreach (var number in JobNumbers)
        {
            Text.Require(number, nameof(JobNumbers), MaxCodeLength + 4, required: false);
        }
        foreach (var area in Areas)
        {
            Text.Require(area.Municipality, nameof(Areas), MaxMunicipalityLength, required: false);
        }
        if (WageFloor is < 0 or > 100_000_000 || AnnualHolidaysMin is < 0 or > 366)
        {
            throw new DomainException(ErrorCodes.OutOfRange, WageFloor is < 0 or > 100_000_000 ? nameof(WageFloor) : nameof(AnnualHolidaysMin));
        }
        if (!PageSizes.Contains(PageSize))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(PageSize));
        }
        if (Page < 1)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(Page));
        }
    }

    /// <summary>Splits free words on half- and full-width spaces.</summary>
    public static IReadOnlyList<string> SplitWords(string? words) =>
        (words ?? "").Split([' ', '\u3000', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The query string of the search page (without <c>?</c>); stable key order so saved searches compare equal.</summary>
    public string ToQuery()
    {
        var parts = new List<(string, string)>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add((key, value));
        }
        Add("q", Words);
        Add("not", NotWords);
        foreach (var a in Areas)
        {
            Add("area", a.Municipality is { Length: > 0 } m ? $"{a.Prefecture}:{m}" : a.Prefecture);
        }
        OccupationCodes.ToList().ForEach(c => Add("occ", c));
        EmploymentTypes.ToList().ForEach(t => Add("type", t.ToString()));
        Categories.ToList().ForEach(c => Add("cat", c.ToString()));
        if (WageFloor is { } floor)
        {
            Add("wage", floor.ToString(CultureInfo.InvariantCulture));
            Add("wageForm", WageForm.ToString());
        }
        Add("from", WorkFrom?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Add("until", WorkUntil?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Add("holidays", AnnualHolidaysMin?.ToString(CultureInfo.InvariantCulture));
        Add("twoDays", WeeklyTwoDaysOff ? "1" : null);
        Add("station", NearStation ? "1" : null);
        Add("remote", RemoteWork ? "1" : null);
        Add("uij", UijTurn ? "1" : null);
        Add("self", SelfApplication ? "1" : null);
        Add("noDispatch", ExcludeDispatch ? "1" : null);
        JobNumbers.ToList().ForEach(n => Add("no", n));
        Add("sort", Sort == JobSort.ReceivedDate ? null : Sort.ToString());
        Add("size", PageSize == 10 ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        Add("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        var sb = new StringBuilder();
        foreach (var (k, v) in parts)
        {
            sb.Append(sb.Length == 0 ? "" : "&").Append(k).Append('=').Append(Uri.EscapeDataString(v));
        }
        return sb.ToString();
    }

    /// <summary>Reads a query string leniently: unknown keys and malformed values are ignored (a shared link never breaks the page).</summary>
    public static JobSearchCriteria FromQuery(string? query)
    {
        var values = (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: p[0], Value: Uri.UnescapeDataString((p.Length > 1 ? p[1] : "").Replace('+', ' '))))
            .ToList();
        string? One(string key) => values.LastOrDefault(v => v.Key == key).Value;
        List<string> Many(string key) => [.. values.Where(v => v.Key == key && v.Value.Length > 0).Select(v => v.Value)];
        static int? Int(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        static TimeOnly? Time(string? s) => TimeOnly.TryParseExact(s, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        static List<T> Enums<T>(IEnumerable<string> s) where T : struct, Enum =>
            [.. s.Select(x => Enum.TryParse<T>(x, out var e) && Enum.IsDefined(e) && !int.TryParse(x, out _) ? e : (T?)null).OfType<T>().Distinct()];
        var size = Int(One("size")) ?? 10;
        return new JobSearchCriteria
        {
            Words = One("q"),
            NotWords = One("not"),
            Areas = [.. Many("area").Take(MaxAreas).Select(a => a.Split(':', 2)).Select(a => new AreaCriterion(a[0], a.Length > 1 ? a[1] : null))],
            OccupationCodes = [.. Many("occ").Take(MaxOccupations)],
            EmploymentTypes = Enums<EmploymentType>(Many("type")),
            Categories = Enums<OfferCategory>(Many("cat")),
            WageFloor = Int(One("wage")),
            WageForm = Enums<WageForm>(Many("wageForm")).FirstOrDefault(),
            WorkFrom = Time(One("from")),
            WorkUntil = Time(One("until")),
            AnnualHolidaysMin = Int(One("holidays")),
            WeeklyTwoDaysOff = One("twoDays") == "1",
            NearStation = One("station") == "1",
            RemoteWork = One("remote") == "1",
            UijTurn = One("uij") == "1",
            SelfApplication = One("self") == "1",
            ExcludeDispatch = One("noDispatch") == "1",
            JobNumbers = [.. Many("no").Take(MaxJobNumbers)],
            Sort = Enums<JobSort>(Many("sort")).FirstOrDefault(),
            PageSize = PageSizes.Contains(size) ? size : 10,
            Page = Math.Max(1, Int(One("page")) ?? 1),
        };
    }
}
