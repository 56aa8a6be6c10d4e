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

public sealed record AgencyRow(Guid Id, string Name, AgencyKind Kind, AgencyStatus Status, string? LicenseNumber, DateTimeOffset CreatedAt);

public sealed record UsageRow(string Month, int OfferViews, int ProfileViews, int Downloads, long RowsDownloaded, int Messages);

/// <summary>
/// Agencies: registration and approval, API keys for the data method (R-AGY-1), guidance messages (R-AGY-3) with the
/// national cap of 1,000 a day, and the usage report (利用状況の報告).
/// </summary>
public sealed class AgencyService(Operations ops, OpaqueTokens tokens)
{
    public const int DailyGuidanceCap = 1000;
    public const string KeyPrefix = "hwk_";

    /// <summary>An agency applies online; an admin approves it before its users can use anything.</summary>
    public Task<Guid> RegisterAsync(string name, AgencyKind kind, string? licenseNumber, CancellationToken ct = default) =>
        ops.RunAsync(Actor.System, w =>
        {
            if (!Enum.IsDefined(kind))
            {
                throw new DomainException(ErrorCodes.InvalidChoice, "Kind");
            }
            if (kind != AgencyKind.LocalGovernment && string.IsNullOrWhiteSpace(licenseNumber))
            {
                throw new DomainException(ErrorCodes.LicenseNumberRequired, "LicenseNumber");
            }
            var agency = new Agency(Text.RequireName(name, "Name", 100), kind, licenseNumber, w.Now);
            w.Db.Agencies.Add(agency);
            return Task.FromResult(agency.Id);
        }, ct);

    public Task<List<AgencyRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return ops.ReadAsync(db => db.Agencies.OrderBy(a => a.Status).ThenBy(a => a.Name)
            .Select(a => new AgencyRow(a.Id, a.Name, a.Kind, a.Status, a.LicenseNumber, a.CreatedAt)).ToListAsync(ct), ct);
    }

    public Task SetStatusAsync(Actor actor, Guid agencyId, AgencyStatus status, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        RequireAdmin(actor);
        var agency = await w.Db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainException(ErrorCodes.AgencyNotFound);
        if (status == AgencyStatus.Approved)
        {
            var wasApproved = agency.Status == AgencyStatus.Approved;
            agency.Approve(w.Now);
            if (!wasApproved)
            {
                // The agency's users hear of it by mail (R-MAIL-1, R-MAIL-3): they are not signed in to see it.
                await Mail.MailQueue.ToUsersAsync(w.Db, Notices.Recipients.Agency(agency.Id), Mail.MailKind.AgencyApproved, w.Now, ct);
            }
        }
        else if (status == AgencyStatus.Suspended)
        {
            agency.Suspend();
        }
        else
        {
            throw new DomainException(ErrorCodes.InvalidChoice, "Status");
        }
        w.Audit(AuditActions.AgencyStatusChanged, nameof(Agency), agency.Id, detail: status.ToString());
    }, ct);

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
    public async Task<Guid> SendGuidanceAsync(Actor actor, string profileToken, string body, CancellationToken ct = default)
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
            .Select(u => new UsageRow(u.Month, u.OfferViews, u.ProfileViews, u.Downloads, u.RowsDownloaded, u.Messages)).ToListAsync(ct), ct);
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
