using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Figures;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using static HelloWork.Tests.Domain.Staff.StaffWorld;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>
/// R-KPI-1..5: November 2026 at ハローワーク飯田橋, built event by event, and every figure checked against a count done by hand.
/// The comments give the hand count.
/// </summary>
public sealed class OfficeFiguresTests
{
    private static ReferralInput Input(JobOffer offer, Jobseeker js) => new(offer.Id, js.Id, EmployerConfirmation.Confirmed, null);

    [Fact]
    public async Task Every_figure_of_a_known_month_matches_the_hand_count()
    {
        await using var w = await DomainWorld.CreateAsync();   // Offer1: online, accepted by office 1 on 11/23; Offer2: office 2.
        var offerA = await w.AcceptedOfferAsync(w.Establishment1, w.Office1, Jst(11, 23, 11), OfferChannel.Counter);
        var offerB = await w.AcceptedOfferAsync(w.Establishment1, w.Office1, Jst(11, 23, 12), OfferChannel.Online);
        await w.AcceptedOfferAsync(w.Establishment1, w.Office1, Jst(10, 31, 23, 30), OfferChannel.Online);   // October in Japan (14:30 UTC)
        await w.AcceptedOfferAsync(w.Establishment1, w.Office1, Jst(12, 1, 0, 30), OfferChannel.Online);     // December in Japan (Nov 30 UTC)
        await w.AcceptedOfferAsync(w.Establishment2, w.Office2, Jst(11, 24), OfferChannel.Online);          // another office
        await w.WithDbAsync(db =>
        {
            var online = new Establishment(w.Office1.Id, "1301-000200-1", "株式会社オンライン", "", "102-0072", "東京都", "東京都千代田区1-1", "", 5, Jst(11, 2));
            online.MarkOpenedOnline();
            var counter = new Establishment(w.Office1.Id, "1301-000201-1", "株式会社窓口", "", "102-0072", "東京都", "東京都千代田区1-2", "", 5, Jst(11, 3));
            var elsewhere = new Establishment(w.Office2.Id, "2701-000202-1", "株式会社大阪", "", "540-0008", "大阪府", "大阪府大阪市1-1", "", 5, Jst(11, 4));
            elsewhere.MarkOpenedOnline();
            db.Establishments.AddRange(online, counter, elsewhere);
            return db.SaveChangesAsync();
        });
        var js3 = await w.JobseekerAsync("候補 一郎", w.Office1);
        await w.JobseekerAsync("待機 二郎", w.Office1);
        await w.JobseekerAsync("待機 三郎", w.Office1);
        await w.AccountAsync(w.Jobseeker1, "js1@example.jp", Jst(11, 15));   // home office 1
        await w.AccountAsync(w.Jobseeker2, "js2@example.jp", Jst(11, 15));   // online only: no home office
        var referrals = new ReferralService(w.Ops);
        var js3Actor = JobseekerActor(js3);

        w.Clock.SetUtcNow(Jst(11, 24, 9));
        var r1 = await referrals.SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1));
        w.Clock.SetUtcNow(Jst(11, 24, 10));
        var r4 = await referrals.SendAsync(w.StaffActor1, Input(w.Offer2, js3));            // office 1 refers to office 2's offer
        w.Clock.SetUtcNow(Jst(11, 24, 11));
        await referrals.CounterReferralAsync(w.StaffActor1, Input(offerA, js3));             // established at once, counter
        w.Clock.SetUtcNow(Jst(11, 24, 12));
        var self = await w.Applications.ApplyAsync(w.JobseekerActor2, new(w.Offer1.Id, "自主応募です。", [], null, SelfApplicationAcknowledged: true));
        w.Clock.SetUtcNow(Jst(11, 25));
        var app1 = await w.Applications.ApplyAsync(w.JobseekerActor1, new(w.Offer1.Id, "志望動機です。", [], r1));
        var app4 = await w.Applications.ApplyAsync(js3Actor, new(w.Offer2.Id, "志望動機です。", [], r4));
        w.Clock.SetUtcNow(Jst(11, 26));
        await referrals.SendAsync(w.StaffActor1, Input(offerB, js3));                        // awaiting application
        w.Clock.SetUtcNow(Jst(11, 27));
        var appA = await w.WithDbAsync(db => Task.FromResult(db.Applications.Single(a => a.JobOfferId == offerA.Id).Id));
        await w.Applications.RegisterResultAsync(w.EmployerActor1, app1, new(ResultOutcome.Hired, null, false, null, new DateOnly(2026, 12, 1)));
        await w.Applications.RegisterResultAsync(w.StaffActor1, appA, new(ResultOutcome.NotHired, 4, false, null, null));
        await w.Applications.RegisterResultAsync(w.EmployerActor1, self, new(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null));
        await w.Applications.RegisterResultAsync(w.EmployerActor2, app4, new(ResultOutcome.Hired, null, false, null, new DateOnly(2026, 12, 1)));
        w.Clock.SetUtcNow(Jst(11, 30, 18));

        var year = await new OfficeFigures(w.Ops).YearAsync(w.StaffActor1, 2026);
        var nov = year.Months[OfficeFigures.MonthIndex(new DateOnly(2026, 11, 1))];

        Assert.Equal("2026年11月", nov.Label);
        Assert.Equal(3, nov.OffersAccepted);            // Offer1, A, B
        Assert.Equal(2, nov.OffersAcceptedOnline);      // Offer1, B (A came in at the counter)
        Assert.Equal(66.7m, nov.OnlineUsageRate);       // 2 / 3
        Assert.Equal(1, nov.EmployerMypagesOpened);     // 株式会社オンライン (窓口 is not online, 大阪 is office 2)
        Assert.Equal(1, nov.JobseekerMypagesOpened);    // jobseeker 1 (jobseeker 2 has no home office)
        Assert.Equal(3, nov.ReferralsProposed);         // r1, r4 and the one to B; not the counter referral
        Assert.Equal(3, nov.Referrals);                 // established: r1, r4 (on application) and the counter referral
        Assert.Equal(2, nov.OnlineReferrals);           // r1, r4
        Assert.Equal(1, nov.SelfApplications);          // jobseeker 2 to Offer1
        Assert.Equal(2, nov.Placements);                // jobseeker 1 (r1) and js3 through r4 on office 2's offer
        Assert.Equal(1, nov.FilledOffers);              // hires into office 1's offers: jobseeker 1 only
        Assert.Equal(4, year.ActiveJobseekers);         // jobseeker 1, js3 and the two waiting
        Assert.Equal(50.0m, nov.ReferralRate);          // jobseeker 1 and js3 referred, of the four registered (R-EVAL-1: never above 100 %)
        Assert.Equal((1, 1, 0, 1), (nov.ResultsOnlineHired, nov.ResultsOnlineNotHired, nov.ResultsStaffHired, nov.ResultsStaffNotHired));

        var oct = year.Months[OfficeFigures.MonthIndex(new DateOnly(2026, 10, 1))];
        var dec = year.Months[OfficeFigures.MonthIndex(new DateOnly(2026, 12, 1))];
        var q3 = year.Quarters[2];
        Assert.Equal((1, 1), (oct.OffersAccepted, dec.OffersAccepted));
        Assert.Equal(("2026年度 第3四半期", 5, 4, 80.0m), (q3.Label, q3.OffersAccepted, q3.OffersAcceptedOnline, q3.OnlineUsageRate));
        Assert.Equal(5, year.Year.OffersAccepted);
        Assert.Null(year.Months[0].OnlineUsageRate);   // April: nothing accepted, no rate

        var other = await new OfficeFigures(w.Ops).YearAsync(w.StaffActor2, 2026);
        Assert.Equal((2, 0, 0), (other.Year.OffersAccepted, other.Year.Referrals, other.Year.Placements));   // Offer2 and the one on 11/24; office 1's referrals are not theirs

        // Each staff member sees their own work (seed 003): staff1 sent r1, r4 and the one to B, and made the counter referral; r1 and r4
        // were established on application, the counter one at once; hires through r1 and r4; staff1 entered A's result for the employer.
        var own = await new OfficeFigures(w.Ops).OwnWorkAsync(w.StaffActor1, 2026);
        var mine = own.Months[OfficeFigures.MonthIndex(new DateOnly(2026, 11, 1))];
        Assert.Equal((3, 3, 2, 2, 1), (mine.ReferralsProposed, mine.Referrals, mine.OnlineReferrals, mine.Placements, mine.ResultsEntered));
        Assert.Equal((3, 3, 2, 2, 1), (own.Year.ReferralsProposed, own.Year.Referrals, own.Year.OnlineReferrals, own.Year.Placements, own.Year.ResultsEntered));
        Assert.False(own.Months[0].HasData);   // April: nothing of staff1's, shown as missing
        // A colleague at the same office did none of it; a person who is not staff has no own work to see (R-ACC-4).
        var colleague = new HelloWork.Domain.Common.Actor(Guid.NewGuid(), Roles.Staff, "同僚", OfficeId: w.Office1.Id);
        var theirs = await new OfficeFigures(w.Ops).OwnWorkAsync(colleague, 2026);
        Assert.All(theirs.Months, m => Assert.False(m.HasData));
        Assert.Equal((0, 0, 0, 0), (theirs.Year.Referrals, theirs.Year.ReferralsProposed, theirs.Year.Placements, theirs.Year.ResultsEntered));
        await Assert.ThrowsAsync<HelloWork.Domain.Common.ScopeException>(() => new OfficeFigures(w.Ops).OwnWorkAsync(w.EmployerActor1, 2026));

        var card = await new Scorecard(new OfficeFigures(w.Ops), w.Ops).QuarterAsync(w.StaffActor1, 2026, 3);
        var csv = System.Text.Encoding.UTF8.GetString(Scorecard.Csv(card));
        // October and December: one online offer each (100%); November 2 of 3; the quarter and the year to December 4 of 5.
        Assert.Contains("オンライン利用率（求人者マイページからの求人／全求人受理件数）,100.0%,66.7%,100.0%,80.0%,80.0%", csv, StringComparison.Ordinal);
        Assert.Contains("就職件数,0,2,0,2,2", csv, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(Scorecard.Pdf(card).Content, 0, 4), StringComparison.Ordinal);
    }
}
