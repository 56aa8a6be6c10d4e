using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;

namespace HelloWork.Tests.Domain;

/// <summary>Small, valid domain objects for rule tests, built with the entities' own constructors and methods.</summary>
public static class Samples
{
    public static Office Office(string code = "13010") => new(code, $"ハローワークテスト{code}", "東京都", "東京都千代田区1-1-1", "03-0000-0000");

    public static Establishment Establishment(Office office, int serial, DateTimeOffset now)
    {
        var est = new Establishment(office.Id, HelloWork.Domain.Accounts.Establishment.FormatNumber(office.Code, serial), $"株式会社テスト{serial}", "",
            "100-0001", "東京都", "東京都千代田区千代田1-1", "製造業", 50, now);
        est.Confirm(now);
        return est;
    }

    /// <summary>A complete 求人票 that passes the checks, with online self-application and mypage documents accepted.</summary>
    public static JobSheet Sheet(string establishmentName = "株式会社テスト")
    {
        var occupation = Vocabulary.Occupations.First(o => !o.Code.StartsWith("104", StringComparison.Ordinal));
        var place = Vocabulary.Places.First(p => p.Prefecture == "東京都");
        var sheet = SampleSheets.Build(new Random(7), occupation, place, establishmentName, "", "東京都千代田区千代田1-1", 50);
        return sheet with
        {
            Basics = sheet.Basics with { OnlineSelfApplication = true, Scope = PublicationScope.PublicWithName },
            Selection = sheet.Selection with { AcceptsMypageDocuments = true },
        };
    }

    /// <summary>An offer submitted and accepted by <paramref name="office"/> at <paramref name="acceptedAt"/>.</summary>
    public static JobOffer AcceptedOffer(Office office, Guid establishmentId, DateTimeOffset acceptedAt)
    {
        var offer = new JobOffer(establishmentId, OfferChannel.Online, Sheet(), acceptedAt.AddDays(-1));
        offer.Submit(acceptedAt.AddHours(-1));
        offer.Accept(office, acceptedAt);
        return offer;
    }

    public static Jobseeker Jobseeker(DateTimeOffset now, string name = "山田 太郎") =>
        new(name, "ヤマダ タロウ", new DateOnly(1990, 4, 1), "090-0000-0000", null, null, now);

    /// <summary>An instant given as Japan wall-clock time (JST, UTC+9).</summary>
    public static DateTimeOffset Jst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(9)).ToUniversalTime();

    public static Actor JobseekerActor(Jobseeker jobseeker) => new(Guid.NewGuid(), Roles.Jobseeker, jobseeker.Name, JobseekerId: jobseeker.Id);

    public static Actor EmployerActor(Establishment establishment) => new(Guid.NewGuid(), Roles.Employer, "採用担当", EstablishmentId: establishment.Id);

    public static Actor StaffActor(Office office) => new(Guid.NewGuid(), Roles.Staff, "職員", OfficeId: office.Id);
}
