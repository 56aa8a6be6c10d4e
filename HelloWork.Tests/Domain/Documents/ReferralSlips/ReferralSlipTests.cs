using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.Documents.ReferralSlips;

namespace HelloWork.Tests.Domain.Documents.ReferralSlips;

public class ReferralSlipTests
{
    private static readonly PdfDocumentInfo Info = new("紹介状 13010-12345678", "ハローワーク品川", "HelloWork", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9)));

    internal static ReferralSlipData Sample() => new()
    {
        Office = new("ハローワーク品川（品川公共職業安定所）", "108-0014", "東京都港区芝5-35-3", "03-5419-8609", "職業相談部門 佐藤 花子"),
        ReferredOn = new DateOnly(2026, 11, 23),
        JobNumber = "13010-12345678",
        Employer = new("株式会社サンプル物流", "140-0002", "東京都品川区東品川2-3-14 サンプルビル5階", "田中 一郎")
        {
            ContactDepartment = "人事部 採用担当",
            Phone = "03-1234-5678",
        },
        Occupation = "倉庫内の商品管理・仕分け作業員（正社員）",
        Jobseeker = new("山田 人志", "やまだ ひとし") { Age = 36, BirthDate = new DateOnly(1990, 4, 1), JobseekerNumber = "13010-87654321" },
        SelectionMethod = "書類選考・面接（1回）",
        Interview = new(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero), "本社 5階 会議室") { Directions = "JR品川駅 港南口から徒歩8分" },
        ReplyBy = new DateOnly(2026, 12, 7),
        ReferralNumber = "R-2026-000123",
        Remarks = "履歴書（写真貼付）と職務経歴書をご持参ください。",
    };

    [Fact]
    public void The_slip_shows_every_field_of_the_referral()
    {
        var bytes = ReferralSlip.Render(Sample(), Info);
        DocumentOutput.Keep("referral-slip.pdf", bytes);
        using var pdf = new PdfInspector(bytes);

        Assert.Single(pdf.Pages);
        foreach (var expected in new[]
        {
            "紹介状", "株式会社サンプル物流　御中", "人事部 採用担当", "田中 一郎 様",
            "ハローワーク品川（品川公共職業安定所）", "〒108-0014", "東京都港区芝5-35-3", "03-5419-8609", "職業相談部門 佐藤 花子",
            "紹介日 2026年11月23日", "13010-12345678", "〒140-0002", "東京都品川区東品川2-3-14 サンプルビル5階", "03-1234-5678",
            "倉庫内の商品管理・仕分け作業員（正社員）", "山田 人志", "やまだ ひとし", "1990年4月1日生（36歳）", "13010-87654321",
            "書類選考・面接（1回）", "2026年11月30日（月）14:00", "本社 5階 会議室", "JR品川駅 港南口から徒歩8分",
            "2026年12月7日までに", "R-2026-000123",
            "紹介結果通知（採否連絡票）", "□ 採用", "□ 不採用", "□ 辞退（保留）", "採用日", "□ 無", "□ 有", "相違の内容",
            "不採用の理由", "記入日", "記入者",
        })
        {
            pdf.AssertContains(expected);
        }
    }

    [Fact]
    public void The_kanji_for_person_comes_back_as_the_kanji_not_the_radical()
    {
        using var pdf = new PdfInspector(ReferralSlip.Render(Sample(), Info));

        Assert.Contains("人", pdf.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("⼈", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_alone_is_enough_and_optional_parts_can_be_left_out()
    {
        var data = Sample() with
        {
            Jobseeker = new("鈴木 花子", "すずき はなこ") { Age = 24 },
            Interview = null,
            ReplyBy = null,
            ReferralNumber = null,
            Remarks = null,
        };
        using var pdf = new PdfInspector(ReferralSlip.Render(data, Info));

        pdf.AssertContains("年齢24歳");
        pdf.AssertContains("選考後すみやかに");
        Assert.DoesNotContain("面接日時", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_slip_carries_no_home_address_of_the_jobseeker()
    {
        var fields = typeof(ReferralSlipJobseeker).GetProperties().Select(p => p.Name);
        Assert.DoesNotContain(fields, f => f.Contains("Address", StringComparison.Ordinal) || f.Contains("Phone", StringComparison.Ordinal));
    }

    [Fact]
    public void The_slip_is_one_small_page_with_a_subset_font()
    {
        var bytes = ReferralSlip.Render(Sample(), Info);
        using var pdf = new PdfInspector(bytes);

        Assert.Single(pdf.Pages);
        Assert.True(bytes.Length <= 30_000, $"{bytes.Length} bytes");
        Assert.All(pdf.FontNames, name => Assert.Matches("^[A-Z]{6}\\+", name));
        Assert.Equal("紹介状 13010-12345678", pdf.Document.Information.Title);
    }

    [Fact]
    public void A_very_long_slip_is_refused_rather_than_spilling_onto_a_second_page()
    {
        var data = Sample() with { Remarks = string.Concat(Enumerable.Repeat("持参書類の説明がとても長い場合。", 200)) };
        Assert.Throws<InvalidOperationException>(() => ReferralSlip.Render(data, Info));
    }
}
