using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

public sealed record DirectRequestView(Guid Id, string JobNumber, string Title, string EmployerName, string Message, DirectRequestStatus Status,
    DateTimeOffset SentAt, bool OfferOpen, bool AcceptsSelfApplication);

/// <summary>
/// 直接リクエスト as the jobseeker answers them (R-SRC-3): by applying (a self-application, which answers the request in the same
/// transaction, see <see cref="Applications.ApplicationService.ApplyAsync"/>) or by declining here. Only their own (R-ACC-4).
/// </summary>
public sealed class DirectRequestService(Operations ops)
{
    public Task<List<DirectRequestView>> ListAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var now = ops.Clock.GetUtcNow();
        var rows = await (from r in db.DirectRequests
                          join o in db.JobOffers on r.JobOfferId equals o.Id
                          where r.JobseekerId == jobseekerId
                          orderby r.SentAt descending
                          select new { r, o }).Take(100).ToListAsync(ct);
        // The employer chose to write to the person, so its name is shown.
        return rows.Select(x => new DirectRequestView(x.r.Id, x.o.JobNumber ?? "", x.o.Title, x.o.EstablishmentName, x.r.Message, x.r.Status,
            x.r.SentAt, x.o.IsOpen(now), x.o.AcceptsSelfApplication(now))).ToList();
    }, ct);

    /// <summary>Declines a request that is still open; the employer is told (R-NTC-1).</summary>
    public Task DeclineAsync(Actor actor, Guid requestId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var request = await w.Db.DirectRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.JobseekerId == jobseekerId, ct)
            ?? throw new ScopeException("direct request");
        request.Answer(applied: false, w.Now);
        var title = await w.Db.JobOffers.Where(o => o.Id == request.JobOfferId).Select(o => o.Title).FirstAsync(ct);
        await w.Notices.AddAsync(Recipients.Establishment(request.EstablishmentId), NoticeKind.DirectRequest, request.Id,
            new Dictionary<string, string> { [NoticeArg.OfferTitle] = title }, ct);
        w.Audit(AuditActions.DirectRequestDeclined, nameof(DirectRequest), request.Id, jobseekerId);
    }, ct);
}
