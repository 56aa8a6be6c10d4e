using HelloWork.Domain.Accounts;
using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;

namespace HelloWork.Domain.Data.Demo;

/// <summary>Demo ハロートレーニング, events and counselling slots: jobseeker1 has staff1 as named counsellor (担当者制).</summary>
internal static class DemoBookings
{
    public static void Seed(HelloWorkDb db, Random rnd, Office[] offices, AppUser[] counsellors, IReadOnlyList<Jobseeker> jobseekers,
        IReadOnlyList<JobOffer> openOffers, DateTimeOffset now)
    {
        var today = JapanTime.DateOf(now);
        db.TrainingCourses.AddRange(TrainingCatalogue.Generate(rnd, offices, 40, today, now));

        DateTimeOffset At(int days, int hour, int minute = 0) => JapanTime.StartOf(today.AddDays(days)).AddHours(hour).AddMinutes(minute);
        OfficeEvent Event(Office office, EventKind kind, string title, string description, int days, int hour, int hours, string? place, string? url, int capacity) =>
            new(office.Id, new OfficeEventInput(kind, title, description, At(days, hour), At(days, hour + hours), place, url, capacity, At(days - 1, 17)), now);
        var iidabashi = offices[0];
        var events = new[]
        {
            Event(iidabashi, EventKind.Seminar, "応募書類の書き方セミナー", "履歴書・職務経歴書の書き方を、記入例を使って学びます。筆記用具をお持ちください。",
                5, 10, 2, "ハローワーク飯田橋 5階 セミナールーム", null, 20),
            Event(iidabashi, EventKind.InterviewFair, "飯田橋ミニ面接会（事務・営業）", "参加事業所の採用担当者と、その場で面接ができます。紹介状は当日会場で発行します。",
                9, 13, 3, "ハローワーク飯田橋 1階 面接会場", null, 30),
            Event(iidabashi, EventKind.WorkplaceTour, "物流センター職場見学会", "最新の物流センターの仕事を見学し、働く方のお話を聞きます。",
                12, 14, 2, "東京都板橋区 集合：都営三田線 高島平駅", null, 8),
            Event(iidabashi, EventKind.Seminar, "オンライン面接対策セミナー", "オンライン面接の準備と受け答えを練習します。カメラ付きの端末でご参加ください。",
                7, 19, 1, null, "https://meet.example.jp/hw-iidabashi-seminar", 15),
            Event(offices[1], EventKind.Seminar, "再就職支援セミナー（女性のための）", "子育てと両立できる働き方と求人の探し方をご紹介します。",
                6, 10, 2, "ハローワーク大阪東 3階 会議室", null, 25),
        };
        db.OfficeEvents.AddRange(events);
        foreach (var offer in openOffers.Where(o => o.AcceptingOfficeId == iidabashi.Id).Take(4))
        {
            db.EventOffers.Add(new EventOffer(events[1].Id, offer.Id));
        }
        db.EventOffers.Add(new EventOffer(events[2].Id, openOffers.First(o => o.AcceptingOfficeId == iidabashi.Id).Id));
        // Some seats already taken by counter-registered jobseekers; the 職場見学会 nearly full.
        var bookers = jobseekers.Skip(2).Take(30).ToList();
        foreach (var (ev, taken) in new[] { (events[0], 12), (events[1], 9), (events[2], 7), (events[3], 4), (events[4], 10) })
        {
            foreach (var js in bookers.Take(taken))
            {
                db.EventBookings.Add(ev.SeedBooking(js.Id, now.AddHours(-rnd.Next(1, 240))));
            }
        }

        // Counselling slots: each counsellor, the next ten weekdays, four a day.
        foreach (var counsellor in counsellors)
        {
            for (var d = 0; d < 14; d++)
            {
                var day = today.AddDays(d);
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }
                foreach (var (h, m) in new[] { (9, 30), (10, 30), (13, 30), (15, 0) })
                {
                    db.CounsellingSlots.Add(new CounsellingSlot(counsellor.OfficeId!.Value, counsellor.Id, At(d, h, m).ToUniversalTime(), 45, now));
                }
            }
        }
        db.NamedCounsellors.Add(new NamedCounsellor(jobseekers[0].Id, counsellors[0].Id, offices[0].Id, now));
    }
}
