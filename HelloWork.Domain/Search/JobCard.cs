using HelloWork.Domain.JobOffers;

namespace HelloWork.Domain.Search;

/// <summary>The badges of a search result (REFERENCE.md: a result lists … and badges).</summary>
public enum JobBadge
{
    /// <summary>新着: received within the last 7 days.</summary>
    New,

    /// <summary>正社員</summary>
    Regular,

    /// <summary>オンライン自主応募可</summary>
    SelfApplication,

    /// <summary>駅近（徒歩10分以内）</summary>
    NearStation,

    /// <summary>在宅勤務</summary>
    RemoteWork,

    /// <summary>UIJターン歓迎</summary>
    UijTurn,

    /// <summary>週休二日</summary>
    WeeklyTwoDaysOff,

    /// <summary>応募書類のマイページ登録可 (R-JOB-6)</summary>
    MypageDocuments,

    /// <summary>派遣・請負</summary>
    Dispatch,
}

/// <summary>
/// One search result as the real service lists it: 職種, 事業所名, 就業場所, the first lines of 仕事内容, 賃金, 就業時間, 休日, 年齢
/// and badges. <see cref="EmployerName"/> is null when the publication scope hides it from this viewer (公開範囲 2 and 3).
/// </summary>
public sealed record JobCard(
    string JobNumber,
    string Title,
    string? EmployerName,
    PublicationScope Scope,
    string Prefecture,
    string Municipality,
    string DescriptionHead,
    EmploymentType EmploymentType,
    OfferCategory Category,
    WageForm WageForm,
    int WageMin,
    int WageMax,
    TimeOnly WorkStart,
    TimeOnly WorkEnd,
    string Holidays,
    int AnnualHolidays,
    string Age,
    DateOnly ReceivedDate,
    DateOnly ValidUntil,
    IReadOnlyList<JobBadge> Badges);

public sealed record JobSearchResult(IReadOnlyList<JobCard> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The columns a card needs, read in one projection (the sheet only for the few display texts).</summary>
internal sealed class CardRow
{
    public string JobNumber { get; init; } = "";
    public Guid EstablishmentId { get; init; }
    public OfferStatus Status { get; init; }
    public string Title { get; init; } = "";
    public string EstablishmentName { get; init; } = "";
    public PublicationScope Scope { get; init; }
    public string Prefecture { get; init; } = "";
    public string Municipality { get; init; } = "";
    public EmploymentType EmploymentType { get; init; }
    public OfferCategory Category { get; init; }
    public WageForm WageForm { get; init; }
    public int WageMin { get; init; }
    public int WageMax { get; init; }
    public int WorkStartMinutes { get; init; }
    public int WorkEndMinutes { get; init; }
    public int AnnualHolidays { get; init; }
    public bool WeeklyTwoDaysOff { get; init; }
    public bool NearStation { get; init; }
    public bool RemoteWork { get; init; }
    public bool UijTurn { get; init; }
    public bool SelfApplication { get; init; }
    public bool AcceptsDocuments { get; init; }
    public bool IsDispatch { get; init; }
    public DateOnly? ReceivedDate { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public JobSheet Sheet { get; init; } = new();

    public static IQueryable<CardRow> From(IQueryable<JobOffer> offers) => offers.Select(o => new CardRow
    {
        JobNumber = o.JobNumber!,
        EstablishmentId = o.EstablishmentId,
        Status = o.Status,
        Title = o.Title,
        EstablishmentName = o.EstablishmentName,
        Scope = o.Scope,
        Prefecture = o.Prefecture,
        Municipality = o.Municipality,
        EmploymentType = o.EmploymentType,
        Category = o.Category,
        WageForm = o.WageForm,
        WageMin = o.WageMin,
        WageMax = o.WageMax,
        WorkStartMinutes = o.WorkStartMinutes,
        WorkEndMinutes = o.WorkEndMinutes,
        AnnualHolidays = o.AnnualHolidays,
        WeeklyTwoDaysOff = o.WeeklyTwoDaysOff,
        NearStation = o.NearStation,
        RemoteWork = o.RemoteWork,
        UijTurn = o.UijTurn,
        SelfApplication = o.SelfApplication,
        AcceptsDocuments = o.AcceptsDocuments,
        IsDispatch = o.IsDispatch,
        ReceivedDate = o.ReceivedDate,
        ValidUntil = o.ValidUntil,
        Sheet = o.Sheet,
    });

    public JobCard ToCard(bool showName, DateOnly today)
    {
        var w = Sheet.Work;
        var badges = new List<JobBadge>();
        if (ReceivedDate is { } received && received >= today.AddDays(-7)) badges.Add(JobBadge.New);
        if (EmploymentType == EmploymentType.Regular) badges.Add(JobBadge.Regular);
        if (SelfApplication) badges.Add(JobBadge.SelfApplication);
        if (NearStation) badges.Add(JobBadge.NearStation);
        if (RemoteWork) badges.Add(JobBadge.RemoteWork);
        if (UijTurn) badges.Add(JobBadge.UijTurn);
        if (WeeklyTwoDaysOff) badges.Add(JobBadge.WeeklyTwoDaysOff);
        if (AcceptsDocuments) badges.Add(JobBadge.MypageDocuments);
        if (IsDispatch) badges.Add(JobBadge.Dispatch);
        var head = string.Join(' ', w.Description.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(2));
        var age = !w.AgeLimited ? "不問"
            : $"{(w.AgeMin is { } min ? $"{min}歳以上" : "")}{(w.AgeMax is { } max ? $"{max}歳以下" : "")}";
        return new JobCard(JobNumber, Title, showName ? EstablishmentName : null, Scope, Prefecture, Municipality,
            head.Length > 120 ? head[..120] + "…" : head, EmploymentType, Category, WageForm, WageMin, WageMax,
            new TimeOnly(WorkStartMinutes / 60 % 24, WorkStartMinutes % 60), new TimeOnly(WorkEndMinutes / 60 % 24, WorkEndMinutes % 60),
            Sheet.Hours.Holidays, AnnualHolidays, age, ReceivedDate ?? DateOnly.MinValue, ValidUntil ?? DateOnly.MinValue, badges);
    }
}
