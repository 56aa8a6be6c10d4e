namespace HelloWork.Domain.Audit;

/// <summary>
/// An append-only audit record (R-AUD-1): every state change of offers, referrals, applications and results, and every
/// staff view of a jobseeker's personal data. Never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Guid? actorUserId, string actorRole, string action, string subjectType, Guid subjectId, Guid? jobseekerId,
        Guid? officeId, string? detail, DateTimeOffset now)
    {
        ActorUserId = actorUserId;
        ActorRole = actorRole;
        Action = action;
        SubjectType = subjectType;
        SubjectId = subjectId;
        JobseekerId = jobseekerId;
        OfficeId = officeId;
        Detail = detail;
        At = now;
    }

    public long Id { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorRole { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }

    /// <summary>The jobseeker whose data this concerns, so they can see who accessed it (R-AUD-1).</summary>
    public Guid? JobseekerId { get; private set; }

    public Guid? OfficeId { get; private set; }
    public string? Detail { get; private set; }
    public DateTimeOffset At { get; private set; }
}
