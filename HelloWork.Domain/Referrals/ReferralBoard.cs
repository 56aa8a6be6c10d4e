using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Referrals;

/// <summary>Where a referral stands on the office's board.</summary>
public enum BoardState
{
    /// <summary>Sent, awaiting the jobseeker's application (R-REF-3).</summary>
    AwaitingApplication = 0,

    /// <summary>紹介成立: applied, in selection (R-REF-4).</summary>
    Applied = 1,

    /// <summary>The application was cancelled within 24 hours (R-CAN-1), or the jobseeker declined the proposal.</summary>
    Cancelled = 2,

    /// <summary>Past the application deadline without application (R-REF-3).</summary>
    Expired = 3,

    /// <summary>The selection result is registered (R-RES-1, R-RES-4).</summary>
    ResultRegistered = 4,
}

/// <summary>One referral on the board. <see cref="OfferOfThisOffice"/>: the offer is accepted by the board's office, so its staff may
/// enter the result on the employer's behalf (R-RES-4, the same rule as <c>ApplicationService.RegisterResultAsync</c>); for another
/// office's offer the result is that office's to enter.</summary>
public sealed record BoardRow(Guid ReferralId, ReferralKind Kind, BoardState State, string? JobNumber, string Title, string EstablishmentName,
    string JobseekerName, string StaffName, DateTimeOffset SentAt, DateTimeOffset Deadline, DateTimeOffset? AppliedAt, Guid? ApplicationId,
    ApplicationStatus? ApplicationStatus, ResultChannel? ResultChannel, DateTimeOffset? ResultAt, bool OfferOfThisOffice);

/// <summary>The board: counts by state over the window and the latest rows (optionally of one state).</summary>
public sealed record Board(int Sent, IReadOnlyDictionary<BoardState, int> Counts, IReadOnlyList<BoardRow> Rows, DateOnly Since);

/// <summary>
/// The live referral board of one office: the referrals the office sent in the last <see cref="WindowDays"/> days with where each
/// stands. States are computed on read at the clock's instant (R-REF-3: a proposal past its deadline is expired whether or not a sweeper ran).
/// </summary>
public sealed class ReferralBoard(Operations ops)
{
    public const int WindowDays = 90;

    public static BoardState StateOf(ReferralStatus status, ApplicationStatus? application) => status switch
    {
        ReferralStatus.Proposed => BoardState.AwaitingApplication,
        ReferralStatus.Expired => BoardState.Expired,
        ReferralStatus.Declined => BoardState.Cancelled,
        _ => application switch
        {
            null or Applications.ApplicationStatus.InSelection => BoardState.Applied,
            Applications.ApplicationStatus.Cancelled => BoardState.Cancelled,
            _ => BoardState.ResultRegistered,
        },
    };

    public Task<Board> LoadAsync(Actor actor, BoardState? only = null, int take = 200, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var now = ops.Clock.GetUtcNow();
        var since = JapanTime.DateOf(now).AddDays(-WindowDays);
        var start = JapanTime.StartOf(since);
        var rows = await (from r in db.Referrals
                          where r.OfficeId == officeId && r.SentAt >= start
                          join o in db.JobOffers on r.JobOfferId equals o.Id
                          join j in db.Jobseekers on r.JobseekerId equals j.Id
                          join a in db.Applications on r.ApplicationId equals a.Id into apps
                          from a in apps.DefaultIfEmpty()
                          orderby r.SentAt descending
                          select new
                          {
                              Referral = r, o.JobNumber, o.Title, o.EstablishmentName, JobseekerName = j.Name, o.AcceptingOfficeId,
                              AppliedAt = (DateTimeOffset?)a.AppliedAt, ApplicationStatus = (ApplicationStatus?)a.Status,
                              ResultChannel = a.ResultChannel, ResultAt = a.ResultRegisteredAt,
                          }).ToListAsync(ct);
        var all = rows.Select(x => new BoardRow(x.Referral.Id, x.Referral.Kind, StateOf(x.Referral.StatusAt(now), x.ApplicationStatus), x.JobNumber, x.Title,
            x.EstablishmentName, x.JobseekerName, x.Referral.StaffName, x.Referral.SentAt, x.Referral.Deadline, x.AppliedAt, x.Referral.ApplicationId,
            x.ApplicationStatus, x.ResultChannel, x.ResultAt, x.AcceptingOfficeId == officeId)).ToList();
        var counts = Enum.GetValues<BoardState>().ToDictionary(s => s, s => all.Count(r => r.State == s));
        var shown = all.Where(r => only is null || r.State == only).Take(Math.Clamp(take, 1, 1000)).ToList();
        return new Board(all.Count, counts, shown, since);
    }, ct);
}
