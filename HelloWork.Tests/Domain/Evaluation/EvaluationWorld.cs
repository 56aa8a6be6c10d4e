using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using static HelloWork.Tests.Domain.Staff.StaffWorld;

namespace HelloWork.Tests.Domain.Evaluation;

/// <summary>
/// Fiscal year 2026 of two offices, 飯田橋 (13010) and 大阪東 (27010), among twelve, generated event by event through the domain's own model;
/// the clock reads 10 May 2027, so the year is over and every month published. What happens (the hand count is in <see cref="EvaluationTests"/>):
/// <list type="bullet">
/// <item>飯田橋 accepts offer A (正社員) on 5/10 and offer B (正社員以外) on 11/5. R (registered 4/10, valid to 6/30, no 受給資格) is referred to A on
/// 5/15 and hired on 5/30 (starts 6/1). P (registered 10/15, 受給資格 90 days decided 11/1) is referred to B on 11/10 and hired on 11/20, starting
/// 11/25: 24 days after the decision, 17 used after the 7 days of 待期, 73 of 90 left (≥ 60): early. Q (registered 10/15, 180 days decided 6/1) is
/// referred to B on 11/12 and hired on 11/22, starting 12/1: 176 used, 4 of 180 left: not early. S (registered 10/15) is never referred. An
/// unregistered jobseeker self-applies to B on 11/14 and is not hired on 11/24.</item>
/// <item>大阪東 accepts offer C on 11/3. T (registered 10/20, 120 days decided 11/1) is referred to C on 11/5 and hired on 11/15, starting 11/20:
/// 12 used, 108 of 120 left (≥ 80): early. V (registered 10/20) is never referred.</item>
/// <item>Ten more offices (13020 … 13110) have no data at all.</item>
/// </list>
/// </summary>
public sealed class EvaluationWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = Jst(5, 10, 12, year: 2027);

    private EvaluationWorld(DomainWorld world) => World = world;

    public DomainWorld World { get; }
    public Office Iidabashi { get; private set; } = default!;
    public Office OsakaHigashi { get; private set; } = default!;

    public Actor Supervisor1 => new(Guid.NewGuid(), Roles.Staff, "統括 飯田橋", OfficeId: Iidabashi.Id, IsSupervisor: true);
    public Actor Supervisor2 => new(Guid.NewGuid(), Roles.Staff, "統括 大阪東", OfficeId: OsakaHigashi.Id, IsSupervisor: true);
    public Actor Staff1 => new(Guid.NewGuid(), Roles.Staff, "職員 飯田橋", OfficeId: Iidabashi.Id);

    /// <summary>The world with its clock at <paramref name="clock"/> (default <see cref="Now"/>; the fake clock only goes forward).</summary>
    public static async Task<EvaluationWorld> CreateAsync(DateTimeOffset? clock = null)
    {
        var w = new EvaluationWorld(await DomainWorld.CreateEmptyAsync(clock ?? Now));
        await w.GenerateAsync();
        return w;
    }

    private async Task GenerateAsync()
    {
        var w = World;
        Iidabashi = new Office("13010", "ハローワーク飯田橋", "東京都", "東京都文京区後楽1-9-20", "03-3812-8609");
        OsakaHigashi = new Office("27010", "ハローワーク大阪東", "大阪府", "大阪府大阪市中央区農人橋2-1-36", "06-6942-4771");
        var others = Enumerable.Range(2, 10).Select(i => new Office($"13{i:D2}0", $"ハローワーク東京第{i}", "東京都", "東京都千代田区1-1", "03-0000-0000")).ToList();
        var est1 = new Establishment(Iidabashi.Id, "1301-000100-1", "株式会社みらい商事", "ミライショウジ", "102-0072", "東京都", "東京都千代田区飯田橋3-4-1", "卸売業", 120, Jst(4, 1));
        var est2 = new Establishment(OsakaHigashi.Id, "2701-000101-2", "株式会社なにわ物産", "ナニワブッサン", "540-0008", "大阪府", "大阪府大阪市中央区大手前2-1-22", "卸売業", 40, Jst(4, 1));
        est1.Confirm(Jst(4, 1));
        est2.Confirm(Jst(4, 1));
        await w.ArrangeAsync(db => { db.AddRange([Iidabashi, OsakaHigashi, .. others, est1, est2]); return Task.FromResult(0); });

        var a = await w.AcceptedOfferAsync(est1, Iidabashi, Jst(5, 10), OfferChannel.Online, s => s with { Work = s.Work with { EmploymentType = EmploymentType.Regular } });
        var b = await w.AcceptedOfferAsync(est1, Iidabashi, Jst(11, 5), OfferChannel.Counter, s => s with { Work = s.Work with { EmploymentType = EmploymentType.NonRegular } });
        var c = await w.AcceptedOfferAsync(est2, OsakaHigashi, Jst(11, 3), OfferChannel.Online, s => s with { Work = s.Work with { EmploymentType = EmploymentType.NonRegular } });

        var r = await RegisteredAsync("登録 太郎", Iidabashi, Jst(4, 10), null);
        var p = await RegisteredAsync("早期 花子", Iidabashi, Jst(10, 15), new BenefitEligibility(true, 90, new DateOnly(2026, 11, 1)));
        var q = await RegisteredAsync("長期 次郎", Iidabashi, Jst(10, 15), new BenefitEligibility(true, 180, new DateOnly(2026, 6, 1)));
        await RegisteredAsync("待機 三郎", Iidabashi, Jst(10, 15), null);
        var t = await RegisteredAsync("大阪 四郎", OsakaHigashi, Jst(10, 20), new BenefitEligibility(true, 120, new DateOnly(2026, 11, 1)));
        await RegisteredAsync("大阪 五郎", OsakaHigashi, Jst(10, 20), null);
        var unregistered = new Jobseeker("自主 六子", "ジシュ ムツコ", new DateOnly(1980, 1, 1), null, null, null, Jst(4, 1));
        await w.ArrangeAsync(db => { db.Jobseekers.Add(unregistered); return Task.FromResult(0); });

        await HireAsync(a, est1, r, Iidabashi, Jst(5, 15), Jst(5, 30), new DateOnly(2026, 6, 1));
        await HireAsync(b, est1, p, Iidabashi, Jst(11, 10), Jst(11, 20), new DateOnly(2026, 11, 25));
        await HireAsync(b, est1, q, Iidabashi, Jst(11, 12), Jst(11, 22), new DateOnly(2026, 12, 1));
        await HireAsync(c, est2, t, OsakaHigashi, Jst(11, 5), Jst(11, 15), new DateOnly(2026, 11, 20));
        await w.ArrangeAsync(db =>
        {
            var self = new Application(b.Id, est1.Id, unregistered.Id, ApplicationMethod.SelfApplication, null, "自主応募です。", Jst(11, 14), applicantHasMypage: true);
            self.RegisterResult(ResultOutcome.NotHired, 4, false, null, null, ResultChannel.EmployerOnline, Jst(11, 24));
            db.Applications.Add(self);
            return Task.FromResult(0);
        });
    }

    private Task<Jobseeker> RegisteredAsync(string name, Office office, DateTimeOffset at, BenefitEligibility? benefit) => World.ArrangeAsync(async db =>
    {
        var js = new Jobseeker(name, "テスト", new DateOnly(1985, 5, 5), null, null, null, at);
        js.RegisterAtOffice((await db.Offices.FindAsync(office.Id))!, at);
        if (benefit is not null)
        {
            js.UpdateBenefit(benefit, Now);
        }
        db.Jobseekers.Add(js);
        return js;
    });

    /// <summary>A counter referral by <paramref name="office"/>, established at once, and the hire registered by the employer online.</summary>
    private Task<int> HireAsync(JobOffer offer, Establishment est, Jobseeker js, Office office, DateTimeOffset referredAt, DateTimeOffset resultAt, DateOnly hiringDate) =>
        World.ArrangeAsync(db =>
        {
            var referral = new Referral(offer.Id, js.Id, office.Id, Guid.NewGuid(), "職業相談部門", ReferralKind.Counter, EmployerConfirmation.Confirmed, null,
                referredAt, referredAt + Referral.DefaultApplicationPeriod);
            var app = new Application(offer.Id, est.Id, js.Id, ApplicationMethod.CounterReferral, referral.Id, "", referredAt, applicantHasMypage: false);
            referral.Establish(app.Id, referredAt);
            app.RegisterResult(ResultOutcome.Hired, null, false, null, hiringDate, ResultChannel.EmployerOnline, resultAt);
            db.AddRange(referral, app);
            return Task.FromResult(0);
        });

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
