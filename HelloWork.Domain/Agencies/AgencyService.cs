using System.Security.Cryptography;
using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Agencies;

public sealed record ApiKeyView(Guid Id, string Label, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A newly created key: <see cref="Secret"/> is shown once and never stored (only its hash is).</summary>
public sealed record CreatedApiKey(Guid Id, string Secret);

/// <summary>An agency's application as the reviewer sees it: what it entered and who applied (their name and address).</summary>
public sealed record AgencyApplication(Guid Id, string Name, AgencyKind Kind, AgencyStatus Status, string? LicenseNumber, string? Code,
    string? ReturnReason, DateTimeOffset AppliedAt, DateTimeOffset? ReviewedAt, IReadOnlyList<AgencyContact> Contacts)
{
    /// <summary>The documents of the application (利用申請の添付書類), oldest first.</summary>
    public IReadOnlyList<AgencyDocumentInfo> Documents { get; init; } = [];

    /// <summary>The required kinds no document covers yet (<see cref="AgencyDocument.RequiredFor"/>): an application never approved cannot
    /// be approved while any is missing.</summary>
    public IReadOnlyList<AgencyDocumentKind> MissingDocuments => AgencyDocument.Missing(Kind, Documents.Select(d => d.Kind));
}

public sealed record AgencyContact(string Name, string Email, bool EmailConfirmed);

/// <summary>What a jobseeker sees of an agency found by its 利用団体ID: who it is, nothing of its users.</summary>
public sealed record AgencyCard(string Code, string Name, AgencyKind Kind, string? LicenseNumber, DateTimeOffset? ApprovedAt);

/// <summary>What 利用団体IDで検索 shows of an approved agency (seed 003): the agency, the offers it is provided (every open offer of the
/// portal, by the browser and the data method alike, R-AGY-1), which consents cover it (R-AGY-2) and, for a signed-in jobseeker, what
/// the agency has of them: whether their profile is provided to it, whether they refused its messages, and its guidance messages to them.</summary>
public sealed record AgencyOffering(AgencyCard Card, int OpenOffers, IReadOnlyList<ProvisionConsent> CoveringConsents, AgencyRelation? Mine);

/// <summary>The signed-in jobseeker and the agency looked up: their own data only (R-ACC-4).</summary>
public sealed record AgencyRelation(ProvisionConsent Consent, bool Provided, bool Refused, int MessagesFromAgency);

public sealed record PlacementRow(Guid Id, string JobNumber, string OfferTitle, DateOnly HiredOn, DateTimeOffset ReportedAt);

public sealed record UsageRow(string Month, int OfferViews, int ProfileViews, int Downloads, long RowsDownloaded, int Messages, int Placements);

/// <summary>
/// Agencies: registration and approval, API keys for the data method (R-AGY-1), guidance messages (R-AGY-3) with the
/// national cap of 1,000 a day, and the usage report (利用状況の報告).
/// </summary>
public sealed class AgencyService(Operations ops, OpaqueTokens tokens)
{
    public const int DailyGuidanceCap = 1000;
    public const string KeyPrefix = "hwk_";

    /// <summary>The rules of an application beyond the name: a known kind, and a licence number for placement businesses. An agency
    /// applies through its registration form (AccountService.RegisterAgencyAsync, with its first account) and corrects a returned
    /// application here (<see cref="ResubmitAsync"/>); an administrator approves it before its users can use anything.</summary>
    public static void CheckApplication(AgencyKind kind, string? licenseNumber)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, "Kind");
        }
        if (Agency.NeedsLicense(kind) && string.IsNullOrWhiteSpace(licenseNumber))
        {
            throw new DomainException(ErrorCodes.LicenseNumberRequired, "LicenseNumber");
        }
    }

    /// <summary>Every agency and its application (the admin's 利用団体の承認): pending ones first, with the contact people who applied.</summary>
    public Task<List<AgencyApplication>> ApplicationsAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return ops.ReadAsync(async db =>
        {
            var agencies = await db.Agencies.ToListAsync(ct);
            var contacts = await db.Users.Where(u => u.AgencyId != null)
                .Select(u => new { AgencyId = u.AgencyId!.Value, u.DisplayName, u.Email, u.EmailConfirmed, u.CreatedAt }).ToListAsync(ct);
            var documents = await AgencyDocuments.ByAgencyAsync(db, null, ct);
            return agencies.OrderBy(a => a.Status switch { AgencyStatus.Pending => 0, AgencyStatus.Returned => 1, AgencyStatus.Approved => 2, _ => 3 })
                .ThenBy(a => a.CreatedAt)
                .Select(a => new AgencyApplication(a.Id, a.Name, a.Kind, a.Status, a.LicenseNumber, a.Code, a.ReturnReason, a.CreatedAt, a.ReviewedAt,
                    [.. contacts.Where(c => c.AgencyId == a.Id).OrderBy(c => c.CreatedAt).Select(c => new AgencyContact(c.DisplayName, c.Email ?? "", c.EmailConfirmed))])
                {
                    Documents = [.. documents[a.Id]],
                })
                .ToList();
        }, ct);
    }

    /// <summary>Approves an application (or lifts a suspension); the first approval gives the 利用団体ID. The agency is told by a
    /// notice, which its users receive by mail when they chose so (R-MAIL-3). An application never approved is refused while a required
    /// document is missing (<see cref="AgencyDocument.RequiredFor"/>): the bureau accepts an organisation that showed it meets the
    /// requirements (seed 003).</summary>
    public Task ApproveAsync(Actor actor, Guid agencyId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        RequireAdmin(actor);
        var agency = await w.Db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainException(ErrorCodes.AgencyNotFound);
        var wasApproved = agency.Status == AgencyStatus.Approved;
        if (wasApproved && agency.Code is not null)
        {
            return;
        }
        if (agency.ApprovedAt is null)
        {
            await AgencyDocuments.RequireCompleteAsync(w.Db, agency, ct);
        }
        // An agency approved before 利用団体IDs existed gets its ID by approving it again (the admin page offers that), untold.
        string code;
        do
        {
            code = Agency.NewCode();
        }
        while (await w.Db.Agencies.AnyAsync(a => a.Code == code, ct));
        agency.Approve(w.Now, code);
        w.Audit(AuditActions.AgencyStatusChanged, nameof(Agency), agency.Id, detail: nameof(AgencyStatus.Approved));
        if (wasApproved)
        {
            return;
        }
        await w.Notices.AddAsync(Recipients.Agency(agency.Id), NoticeKind.AgencyApproved, agency.Id,
            new Dictionary<string, string> { [NoticeArg.AgencyName] = agency.Name }, ct);
    }, ct);

    /// <summary>差戻し: returns a pending application with a reason the agency reads on its page (and is told of, like an approval).</summary>
    public Task ReturnAsync(Actor actor, Guid agencyId, string reason, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        RequireAdmin(actor);
        var agency = await w.Db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainException(ErrorCodes.AgencyNotFound);
        if (agency.Status != AgencyStatus.Pending)
        {
            throw new DomainException(ErrorCodes.AgencyNotPending);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(ErrorCodes.Required, "ReturnReason");
        }
        agency.Return(reason.Trim(), w.Now);
        w.Audit(AuditActions.AgencyStatusChanged, nameof(Agency), agency.Id, detail: nameof(AgencyStatus.Returned));
        await w.Notices.AddAsync(Recipients.Agency(agency.Id), NoticeKind.AgencyReturned, agency.Id,
            new Dictionary<string, string> { [NoticeArg.AgencyName] = agency.Name }, ct);
    }, ct);

    /// <summary>利用停止: the agency's users keep their accounts but receive nothing (R-AGY-1 needs an approved agency).</summary>
    public Task SuspendAsync(Actor actor, Guid agencyId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        RequireAdmin(actor);
        var agency = await w.Db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainException(ErrorCodes.AgencyNotFound);
        agency.Suspend();
        w.Audit(AuditActions.AgencyStatusChanged, nameof(Agency), agency.Id, detail: nameof(AgencyStatus.Suspended));
    }, ct);

    /// <summary>A returned application, corrected by the agency and sent again for review.</summary>
    public Task ResubmitAsync(Actor actor, string name, AgencyKind kind, string? licenseNumber, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var agencyId = actor.RequireAgency();
        var agency = await w.Db.Agencies.FirstAsync(a => a.Id == agencyId, ct);
        if (agency.Status != AgencyStatus.Returned)
        {
            throw new DomainException(ErrorCodes.AgencyNotReturned);
        }
        CheckApplication(kind, licenseNumber);
        agency.Resubmit(Text.RequireName(name, "Name", 100), kind, licenseNumber, w.Now);
        w.Audit(AuditActions.AgencyStatusChanged, nameof(Agency), agency.Id, detail: nameof(AgencyStatus.Pending));
        await w.Notices.AddAsync(Recipients.Admins, NoticeKind.AgencyApplied, agency.Id,
            new Dictionary<string, string> { [NoticeArg.AgencyName] = agency.Name }, ct);
    }, ct);

    /// <summary>The agency's own application as the agency sees it (its status, the return reason, its 利用団体ID).</summary>
    public Task<AgencyApplication> OwnApplicationAsync(Actor actor, CancellationToken ct = default)
    {
        var agencyId = actor.RequireAgency();
        return ops.ReadAsync(async db =>
        {
            var own = await db.Agencies.Where(a => a.Id == agencyId)
                .Select(a => new AgencyApplication(a.Id, a.Name, a.Kind, a.Status, a.LicenseNumber, a.Code, a.ReturnReason, a.CreatedAt, a.ReviewedAt,
                    new List<AgencyContact>())).FirstAsync(ct);
            return own with { Documents = [.. (await AgencyDocuments.ByAgencyAsync(db, agencyId, ct))[agencyId]] };
        }, ct);
    }

    /// <summary>An approved agency by its 利用団体ID (seed 003: a jobseeker enters the ID the agency gave them); null for a malformed,
    /// unknown, pending, returned or suspended one alike.</summary>
    public Task<AgencyCard?> FindByCodeAsync(string? code, CancellationToken ct = default)
    {
        var trimmed = code?.Trim();
        if (!Agency.IsCode(trimmed))
        {
            return Task.FromResult<AgencyCard?>(null);
        }
        return ops.ReadAsync(db => db.Agencies.Where(a => a.Code == trimmed && a.Status == AgencyStatus.Approved)
            .Select(a => new AgencyCard(a.Code!, a.Name, a.Kind, a.LicenseNumber, a.ApprovedAt)).FirstOrDefaultAsync(ct), ct);
    }

    /// <summary>利用団体IDで検索 (seed 003): the approved agency of <paramref name="code"/> and what it offers; for a jobseeker
    /// (<paramref name="viewer"/>), also what the agency has of them. Any other ID: null, the same answer for every case.</summary>
    public async Task<AgencyOffering?> LookupAsync(string? code, Actor? viewer, CancellationToken ct = default)
    {
        if (await FindByCodeAsync(code, ct) is not { } card)
        {
            return null;
        }
        return await ops.ReadAsync(async db =>
        {
            var today = JapanTime.Today(ops.Clock);
            var offers = await db.JobOffers.CountAsync(o => o.Status == JobOffers.OfferStatus.Published && o.ValidUntil >= today, ct);
            var covering = Provision.ConsentsCovering(card.Kind);
            AgencyRelation? mine = null;
            if (viewer is { IsJobseeker: true, JobseekerId: { } jobseekerId })
            {
                var agencyId = await db.Agencies.Where(a => a.Code == card.Code).Select(a => a.Id).SingleAsync(ct);
                var consent = await db.Jobseekers.Where(j => j.Id == jobseekerId).Select(j => j.Consent).SingleAsync(ct);
                var refused = await db.AgencyRefusals.AnyAsync(r => r.AgencyId == agencyId && r.JobseekerId == jobseekerId, ct);
                var messages = await db.GuidanceMessages.CountAsync(m => m.AgencyId == agencyId && m.JobseekerId == jobseekerId && !m.FromJobseeker, ct);
                mine = new AgencyRelation(consent, covering.Contains(consent), refused, messages);
            }
            return new AgencyOffering(card, offers, covering, mine);
        }, ct);
    }

    public Task<List<ApiKeyView>> KeysAsync(Actor actor, CancellationToken ct = default)
    {
        var agencyId = actor.RequireAgency();
        return ops.ReadAsync(db => db.AgencyApiKeys.Where(k => k.AgencyId == agencyId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyView(k.Id, k.Label, k.Prefix, k.CreatedAt, k.RevokedAt)).ToListAsync(ct), ct);
    }

    /// <summary>Creates a key <c>hwk_{prefix}_{secret}</c>; only SHA-256 of the secret is stored.</summary>
    public Task<CreatedApiKey> CreateKeyAsync(Actor actor, string label, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var agencyId = actor.RequireAgency();
        await RequireApprovedAsync(w.Db, agencyId, ct);
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new AgencyApiKey(agencyId, label, prefix, Hash(secret), w.Now);
        w.Db.AgencyApiKeys.Add(key);
        w.Audit(AuditActions.ApiKeyCreated, nameof(AgencyApiKey), key.Id, detail: prefix);
        return new CreatedApiKey(key.Id, $"{KeyPrefix}{prefix}_{secret}");
    }, ct);

    public Task RevokeKeyAsync(Actor actor, Guid keyId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var agencyId = actor.RequireAgency();
        var key = await w.Db.AgencyApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.AgencyId == agencyId, ct) ?? throw new ScopeException("API key");
        key.Revoke(w.Now);
        w.Audit(AuditActions.ApiKeyRevoked, nameof(AgencyApiKey), key.Id, detail: key.Prefix);
    }, ct);

    /// <summary>The agency a presented key belongs to, when the key is well formed, known, not revoked, and the agency approved.</summary>
    public Task<Agency?> AuthenticateKeyAsync(string? presented, CancellationToken ct = default)
    {
        if (presented is null || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return Task.FromResult<Agency?>(null);
        }
        var parts = presented[KeyPrefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 12)
        {
            return Task.FromResult<Agency?>(null);
        }
        var (prefix, secret) = (parts[0], parts[1]);
        return ops.ReadAsync(async db =>
        {
            var key = await db.AgencyApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, ct);
            if (key is null || !CryptographicOperations.FixedTimeEquals(key.SecretHash, Hash(secret)))
            {
                return null;
            }
            return await db.Agencies.FirstOrDefaultAsync(a => a.Id == key.AgencyId && a.Status == AgencyStatus.Approved, ct);
        }, ct);
    }

    /// <summary>R-AGY-3: a guidance message to a provided profile, named by the agency's own token. Refused when the token is not
    /// this agency's, consent does not (or no longer) cover the agency's kind — one answer for all of these —, the jobseeker
    /// refused this agency, or 1,000 guidance messages were already sent today (Japan time) across all agencies.</summary>
    public Task<Guid> SendGuidanceAsync(Actor actor, string profileToken, string body, CancellationToken ct = default) =>
        PostAsync(actor, profileToken, body, answer: false, ct);

    /// <summary>The jobseeker answers without revealing identity (the agency knows them only by its own opaque token).</summary>
    public Task AnswerGuidanceAsync(Actor actor, Guid agencyId, string body, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        if (!await w.Db.GuidanceMessages.AnyAsync(m => m.AgencyId == agencyId && m.JobseekerId == jobseekerId && !m.FromJobseeker, ct))
        {
            throw new ScopeException("guidance thread");
        }
        w.Db.GuidanceMessages.Add(new GuidanceMessage(agencyId, jobseekerId, null, true, body, w.Now));
        await w.Notices.AddAsync(Recipients.Agency(agencyId), NoticeKind.GuidanceMessage, null, NoticeArg.None, ct);
    }, ct);

    /// <summary>The agency answers the jobseeker's reply or question in a thread (R-AGY-3, seed 003 ④: 「求職者からの質問への回答」), named by
    /// its own token. Refused like <see cref="SendGuidanceAsync"/>, and while the jobseeker has not written yet (an agency sends one
    /// first guidance, then only answers).</summary>
    public Task<Guid> ReplyGuidanceAsync(Actor actor, string profileToken, string body, CancellationToken ct = default) =>
        PostAsync(actor, profileToken, body, answer: true, ct);

    /// <summary>A message from the agency into a thread: the first guidance, or an answer. Both count towards the national daily cap
    /// (案内送信等) and the usage report, and tell the jobseeker by a notice.</summary>
    private async Task<Guid> PostAsync(Actor actor, string profileToken, string body, bool answer, CancellationToken ct)
    {
        var agencyId = actor.RequireAgency();
        var scope = await tokens.ForAsync(TokenHolder.Agency, agencyId, ct);
        return await ops.RunAsync(actor, async w =>
        {
            var agency = await RequireApprovedAsync(w.Db, agencyId, ct);
            var jobseekerId = await Provision.CoveredJobseekerAsync(w.Db, agency, scope, profileToken, ct);
            if (jobseekerId == Guid.Empty)
            {
                throw new DomainException(ErrorCodes.ProfileNotProvided);
            }
            if (await w.Db.AgencyRefusals.AnyAsync(r => r.AgencyId == agencyId && r.JobseekerId == jobseekerId, ct))
            {
                throw new DomainException(ErrorCodes.GuidanceRefusedByJobseeker);
            }
            if (answer && !await w.Db.GuidanceMessages.AnyAsync(m => m.AgencyId == agencyId && m.JobseekerId == jobseekerId && m.FromJobseeker, ct))
            {
                throw new DomainException(ErrorCodes.GuidanceNoQuestion, "Body");
            }
            var dayStart = JapanTime.StartOf(JapanTime.DateOf(w.Now));
            var today = await w.Db.GuidanceMessages.CountAsync(m => !m.FromJobseeker && m.SentAt >= dayStart, ct);
            if (today >= DailyGuidanceCap)
            {
                throw new DomainException(ErrorCodes.GuidanceDailyCapReached, null, DailyGuidanceCap);
            }
            var message = new GuidanceMessage(agencyId, jobseekerId, null, false, body, w.Now);
            w.Db.GuidanceMessages.Add(message);
            (await UsageAsync(w, agencyId, ct)).CountMessage();
            var userIds = await w.Db.Users.Where(u => u.JobseekerId == jobseekerId).Select(u => u.Id).ToListAsync(ct);
            foreach (var userId in userIds)
            {
                await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.GuidanceMessage, message.Id,
                    new Dictionary<string, string> { [NoticeArg.AgencyName] = agency.Name }, ct);
            }
            return message.Id;
        }, ct);
    }

    /// <summary>採用決定: the agency reports a hire on a Hello Work offer by its job number (R-AGY-1). Counted in the usage report and
    /// in the figures of the office that accepted the offer. The date is the hire's Japan date: not in the future, not before the
    /// offer was accepted.</summary>
    public Task<Guid> ReportPlacementAsync(Actor actor, string? jobNumber, DateOnly? hiredOn, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var agencyId = actor.RequireAgency();
        await RequireApprovedAsync(w.Db, agencyId, ct);
        var number = jobNumber?.Trim() ?? "";
        if (number.Length == 0)
        {
            throw new DomainException(ErrorCodes.Required, "JobNumber");
        }
        var offer = await w.Db.JobOffers.Where(o => o.JobNumber == number && o.AcceptingOfficeId != null)
            .Select(o => new { o.Id, OfficeId = o.AcceptingOfficeId!.Value, o.AcceptedAt }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(ErrorCodes.OfferNotFound, "JobNumber");
        if (hiredOn is not { } date)
        {
            throw new DomainException(ErrorCodes.HiringDateRequired, "HiredOn");
        }
        if (date > JapanTime.DateOf(w.Now) || (offer.AcceptedAt is { } accepted && date < JapanTime.DateOf(accepted)))
        {
            throw new DomainException(ErrorCodes.HiringDateOutOfRange, "HiredOn");
        }
        var report = new PlacementReport(agencyId, offer.Id, offer.OfficeId, number, date, w.Now);
        w.Db.PlacementReports.Add(report);
        (await UsageAsync(w, agencyId, ct)).CountPlacement();
        w.Audit(AuditActions.PlacementReported, nameof(PlacementReport), report.Id, officeId: offer.OfficeId, detail: number);
        return report.Id;
    }, ct);

    /// <summary>The agency's own placement reports, newest hire first.</summary>
    public Task<List<PlacementRow>> PlacementsAsync(Actor actor, CancellationToken ct = default)
    {
        var agencyId = actor.RequireAgency();
        return ops.ReadAsync(db => (from p in db.PlacementReports
                                    where p.AgencyId == agencyId
                                    join o in db.JobOffers on p.JobOfferId equals o.Id
                                    orderby p.HiredOn descending, p.ReportedAt descending
                                    select new PlacementRow(p.Id, p.JobNumber, o.Title, p.HiredOn, p.ReportedAt)).Take(500).ToListAsync(ct), ct);
    }

    /// <summary>受信拒否: no further messages from this agency (R-AGY-3).</summary>
    public Task RefuseAgencyAsync(Actor actor, Guid agencyId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        if (!await w.Db.AgencyRefusals.AnyAsync(r => r.AgencyId == agencyId && r.JobseekerId == jobseekerId, ct))
        {
            w.Db.AgencyRefusals.Add(new AgencyRefusal(agencyId, jobseekerId, w.Now));
        }
    }, ct);

    public Task<List<UsageRow>> UsageReportAsync(Actor actor, Guid? agencyId = null, CancellationToken ct = default)
    {
        var id = actor.IsAdmin && agencyId is { } chosen ? chosen : actor.RequireAgency();
        return ops.ReadAsync(db => db.AgencyUsages.Where(u => u.AgencyId == id).OrderByDescending(u => u.Month)
            .Select(u => new UsageRow(u.Month, u.OfferViews, u.ProfileViews, u.Downloads, u.RowsDownloaded, u.Messages, u.Placements)).ToListAsync(ct), ct);
    }

    /// <summary>Counts a view or download in this month's usage row.</summary>
    public Task RecordUsageAsync(Guid agencyId, Action<AgencyUsage> count, CancellationToken ct = default) =>
        ops.RunAsync(Actor.System, async w => count(await UsageAsync(w, agencyId, ct)), ct);

    private static async Task<AgencyUsage> UsageAsync(Work w, Guid agencyId, CancellationToken ct)
    {
        var month = JapanTime.DateOf(w.Now).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return w.Db.AgencyUsages.Local.FirstOrDefault(u => u.AgencyId == agencyId && u.Month == month)
            ?? await w.Db.AgencyUsages.FirstOrDefaultAsync(u => u.AgencyId == agencyId && u.Month == month, ct)
            ?? w.Db.AgencyUsages.Add(new AgencyUsage(agencyId, month)).Entity;
    }

    private static async Task<Agency> RequireApprovedAsync(HelloWorkDb db, Guid agencyId, CancellationToken ct) =>
        await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId && a.Status == AgencyStatus.Approved, ct)
            ?? throw new DomainException(ErrorCodes.AgencyNotApproved);

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ScopeException("agency administration");
        }
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
