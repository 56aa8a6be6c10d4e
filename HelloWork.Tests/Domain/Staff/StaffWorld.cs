using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Support;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>Helpers over <see cref="DomainWorld"/> for the staff console's tests: Japan instants, extra offers, jobseekers and accounts.</summary>
public static class StaffWorld
{
    public static DateTimeOffset Jst(int month, int day, int hour = 10, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    public static Actor Supervisor(this DomainWorld w) => w.StaffActor1 with { IsSupervisor = true };

    /// <summary>An offer of <paramref name="est"/> accepted by <paramref name="office"/> at <paramref name="at"/> through <paramref name="channel"/>.</summary>
    public static async Task<JobOffer> AcceptedOfferAsync(this DomainWorld w, Establishment est, Office office, DateTimeOffset at, OfferChannel channel,
        Func<JobSheet, JobSheet>? edit = null)
    {
        var sheet = SampleSheets.Build(new Random(at.Minute + at.Day), Vocabulary.Occupations[0], Vocabulary.Places[0], est.Name, est.Kana, est.Address, est.Employees);
        var offer = new JobOffer(est.Id, channel, edit?.Invoke(sheet) ?? sheet, at);
        offer.Submit(at);
        await w.WithDbAsync(async db =>
        {
            var o = await db.Offices.FindAsync(office.Id);
            offer.Accept(o!, at);
            db.JobOffers.Add(offer);
            return await db.SaveChangesAsync();
        });
        return offer;
    }

    /// <summary>A submitted (not yet accepted) offer of <paramref name="est"/>.</summary>
    public static async Task<JobOffer> SubmittedOfferAsync(this DomainWorld w, Establishment est, DateTimeOffset at, Func<JobSheet, JobSheet>? edit = null)
    {
        var sheet = SampleSheets.Build(new Random(3), Vocabulary.Occupations[0], Vocabulary.Places[0], est.Name, est.Kana, est.Address, est.Employees);
        var offer = new JobOffer(est.Id, OfferChannel.Online, edit?.Invoke(sheet) ?? sheet, at);
        offer.Submit(at);
        await w.WithDbAsync(db => { db.JobOffers.Add(offer); return db.SaveChangesAsync(); });
        return offer;
    }

    /// <summary>A jobseeker, registered at <paramref name="office"/> when given, with wishes.</summary>
    public static async Task<Jobseeker> JobseekerAsync(this DomainWorld w, string name, Office? office, JobseekerWishes? wishes = null)
    {
        var now = w.Clock.GetUtcNow();
        var js = new Jobseeker(name, "テスト", new DateOnly(1990, 1, 1), null, null, null, now);
        if (wishes is not null)
        {
            js.UpdateWishes(wishes, now);
        }
        await w.WithDbAsync(async db =>
        {
            if (office is not null)
            {
                js.RegisterAtOffice((await db.Offices.FindAsync(office.Id))!, now);
            }
            db.Jobseekers.Add(js);
            return await db.SaveChangesAsync();
        });
        return js;
    }

    /// <summary>A mypage account of a jobseeker opened at <paramref name="at"/>.</summary>
    public static Task<int> AccountAsync(this DomainWorld w, Jobseeker js, string email, DateTimeOffset at) => w.WithDbAsync(db =>
    {
        db.Users.Add(new AppUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            Role = Roles.Jobseeker, DisplayName = js.Name, JobseekerId = js.Id, CreatedAt = at,
        });
        return db.SaveChangesAsync();
    });

    public static Actor JobseekerActor(Jobseeker js) => new(Guid.NewGuid(), Roles.Jobseeker, js.Name, JobseekerId: js.Id);
}
