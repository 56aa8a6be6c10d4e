using HelloWork.Domain.Common;

namespace HelloWork.Domain.Messaging;

public enum MessageSide
{
    Employer = 0,
    Jobseeker = 1,
}

/// <summary>A message between an employer and an applicant, threaded by application (R-MSG-1/2).</summary>
public sealed class Message
{
    public const int MaxLength = 2000;

    private Message() { }

    public Message(Guid applicationId, MessageSide from, Guid senderUserId, string body, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        From = from;
        SenderUserId = senderUserId;
        Body = Text.Require(body, nameof(Body), MaxLength);
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public MessageSide From { get; private set; }
    public Guid SenderUserId { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
