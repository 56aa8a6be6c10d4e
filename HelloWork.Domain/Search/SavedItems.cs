using HelloWork.Domain.Common;

namespace HelloWork.Domain.Search;

/// <summary>A saved set of search conditions (検索条件の保存, R-SRC-2). The query is the search page's query string.</summary>
public sealed class SavedSearch
{
    public const int MaxPerJobseeker = 20;

    private SavedSearch() { }

    public SavedSearch(Guid jobseekerId, string name, string query, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        JobseekerId = jobseekerId;
        Name = Text.Require(name, nameof(Name), 50);
        Query = Text.Require(query, nameof(Query), 2000, required: false);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid JobseekerId { get; private set; }
    public string Name { get; private set; } = "";
    public string Query { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A favourite offer (お気に入り, R-SRC-2).</summary>
public sealed class Favourite
{
    private Favourite() { }

    public Favourite(Guid jobseekerId, Guid jobOfferId, DateTimeOffset now)
    {
        JobseekerId = jobseekerId;
        JobOfferId = jobOfferId;
        CreatedAt = now;
    }

    public Guid JobseekerId { get; private set; }
    public Guid JobOfferId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

public enum DirectRequestStatus
{
    Sent = 0,
    Applied = 1,
    Declined = 2,
}

/// <summary>
/// 直接リクエスト: an employer sends an offer with a message to a public jobseeker profile (R-SRC-3).
/// At most 10 jobseekers per offer, once per jobseeker; the offer must accept online self-application (REFERENCE.md).
/// </summary>
public sealed class DirectRequest
{
    public const int MaxPerOffer = 10;

    private DirectRequest() { }

    public DirectRequest(Guid jobOfferId, Guid establishmentId, Guid jobseekerId, string message, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        JobOfferId = jobOfferId;
        EstablishmentId = establishmentId;
        JobseekerId = jobseekerId;
        Message = Text.Require(message, nameof(Message), 1000);
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid JobOfferId { get; private set; }
    public Guid EstablishmentId { get; private set; }
    public Guid JobseekerId { get; private set; }
    public string Message { get; private set; } = "";
    public DirectRequestStatus Status { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public void Answer(bool applied, DateTimeOffset now)
    {
        if (Status != DirectRequestStatus.Sent)
        {
            throw new DomainException(ErrorCodes.RequestAlreadyAnswered);
        }
        Status = applied ? DirectRequestStatus.Applied : DirectRequestStatus.Declined;
        AnsweredAt = now;
    }
}
