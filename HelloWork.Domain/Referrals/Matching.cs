using System.Globalization;
using System.Text.RegularExpressions;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Referrals;

/// <summary>One line of "why": a resource key (StaffText <c>Match.{Code}</c>), its points, and whether it speaks for the match.</summary>
public sealed record MatchReason(string Code, int Points, bool Good);

/// <summary>The facts of an offer that matching compares.</summary>
public sealed record OfferFacts(string OccupationCode, string Title, string Prefecture, WageForm WageForm, int WageMax, int StartMinutes, int EndMinutes,
    string Municipality = "", EmploymentType EmploymentType = EmploymentType.Regular);

/// <summary>The facts of a jobseeker that matching compares (希望職種・希望条件): the first wishes, then the second and third ones.</summary>
public sealed record CandidateFacts(Guid JobseekerId, string? OccupationCode, string Occupation, string Prefecture, int? MonthlyWage, string? Hours,
    string? Municipality = null, IReadOnlyList<string>? MoreOccupations = null, IReadOnlyList<string>? MoreAreas = null, string? EmploymentType = null);

/// <summary>A suggestion for staff (R-REF-2): the decision stays theirs.</summary>
public sealed record MatchSuggestion(Guid JobseekerId, string Name, string Kana, string? JobseekerNumber, int Age, string DesiredOccupation,
    string DesiredPrefecture, int? DesiredMonthlyWage, string? DesiredHours, DateOnly RegistrationValidUntil, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>The offer a referral is being prepared for.</summary>
public sealed record OfferSummary(Guid OfferId, string? JobNumber, string Title, string EstablishmentName, string Prefecture, DateOnly? ValidUntil, bool IsOpen,
    bool SelfApplication);

/// <summary>
/// Matching suggestions for an online referral (R-REF-2): the office's full jobseekers with a valid registration (R-ACC-1/2) who have
/// neither a live referral nor an application for the offer, ranked by desired occupation, area, wage and hours, each with the
/// reasons for its place. The scoring is a pure function (<see cref="Score"/>) so its ranking is tested without a database.
/// </summary>
public sealed partial class Matching(Operations ops)
{
    // Points out of 100 (R-REF-2): occupation 40, area 25, wage 20, hours 10, employment type 5. Each part is graded, not all or
    // nothing, so candidates who all "fit" still rank by how well they fit; every part gives one reason with its points.
    public const int MaxScore = 100;
    public const int OccupationCodePoints = 40;
    public const int OccupationTitlePoints = 30;
    public const int OccupationGroupPoints = 20;
    public const int OccupationMoreWishPoints = 15;
    public const int MunicipalityPoints = 25;
    public const int PrefecturePoints = 20;
    public const int PrefectureMoreWishPoints = 10;
    public const int WagePoints = 20;
    public const int WageMeetsPoints = 14;
    public const int WageNearPoints = 4;
    public const int WageOpenPoints = 8;
    public const int HoursPoints = 10;
    public const int HoursPartlyMaxPoints = 7;
    public const int HoursOpenPoints = 5;
    public const int TypePoints = 5;
    public const int TypeOpenPoints = 3;

    /// <summary>Working days a month used to compare daily and hourly wages with a monthly wish.</summary>
    public const int DaysPerMonth = 21;

    public static OfferFacts FactsOf(JobOffer o) =>
        new(o.OccupationCode, o.Title, o.Prefecture, o.WageForm, o.WageMax, o.WorkStartMinutes, o.WorkEndMinutes, o.Municipality, o.EmploymentType);

    /// <summary>The facts of a jobseeker's wishes.</summary>
    public static CandidateFacts FactsOf(Guid jobseekerId, JobseekerWishes w) => new(jobseekerId, w.DesiredOccupationCode, w.DesiredOccupation,
        w.DesiredPrefecture, w.DesiredMonthlyWage, w.DesiredHours, w.DesiredMunicipality, w.MoreOccupations, w.MoreAreas, w.DesiredEmploymentType);

    /// <summary>The points and reasons of one candidate for one offer: one reason for each of occupation, area, wage, hours and
    /// employment type, in that order.</summary>
    public static (int Score, IReadOnlyList<MatchReason> Reasons) Score(OfferFacts offer, CandidateFacts c)
    {
        var reasons = new List<MatchReason>
        {
            OccupationReason(offer, c),
            AreaReason(offer, c),
            WageReason(offer, c.MonthlyWage),
            HoursReason(offer, ParseHours(c.Hours)),
            TypeReason(offer.EmploymentType, c.EmploymentType),
        };
        return (reasons.Sum(r => r.Points), reasons);
    }

    private static bool TitleMatches(string title, string wish) =>
        wish.Length > 0 && (title.Contains(wish, StringComparison.Ordinal) || wish.Contains(title, StringComparison.Ordinal));

    /// <summary>Same 職業分類 code, the first wish's name in the title, the same major group (the code's first two digits), or a second or
    /// third wish's name.</summary>
    private static MatchReason OccupationReason(OfferFacts offer, CandidateFacts c)
    {
        if (!string.IsNullOrEmpty(c.OccupationCode) && c.OccupationCode == offer.OccupationCode)
        {
            return new("OccupationCode", OccupationCodePoints, true);
        }
        if (offer.Title.Length > 0 && TitleMatches(offer.Title, c.Occupation))
        {
            return new("OccupationTitle", OccupationTitlePoints, true);
        }
        if (c.OccupationCode is { Length: >= 2 } code && offer.OccupationCode.Length >= 2 && string.CompareOrdinal(code, 0, offer.OccupationCode, 0, 2) == 0)
        {
            return new("OccupationGroup", OccupationGroupPoints, true);
        }
        if (offer.Title.Length > 0 && (c.MoreOccupations ?? []).Any(o => TitleMatches(offer.Title, o)))
        {
            return new("OccupationMoreWish", OccupationMoreWishPoints, true);
        }
        return new("OccupationDiffers", 0, false);
    }

    /// <summary>The first wished prefecture with its municipality, the prefecture alone, or a second or third wished prefecture.</summary>
    private static MatchReason AreaReason(OfferFacts offer, CandidateFacts c)
    {
        if (c.Prefecture.Length > 0 && c.Prefecture == offer.Prefecture)
        {
            return !string.IsNullOrEmpty(c.Municipality) && offer.Municipality.Length > 0
                && (offer.Municipality.StartsWith(c.Municipality, StringComparison.Ordinal) || c.Municipality.StartsWith(offer.Municipality, StringComparison.Ordinal))
                ? new("Municipality", MunicipalityPoints, true)
                : new("Prefecture", PrefecturePoints, true);
        }
        return (c.MoreAreas ?? []).Contains(offer.Prefecture)
            ? new("PrefectureMoreWish", PrefectureMoreWishPoints, true)
            : new("PrefectureDiffers", 0, false);
    }

    /// <summary>Graded by how far the offer's monthly equivalent is from the wish: from 14 points at the wish to 20 at 15 % above it; from
    /// 4 points at 90 % of it to 12 just under it; nothing below 90 %.</summary>
    private static MatchReason WageReason(OfferFacts offer, int? wish)
    {
        if (wish is null or <= 0)
        {
            return new("WageOpen", WageOpenPoints, true);
        }
        var monthly = (long)MonthlyEquivalent(offer.WageForm, offer.WageMax);
        var percent = monthly * 100 / wish.Value; // whole percent of the wish
        return percent switch
        {
            >= 100 => new("WageMeets", (int)Math.Min(WagePoints, WageMeetsPoints + (percent - 100) * 2 / 5), true),
            >= 90 => new("WageNear", (int)(WageNearPoints + (percent - 90) * 8 / 9), true),
            _ => new("WageBelow", 0, false),
        };
    }

    /// <summary>The share of the offer's working hours inside the wished window: all of it, part of it (up to 7 points), or none.</summary>
    private static MatchReason HoursReason(OfferFacts offer, (int Start, int End)? window)
    {
        if (window is not { } wished)
        {
            return new("HoursOpen", HoursOpenPoints, true);
        }
        var (start, end) = wished;
        var length = offer.EndMinutes - offer.StartMinutes;
        if (length <= 0)
        {
            return new("HoursOutside", 0, false);
        }
        var inside = Math.Max(0, Math.Min(end, offer.EndMinutes) - Math.Max(start, offer.StartMinutes));
        if (inside == length)
        {
            return new("HoursWithin", HoursPoints, true);
        }
        var points = inside * HoursPartlyMaxPoints / length;
        return points > 0 ? new("HoursPartly", points, true) : new("HoursOutside", 0, false);
    }

    /// <summary>希望する雇用形態 (the application form's choices) against the offer's 雇用形態.</summary>
    private static MatchReason TypeReason(EmploymentType offered, string? wish)
    {
        if (string.IsNullOrEmpty(wish) || wish == "いずれでもよい")
        {
            return new("TypeOpen", TypeOpenPoints, true);
        }
        var fits = wish switch
        {
            "正社員" => offered == EmploymentType.Regular,
            "正社員以外" or "パート" => offered == EmploymentType.NonRegular,
            "派遣" => offered is EmploymentType.FixedTermDispatch or EmploymentType.IndefiniteDispatch,
            _ => false,
        };
        return fits ? new("TypeMatches", TypePoints, true) : new("TypeDiffers", 0, false);
    }

    /// <summary>The offer's upper wage as a monthly amount: daily × 21, hourly × 8 × 21, annual ÷ 12.</summary>
    public static int MonthlyEquivalent(WageForm form, int wage) => form switch
    {
        WageForm.Daily => wage * DaysPerMonth,
        WageForm.Hourly => wage * 8 * DaysPerMonth,
        WageForm.Annual => wage / 12,
        _ => wage,
    };

    /// <summary>"9:00〜18:00" (also ~, -, －) as minutes since midnight; null when the wish is not a window.</summary>
    public static (int Start, int End)? ParseHours(string? hours)
    {
        if (string.IsNullOrWhiteSpace(hours) || HoursWindow().Match(hours) is not { Success: true } m)
        {
            return null;
        }
        int Minutes(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups[g + 1].Value, CultureInfo.InvariantCulture);
        return (Minutes(1), Minutes(3));
    }

    [GeneratedRegex(@"(\d{1,2})[:：](\d{2})\s*[〜~\-－ー～]\s*(\d{1,2})[:：](\d{2})")]
    private static partial Regex HoursWindow();

    /// <summary>Ranks candidates: score, then the registration that expires first (it needs the referral soonest), then kana.</summary>
    public static IReadOnlyList<MatchSuggestion> Rank(IEnumerable<MatchSuggestion> suggestions, int take) =>
        suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.RegistrationValidUntil).ThenBy(s => s.Kana, StringComparer.Ordinal).Take(take).ToList();

    /// <summary>An offer by id or job number (any office's offer may be referred); null when there is none.</summary>
    public Task<OfferSummary?> OfferAsync(Actor actor, Guid? offerId, string? jobNumber, CancellationToken ct = default)
    {
        actor.RequireOffice();
        var now = ops.Clock.GetUtcNow();
        var number = jobNumber?.Trim();
        return ops.ReadAsync(async db =>
        {
            var offer = offerId is { } id ? await db.JobOffers.FirstOrDefaultAsync(o => o.Id == id, ct)
                : string.IsNullOrEmpty(number) ? null : await db.JobOffers.FirstOrDefaultAsync(o => o.JobNumber == number, ct);
            return offer is null || offer.JobNumber is null ? null
                : new OfferSummary(offer.Id, offer.JobNumber, offer.Title, offer.EstablishmentName, offer.Prefecture, offer.ValidUntil, offer.IsOpen(now), offer.SelfApplication);
        }, ct);
    }

    /// <summary>Suggestions for <paramref name="offerId"/> from the caller's office. The list shows names, so the view is audited (R-AUD-1).</summary>
    public Task<IReadOnlyList<MatchSuggestion>> SuggestAsync(Actor actor, Guid offerId, int take = 20, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var offer = await w.Db.JobOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new DomainException(ErrorCodes.OfferNotFound, "Offer");
        if (!offer.IsOpen(w.Now))
        {
            throw new DomainException(ErrorCodes.OfferNotOpen, "Offer");
        }
        var now = w.Now;
        var today = JapanTime.DateOf(now);
        var taken = w.Db.Referrals.Where(r => r.JobOfferId == offerId && r.Status == ReferralStatus.Proposed && r.Deadline > now).Select(r => r.JobseekerId)
            .Concat(w.Db.Applications.Where(a => a.JobOfferId == offerId && a.Status != ApplicationStatus.Cancelled).Select(a => a.JobseekerId));
        var candidates = await w.Db.Jobseekers.AsNoTracking()
            .Where(j => j.HomeOfficeId == officeId && j.Tier == JobseekerTier.Full && j.RegistrationActive && j.RegistrationValidUntil >= today
                && !taken.Contains(j.Id))
            .ToListAsync(ct);
        var facts = FactsOf(offer);
        var ranked = Rank(candidates.Select(j =>
        {
            var (score, reasons) = Score(facts, FactsOf(j.Id, j.Wishes));
            return new MatchSuggestion(j.Id, j.Name, j.Kana, j.JobseekerNumber, j.AgeOn(today), j.Wishes.DesiredOccupation, j.Wishes.DesiredPrefecture,
                j.Wishes.DesiredMonthlyWage, j.Wishes.DesiredHours, j.RegistrationValidUntil, score, reasons);
        }), Math.Clamp(take, 1, 100));
        w.Audit(AuditActions.MatchingViewed, nameof(JobOffer), offer.Id, detail: ranked.Count.ToString(CultureInfo.InvariantCulture));
        // Each suggested jobseeker's name and wishes were shown: one entry each, for their access log (R-AUD-1).
        foreach (var suggestion in ranked)
        {
            w.Audit(AuditActions.MatchingListed, nameof(JobOffer), offer.Id, suggestion.JobseekerId);
        }
        return ranked;
    }, ct);
}
