using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Evaluation;

/// <summary>
/// That the questionnaire was offered for one occasion (R-EVAL-4): a result (<see cref="SubjectId"/> = the application), an attended appointment
/// (the counselling slot) or an event attended (the booking). One row per occasion, so each is offered once. It names the occasion, never an
/// answer: answers (<see cref="SurveyAnswer"/>) keep no link to it, so staff cannot tell who answered.
/// </summary>
public sealed class SurveyOffer
{
    private SurveyOffer() { }

    public SurveyOffer(SurveyOccasion occasion, Guid subjectId, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Occasion = occasion;
        SubjectId = subjectId;
        OfferedAt = now;
    }

    public Guid Id { get; private set; }
    public SurveyOccasion Occasion { get; private set; }
    public Guid SubjectId { get; private set; }
    public DateTimeOffset OfferedAt { get; private set; }
}

internal sealed class SurveyOfferConfiguration : IEntityTypeConfiguration<SurveyOffer>
{
    public void Configure(EntityTypeBuilder<SurveyOffer> b) => b.HasIndex(o => new { o.Occasion, o.SubjectId }).IsUnique();
}

/// <summary>Offers the questionnaire to the person after an occasion (R-EVAL-4): a notice (mailed to those who chose mail) whose link opens
/// <c>/survey</c> with the office and the occasion filled in, and nothing that names the person.</summary>
public static class SurveyOffers
{
    /// <summary>The occasion's name in the questionnaire's link (<c>?occasion=</c>).</summary>
    public static string QueryName(SurveyOccasion occasion) => occasion.ToString().ToLowerInvariant();

    /// <summary>Offers it once per occasion, in the transaction of the change that makes the occasion; a second call for the same occasion does nothing.</summary>
    internal static async Task OfferAsync(Work w, SurveyOccasion occasion, Guid subjectId, Guid jobseekerId, Guid officeId, CancellationToken ct)
    {
        if (await w.Db.SurveyOffers.AnyAsync(o => o.Occasion == occasion && o.SubjectId == subjectId, ct))
        {
            return;
        }
        w.Db.SurveyOffers.Add(new SurveyOffer(occasion, subjectId, w.Now));
        var office = await w.Db.Offices.Where(o => o.Id == officeId).Select(o => new { o.Code, o.Name }).FirstAsync(ct);
        var users = await w.Db.Users.Where(u => u.JobseekerId == jobseekerId).Select(u => u.Id).ToListAsync(ct);
        foreach (var userId in users)
        {
            await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.SurveyOffered, null, new Dictionary<string, string>
            {
                [NoticeArg.OfficeCode] = office.Code, [NoticeArg.OfficeName] = office.Name, [NoticeArg.Occasion] = QueryName(occasion),
            }, ct);
        }
    }
}
