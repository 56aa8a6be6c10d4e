using HelloWork.Domain.Accounts;

namespace HelloWork.Domain.Bookings;

/// <summary>
/// Realistic ハロートレーニング courses for demo data and for the benchmark's national data set (R-TRN-1): 公共職業訓練 (離職者訓練 of the
/// prefectures' 職業能力開発校 and the 障害者職業能力開発校, tuition free, 3–12 months) and 求職者支援訓練 (private schools, 2–6 months,
/// with 職業訓練受講給付金). Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class TrainingCatalogue
{
    private static readonly (string Field, string[] Names, bool Public)[] Courses =
    [
        ("IT・Web", ["Webプログラミング科", "ネットワーク技術科", "Webデザイン科", "Python・AI基礎科"], false),
        ("介護・福祉", ["介護職員初任者研修科", "介護福祉士実務者研修科", "介護サービス科"], true),
        ("医療事務", ["医療事務科", "調剤薬局事務科", "医療・介護事務科"], false),
        ("事務・経理", ["OA事務科", "経理事務科（簿記2級）", "総務・人事事務科"], false),
        ("デザイン", ["グラフィックデザイン科", "DTP・Webデザイン科"], false),
        ("建築・設備", ["ビル設備管理科", "住宅リフォーム技術科", "電気設備技術科"], true),
        ("製造・機械", ["CAD製図科", "機械加工技術科", "溶接技術科", "金属加工科"], true),
        ("電気・電子", ["電気工事科", "電子回路技術科"], true),
        ("物流・運輸", ["フォークリフト・物流科", "物流ビジネス科"], true),
        ("理容・美容", ["ネイリスト養成科", "着付け・和装科"], false),
        ("調理", ["調理師養成科", "製菓・製パン科"], true),
        ("農業", ["園芸・造園科", "スマート農業科"], true),
    ];

    private static readonly string[] PublicSchools = ["職業能力開発校", "高等技術専門校", "テクノスクール", "職業能力開発センター"];

    private static readonly string[] PrivateSchools = ["キャリアカレッジ", "ITスクール", "ビジネス専門学院", "医療福祉アカデミー", "デザイン学院"];

    /// <summary><paramref name="count"/> courses spread over <paramref name="offices"/> (each office enters the courses of its prefecture).</summary>
    public static IEnumerable<TrainingCourse> Generate(Random rnd, IReadOnlyList<Office> offices, int count, DateOnly today, DateTimeOffset now)
    {
        for (var i = 0; i < count; i++)
        {
            var office = offices[i % offices.Count];
            var (field, names, publicToo) = Courses[rnd.Next(Courses.Length)];
            var kind = publicToo && rnd.Next(3) != 0 ? TrainingKind.PublicVocational : TrainingKind.JobseekerSupport;
            var area = office.Prefecture.TrimEnd('都', '道', '府', '県');
            var school = kind == TrainingKind.PublicVocational
                ? $"{office.Prefecture}立{area}{PublicSchools[rnd.Next(PublicSchools.Length)]}"
                : $"{area}{PrivateSchools[rnd.Next(PrivateSchools.Length)]}";
            var months = kind == TrainingKind.PublicVocational ? 3 + rnd.Next(0, 10) : 2 + rnd.Next(0, 5);
            var deadline = today.AddDays(rnd.Next(-20, 75));
            var start = deadline.AddDays(14 + rnd.Next(0, 21));
            var input = new TrainingCourseInput(kind, names[rnd.Next(names.Length)], school, office.Prefecture, office.Address.Split(' ')[0], field,
                start, start.AddMonths(months).AddDays(-1), months * 100 + rnd.Next(0, 4) * 10, 10 + rnd.Next(0, 5) * 5, deadline,
                deadline.AddDays(3 + rnd.Next(0, 7)), kind == TrainingKind.PublicVocational ? 5_000 + rnd.Next(0, 20) * 1_000 : 10_000 + rnd.Next(0, 30) * 1_000,
                kind == TrainingKind.JobseekerSupport || rnd.Next(4) == 0,
                $"{field}分野の知識と技能を、実習を中心に基礎から身につけます。修了後は{field}分野での就職を目指します。");
            yield return new TrainingCourse(office.Id, input, now);
        }
    }
}
