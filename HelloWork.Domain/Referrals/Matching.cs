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
public sealed record OfferFacts(string OccupationCode, string Title, string Prefecture, WageForm WageForm, int WageMax, int StartMinutes, int EndMinutes);

/// <summary>The facts of a jobseeker that matching compares (希望職種・希望条件).</summary>
public sealed record CandidateFacts(Guid JobseekerId, string? OccupationCode, string Occupation, string Prefecture, int? MonthlyWage, string? Hours);

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
    public const int OccupationCodePoints = 40;
    public const int OccupationTitlePoints = 25;
    public const int PrefecturePoints = 25;
    public const int WagePoints = 20;
    public const int WageNearPoints = 10;
    public const int WageOpenPoints = 10;
    public const int HoursPoints = 10;
    public const int HoursOpenPoints = 5;

    /// <summary>Working days a month used to compare daily and hourly wages with a monthly wish.</summary>
    public const int DaysPerMonth = 21;

    public static OfferFacts FactsOf(JobOffer o) => new(o.OccupationCode, o.Title, o.Prefecture, o.WageForm, o.WageMax, o.WorkStartMinutes, o.WorkEndMinutes);

    /// <summary>The points and reasons of one candidate for one offer.</summary>
    public static (int Score, IReadOnlyList<MatchReason> Reasons) Score(OfferFacts offer, CandidateFacts c)
    {
        var reasons = new List<MatchReason>();
        if (!string.IsNullOrEmpty(c.OccupationCode) && c.OccupationCode == offer.OccupationCode)
        {
            reasons.Add(new("OccupationCode", OccupationCodePoints, true));
        }
        else if (c.Occupation.Length > 0 && (offer.Title.Contains(c.Occupation, StringComparison.Ordinal) || c.Occupation.Contains(offer.Title, StringComparison.Ordinal)))
        {
            reasons.Add(new("OccupationTitle", OccupationTitlePoints, true));
        }
        else
        {
            reasons.Add(new("OccupationDiffers", 0, false));
        }

        reasons.Add(c.Prefecture.Length > 0 && c.Prefecture == offer.Prefecture ? new("Prefecture", PrefecturePoints, true) : new("PrefectureDiffers", 0, false));

        var monthly = MonthlyEquivalent(offer.WageForm, offer.WageMax);
        reasons.Add(c.MonthlyWage switch
        {
            null or 0 => new("WageOpen", WageOpenPoints, true),
            { } wish when monthly >= wish => new("WageMeets", WagePoints, true),
            { } wish when monthly * 10 >= wish * 9 => new("WageNear", WageNearPoints, true),
            _ => new("WageBelow", 0, false),
        });

        reasons.Add(ParseHours(c.Hours) switch
        {
            null => new("HoursOpen", HoursOpenPoints, true),
            var (start, end) when offer.StartMinutes >= start && offer.EndMinutes <= end && offer.EndMinutes > offer.StartMinutes => new("HoursWithin", HoursPoints, true),
            _ => new("HoursOutside", 0, false),
        });
        return (reasons.Sum(r => r.Points), reasons);
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
            var (score, reasons) = Score(facts, new CandidateFacts(j.Id, j.Wishes.DesiredOccupationCode, j.Wishes.DesiredOccupation, j.Wishes.DesiredPrefecture,
                j.Wishes.DesiredMonthlyWage, j.Wishes.DesiredHours));
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
