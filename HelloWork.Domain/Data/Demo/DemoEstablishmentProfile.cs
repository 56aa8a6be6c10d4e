using HelloWork.Domain.Accounts;
using SkiaSharp;

namespace HelloWork.Domain.Data.Demo;

/// <summary>Demo data for the employer mypage's 事業所PR, 画像 and 求職情報検索 (R-SRC-3, R-JOB-8): employer1's PR texts and three
/// pictures drawn here (no binary file in the repository), and two public profiles with a full self-PR. The office has approved the
/// first two pictures; the third waits for its check (確認待ち), so the staff queue and the employer's states both show something.</summary>
internal static class DemoEstablishmentProfile
{
    public static void Seed(HelloWorkDb db, Establishment establishment, Office office, Guid staffUserId, DateTimeOffset now)
    {
        establishment.UpdatePr("事務用品・オフィス家具の卸売、オフィス環境の提案",
            "創業50年、都内の企業約2,000社と取引があります。年間休日125日、資格取得支援制度あり。",
            "地域に根ざして50年。働く人を大切にする会社です。\n未経験の方にも先輩社員が丁寧に指導します。",
            "https://example.jp/mirai", now);
        var pictures = new (string Caption, SKColor Sky, SKColor Building)[]
        {
            ("本社外観", new SKColor(0xBB, 0xDE, 0xFB), new SKColor(0x45, 0x5A, 0x64)),
            ("オフィスの様子", new SKColor(0xFF, 0xF3, 0xE0), new SKColor(0x8D, 0x6E, 0x63)),
            ("倉庫・物流センター", new SKColor(0xE8, 0xF5, 0xE9), new SKColor(0x2E, 0x7D, 0x32)),
        };
        for (var i = 0; i < pictures.Length; i++)
        {
            var (caption, sky, building) = pictures[i];
            var uploaded = now.AddDays(-7 + i * 3);
            var image = EstablishmentImage.Create(establishment.Id, $"demo{i + 1}.png", Picture(sky, building, i), caption, i + 1, uploaded);
            if (i < 2)
            {
                image.Approve(staffUserId, image.SubmittedAt, uploaded.AddHours(3));
            }
            db.EstablishmentImages.Add(image);
        }

        var profiles = new[]
        {
            ("森 美咲", "モリ ミサキ", new DateOnly(1992, 5, 10), new Accounts.JobseekerWishes
            {
                DesiredOccupation = "一般事務", DesiredPrefecture = "東京都", DesiredMunicipality = "千代田区", DesiredMonthlyWage = 230_000,
                DesiredEmploymentType = "正社員", DesiredHours = "9:00〜17:30",
                Qualifications = "日商簿記2級、MOS（Excel）", Experience = "経理事務5年（請求書発行、月次決算の補助）",
                WorkHistory = "2014年4月〜2019年3月 卸売業にて経理事務\n2019年4月〜2025年8月 サービス業にて総務・経理",
                SelfPr = "数字の正確さとスピードを大切にしてきました。Excelでの集計や資料作成が得意です。",
            }),
            ("岡田 大輔", "オカダ ダイスケ", new DateOnly(1986, 11, 2), new Accounts.JobseekerWishes
            {
                DesiredOccupation = "倉庫作業員", DesiredPrefecture = "東京都", DesiredMonthlyWage = 250_000, DesiredEmploymentType = "正社員",
                DesiredHours = "8:00〜17:00", Qualifications = "フォークリフト運転技能講習修了、普通自動車運転免許",
                Experience = "物流センターでの入出庫管理8年、リーダー経験あり", WorkHistory = "2010年4月〜2025年9月 物流業にて倉庫管理",
                SelfPr = "チームで安全に効率よく作業することを心がけています。",
            }),
        };
        foreach (var (name, kana, birth, wishes) in profiles)
        {
            var js = new Jobseeker(name, kana, birth, "090-5555-0000", "160-0022", "東京都新宿区新宿1-1-1", now.AddDays(-30));
            js.RegisterAtOffice(office, now.AddDays(-20));
            js.UpdateWishes(wishes, now.AddDays(-2));
            js.SetProfilePublic(true, now.AddDays(-2));
            db.Jobseekers.Add(js);
        }
    }

    /// <summary>A small flat illustration (sky, buildings, windows) as PNG, about 4 KB.</summary>
    private static byte[] Picture(SKColor sky, SKColor building, int variant)
    {
        using var surface = SKSurface.Create(new SKImageInfo(480, 320));
        var canvas = surface.Canvas;
        canvas.Clear(sky);
        using var fill = new SKPaint { Color = building, IsAntialias = true };
        using var window = new SKPaint { Color = new SKColor(0xFF, 0xF9, 0xC4), IsAntialias = true };
        using var ground = new SKPaint { Color = new SKColor(0x9E, 0x9E, 0x9E) };
        canvas.DrawRect(0, 270, 480, 50, ground);
        for (var b = 0; b < 3; b++)
        {
            var x = 40 + b * 140;
            var height = 120 + ((b + variant) % 3) * 40;
            canvas.DrawRect(x, 270 - height, 110, height, fill);
            for (var row = 0; row < height / 40 - 1; row++)
            {
                for (var col = 0; col < 3; col++)
                {
                    canvas.DrawRect(x + 12 + col * 33, 270 - height + 15 + row * 40, 20, 22, window);
                }
            }
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
