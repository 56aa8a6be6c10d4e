using System.Security.Cryptography;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using System.Linq.Expressions;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Registration;

/// <summary>What the person sees of their own 求職申込書 and its progress (R-REG-1, R-ACC-2).</summary>
public sealed record MyApplication(string Name, string Kana, DateOnly BirthDate, ApplicationForm Form, JobseekerTier Tier, string? JobseekerNumber,
    PreRegistrationStatus Status, int StepsDone, string? ReceiptNumber, string? OfficeName, bool CompletedOnline)
{
    public bool IsDone(int step) => (StepsDone & (1 << (step - 1))) != 0;

    public bool AllStepsDone => StepsDone == ApplicationSteps.AllDone;
}

/// <summary>The result of saving one step: saved or not, the step's findings, and whether the step now counts as done.</summary>
public sealed record StepSaveResult(bool Saved, bool Done, IReadOnlyList<Finding> Findings);

/// <summary>An office the person may send the form to, and whether it completes registrations online (R-REG-2).</summary>
public sealed record OfficeChoice(Guid Id, string Name, string Prefecture, bool CompletesOnline);

/// <summary>What the person is told after 入力完了: the 受付番号, and the 求職番号 when the office completed it online.</summary>
public sealed record SubmitResult(string ReceiptNumber, string? JobseekerNumber);

/// <summary>One line of an office's queue of 求職申込み made online.</summary>
public sealed record QueuedApplication(string ReceiptNumber, string Name, string Kana, DateOnly BirthDate, PreRegistrationStatus Status, bool CompletedOnline,
    string? JobseekerNumber, DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt);

/// <summary>The whole form as staff of the office see it at the counter (personal data: opening it is audited, R-AUD-1).</summary>
public sealed record CounterApplication(QueuedApplication Line, ApplicationForm Form, IdentityDocument? IdentityDocument);

/// <summary>
/// The 求職申込書 online (R-REG-1) and its two ways to a 求職番号 (R-REG-2): 事前登録 finished at home and completed by staff of the
/// chosen office at the counter from its 受付番号 (identity checked, nothing retyped), or — where the office allows it — completed
/// online at once. The form is the jobseeker's own data, so the person sees and changes it later through the same steps (R-ACC-2).
/// Every change and every staff opening is audited; the person's data is theirs and their chosen office's only (R-ACC-4).
/// </summary>
public sealed class PreRegistrationService(Operations ops)
{
    /// <summary>How long a completed application stays in the office's queue.</summary>
    public static readonly TimeSpan CompletedInQueue = TimeSpan.FromDays(30);

    public Task<MyApplication> ReadAsync(Actor actor, CancellationToken ct = default)
    {
        var jobseekerId = actor.RequireJobseeker();
        return ops.ReadAsync(async db =>
        {
            var j = await db.Jobseekers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == jobseekerId, ct) ?? throw new ScopeException("jobseeker profile");
            var p = await db.PreRegistrations.AsNoTracking().FirstOrDefaultAsync(x => x.JobseekerId == jobseekerId, ct);
            var officeName = p?.OfficeId is { } officeId ? await db.Offices.Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
            return new MyApplication(j.Name, j.Kana, j.BirthDate, ApplicationForm.Of(j), j.Tier, j.JobseekerNumber, p?.Status ?? PreRegistrationStatus.Draft,
                p?.StepsDone ?? 0, p?.ReceiptNumber, officeName, p?.CompletedOnline ?? false);
        }, ct);
    }

    /// <summary>
    /// Saves one step. 一時保存 (<paramref name="finish"/> false) keeps the step even with required entries empty; 次へ needs them. A value
    /// wrong in itself refuses either way and nothing changes (R-ERR-1). The step counts as done when finished with its orange findings
    /// confirmed (<paramref name="warningsConfirmed"/>). Audited without the data (R-AUD-1).
    /// </summary>
    public Task<StepSaveResult> SaveStepAsync(Actor actor, int step, ApplicationForm incoming, bool finish, bool warningsConfirmed, CancellationToken ct = default) =>
        ops.RunAsync(actor, async w =>
        {
            var jobseekerId = actor.RequireJobseeker();
            if (!ApplicationSteps.IsStep(step))
            {
                throw new DomainException(ErrorCodes.InvalidChoice, "Step");
            }
            var jobseeker = await w.Db.Jobseekers.FirstOrDefaultAsync(j => j.Id == jobseekerId, ct) ?? throw new ScopeException("jobseeker profile");
            var form = ApplicationForm.Of(jobseeker).WithStep(step, incoming);
            var findings = ApplicationFormChecks.Check(step, form, JapanTime.DateOf(w.Now));
            var errors = findings.Where(f => f.Level == FindingLevel.Error).ToList();
            if (errors.Any(f => f.IsWrong) || (finish && errors.Count > 0))
            {
                return new StepSaveResult(false, false, findings);
            }
            switch (step)
            {
                case ApplicationSteps.Basic: jobseeker.UpdateContact(form.Phone, form.PostalCode, form.Address, w.Now); break;
                case ApplicationSteps.Benefit: jobseeker.UpdateBenefit(form.Benefit, w.Now); break;
                case ApplicationSteps.Disability: jobseeker.UpdateDisability(form.Disability, w.Now); break;
                default: jobseeker.UpdateWishes(form.Wishes, w.Now); break;
            }
            var pre = await w.Db.PreRegistrations.FirstOrDefaultAsync(p => p.JobseekerId == jobseekerId, ct);
            if (pre is null)
            {
                pre = new PreRegistration(jobseekerId, w.Now);
                w.Db.PreRegistrations.Add(pre);
            }
            var done = errors.Count == 0 && (warningsConfirmed || findings.All(f => f.Level != FindingLevel.Warning));
            pre.MarkStep(step, done, w.Now);
            w.Audit(AuditActions.JobApplicationStepSaved, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, jobseeker.HomeOfficeId, $"step {step}");
            return new StepSaveResult(true, done, findings);
        }, ct);

    /// <summary>The offices a person may send the form to.</summary>
    public Task<List<OfficeChoice>> OfficesAsync(CancellationToken ct = default) => ops.ReadAsync(db => db.Offices.AsNoTracking()
        .OrderBy(o => o.Code).Select(o => new OfficeChoice(o.Id, o.Name, o.Prefecture, o.CompletesApplicationsOnline)).ToListAsync(ct), ct);

    /// <summary>入力完了 (R-REG-2): every step done; gives the 受付番号 and tells the office. Where the office completes online, the
    /// registration is made at once and the 求職番号 issued (the office's queue shows it).</summary>
    public Task<SubmitResult> SubmitAsync(Actor actor, Guid officeId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var jobseeker = await w.Db.Jobseekers.FirstOrDefaultAsync(j => j.Id == jobseekerId, ct) ?? throw new ScopeException("jobseeker profile");
        if (jobseeker.Tier == JobseekerTier.Full)
        {
            throw new DomainException(ErrorCodes.AlreadyRegisteredAtOffice);
        }
        var pre = await w.Db.PreRegistrations.FirstOrDefaultAsync(p => p.JobseekerId == jobseekerId, ct) ?? throw new DomainException(ErrorCodes.PreRegistrationIncomplete);
        var office = await w.Db.Offices.FirstOrDefaultAsync(o => o.Id == officeId, ct) ?? throw new DomainException(ErrorCodes.InvalidChoice, "Office");
        pre.Submit(office.Id, await NewReceiptNumberAsync(w.Db, ct), w.Now);
        w.Audit(AuditActions.JobApplicationSubmitted, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, office.Id, pre.ReceiptNumber);
        var args = new Dictionary<string, string> { [NoticeArg.ReceiptNumber] = pre.ReceiptNumber!, [NoticeArg.OfficeName] = office.Name };
        if (office.CompletesApplicationsOnline)
        {
            pre.CompleteOnline(w.Now);
            jobseeker.RegisterAtOffice(office, w.Now);
            w.Audit(AuditActions.JobseekerRegisteredAtOffice, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, office.Id, jobseeker.JobseekerNumber);
            w.Audit(AuditActions.JobApplicationCompletedOnline, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, office.Id, pre.ReceiptNumber);
            args[NoticeArg.JobseekerNumber] = jobseeker.JobseekerNumber!;
            await w.Notices.AddAsync(Recipients.User(actor.UserId), NoticeKind.JobApplicationCompleted, pre.Id, args, ct);
        }
        await w.Notices.AddAsync(Recipients.Office(office.Id), NoticeKind.JobApplicationSubmitted, pre.Id, args, ct);
        return new SubmitResult(pre.ReceiptNumber!, jobseeker.JobseekerNumber);
    }, ct);

    /// <summary>The office's queue: applications waiting for the counter first, then those completed in the last 30 days.</summary>
    public Task<List<QueuedApplication>> QueueAsync(Actor actor, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        return ops.ReadAsync(async db =>
        {
            var since = ops.Clock.GetUtcNow() - CompletedInQueue;
            var rows = await Lines(db, p => p.OfficeId == officeId && p.Status != PreRegistrationStatus.Draft).ToListAsync(ct);
            return rows.Where(x => x.P.Status == PreRegistrationStatus.Submitted || x.P.CompletedAt >= since)
                .OrderBy(x => x.P.Status).ThenByDescending(x => x.P.SubmittedAt).Select(Line).ToList();
        }, ct);
    }

    /// <summary>窓口: by 受付番号 (exact) or by name or kana (part), among the office's applications waiting for the counter.</summary>
    public Task<List<QueuedApplication>> FindAsync(Actor actor, string query, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var q = Text.Require(query, "Query", 50).Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);
        var rows = await Lines(w.Db, p => p.OfficeId == officeId && p.Status == PreRegistrationStatus.Submitted).ToListAsync(ct);
        var found = rows.Where(x => x.P.ReceiptNumber == q || x.P.ReceiptNumber!.Replace("-", "", StringComparison.Ordinal) == q
                || Compact(x.J.Name).Contains(q, StringComparison.Ordinal) || Compact(x.J.Kana).Contains(q, StringComparison.Ordinal))
            .Select(Line).ToList();
        if (found.Count == 0)
        {
            w.Audit(AuditActions.JobseekerLookupNoMatch, nameof(PreRegistration), Guid.Empty, officeId: officeId, detail: "pre-registration");
        }
        return found;
    }, ct);

    /// <summary>Opens one application of the caller's office by its 受付番号; another office's is not found, like a missing one (R-ACC-4).</summary>
    public Task<CounterApplication> OpenAsync(Actor actor, string receiptNumber, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var x = await Lines(w.Db, p => p.ReceiptNumber == receiptNumber && p.OfficeId == officeId).FirstOrDefaultAsync(ct)
            ?? throw new ScopeException("pre-registration");
        w.Audit(AuditActions.JobApplicationViewed, nameof(Jobseeker), x.J.Id, x.J.Id, officeId, receiptNumber);
        return new CounterApplication(Line(x), ApplicationForm.Of(x.J), x.P.IdentityDocument);
    }, ct);

    /// <summary>
    /// 窓口で求職登録を完了 (R-REG-2): staff of the chosen office confirm that they checked the person's identity and on which document;
    /// the registration at the office (<see cref="Jobseeker.RegisterAtOffice"/>) issues the 求職番号 from the form as it stands.
    /// </summary>
    public Task<string> CompleteAtCounterAsync(Actor actor, string receiptNumber, bool identityChecked, IdentityDocument? document, CancellationToken ct = default) =>
        ops.RunAsync(actor, async w =>
        {
            var officeId = actor.RequireOffice();
            var pre = await w.Db.PreRegistrations.FirstOrDefaultAsync(p => p.ReceiptNumber == receiptNumber && p.OfficeId == officeId, ct)
                ?? throw new ScopeException("pre-registration");
            if (!identityChecked)
            {
                throw new DomainException(ErrorCodes.IdentityNotChecked, "IdentityChecked");
            }
            if (document is not { } kind)
            {
                throw new DomainException(ErrorCodes.IdentityNotChecked, nameof(IdentityDocument));
            }
            var jobseeker = await w.Db.Jobseekers.FirstAsync(j => j.Id == pre.JobseekerId, ct);
            var office = await w.Db.Offices.FirstAsync(o => o.Id == officeId, ct);
            pre.CompleteAtCounter(actor.UserId, kind, w.Now);
            jobseeker.RegisterAtOffice(office, w.Now);
            w.Audit(AuditActions.JobseekerRegisteredAtOffice, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, office.Id, jobseeker.JobseekerNumber);
            w.Audit(AuditActions.JobApplicationCompletedAtCounter, nameof(Jobseeker), jobseeker.Id, jobseeker.Id, office.Id, $"{receiptNumber} {kind}");
            var args = new Dictionary<string, string>
            {
                [NoticeArg.ReceiptNumber] = receiptNumber, [NoticeArg.JobseekerNumber] = jobseeker.JobseekerNumber!, [NoticeArg.OfficeName] = office.Name,
            };
            await w.Notices.AddAsync(Recipients.Office(office.Id), NoticeKind.JobApplicationCompleted, pre.Id, args, ct);
            foreach (var userId in await w.Db.Users.Where(u => u.JobseekerId == jobseeker.Id).Select(u => u.Id).ToListAsync(ct))
            {
                await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.JobApplicationCompleted, pre.Id, args, ct);
            }
            return jobseeker.JobseekerNumber!;
        }, ct);

    /// <summary>Whether the caller's office completes applications online.</summary>
    public Task<bool> CompletesOnlineAsync(Actor actor, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        return ops.ReadAsync(db => db.Offices.Where(o => o.Id == officeId).Select(o => o.CompletesApplicationsOnline).FirstAsync(ct), ct);
    }

    /// <summary>The office's setting (R-REG-2): a supervisor of the office, or an administrator for any office; anyone else is refused.</summary>
    public Task SetOnlineCompletionAsync(Actor actor, Guid officeId, bool allowed, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        if (!(actor.IsAdmin || (actor.IsStaff && actor.IsSupervisor && actor.OfficeId == officeId)))
        {
            throw new ScopeException("office settings");
        }
        var office = await w.Db.Offices.FirstOrDefaultAsync(o => o.Id == officeId, ct) ?? throw new ScopeException("office settings");
        office.SetOnlineCompletion(allowed);
        w.Audit(AuditActions.OnlineCompletionSwitched, nameof(Office), office.Id, officeId: office.Id, detail: allowed ? "on" : "off");
    }, ct);

    private static IQueryable<Pair> Lines(HelloWorkDb db, Expression<Func<PreRegistration, bool>> which) =>
        from p in db.PreRegistrations.AsNoTracking().Where(which)
        join j in db.Jobseekers.AsNoTracking() on p.JobseekerId equals j.Id
        select new Pair(p, j);

    private static QueuedApplication Line(Pair x) => new(x.P.ReceiptNumber!, x.J.Name, x.J.Kana, x.J.BirthDate, x.P.Status, x.P.CompletedOnline,
        x.J.JobseekerNumber, x.P.SubmittedAt!.Value, x.P.CompletedAt);

    private static string Compact(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);

    /// <summary>A 受付番号 nobody has: eight random digits (unguessable enough that one cannot be found by counting; staff see only
    /// their own office's anyway).</summary>
    private static async Task<string> NewReceiptNumberAsync(HelloWorkDb db, CancellationToken ct)
    {
        while (true)
        {
            var n = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000);
            var number = $"{n / 10_000:D4}-{n % 10_000:D4}";
            if (!await db.PreRegistrations.AnyAsync(p => p.ReceiptNumber == number, ct))
            {
                return number;
            }
        }
    }

    private sealed record Pair(PreRegistration P, Jobseeker J);
}
