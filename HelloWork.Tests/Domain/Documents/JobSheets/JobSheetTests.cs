using HelloWork.Domain.Documents.JobSheets;
using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.JobOffers;
using JobSheet = HelloWork.Domain.Documents.JobSheets.JobSheet;

namespace HelloWork.Tests.Domain.Documents.JobSheets;

public class JobSheetTests
{
    private static readonly PdfDocumentInfo Info = new("求人票 13010-12345678", "ハローワーク品川", "HelloWork", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9)));

    internal static JobSheetSource Sample() => new(new HelloWork.Domain.JobOffers.JobSheet
    {
        Basics = new() { Category = OfferCategory.FullTime, OnlineSelfApplication = true, Industry = "道路貨物運送業", TrialEmployment = true },
        Establishment = new()
        {
            Name = "株式会社サンプル物流", Kana = "カブシキガイシャサンプルブツリュウ", PostalCode = "140-0002", Address = "東京都品川区東品川2-3-14",
            Website = "https://example.co.jp/recruit",
        },
        Work = new()
        {
            JobTitle = "倉庫内の商品管理・仕分け作業員",
            Description = "通販商品の入出荷・検品・在庫管理を担当します。\nハンディ端末での検品、フォークリフトでの荷役（資格取得支援あり）、パート従業員5名程度の作業指示をお願いします。",
            EmploymentType = EmploymentType.Regular,
            WorkplacePostalCode = "140-0002", WorkplacePrefecture = "東京都", WorkplaceMunicipality = "品川区", WorkplaceAddress = "東品川2-3-14 サンプル物流センター",
            NearestStation = "りんかい線 品川シーサイド駅", Access = "徒歩", MinutesFromStation = 8,
            Smoking = PassiveSmokingMeasure.IndoorNoSmoking, UijTurnWelcome = true,
            AgeLimited = true, AgeMax = 59, AgeException = AgeLimitException.RetirementAge, AgeReason = "定年 60歳",
            Education = "高卒以上", RequiredExperience = "倉庫作業の経験があれば尚可", PcSkills = "Excelでの簡単な集計", Licenses = "フォークリフト運転技能者 尚可",
            TrialPeriod = true, TrialPeriodDetail = "3か月 労働条件 同条件",
        },
        Wages = new()
        {
            Form = WageForm.Monthly, BaseMin = 220_000, BaseMax = 250_000, FixedAllowances = 30_000, FixedAllowancesDetail = "職務手当・住宅手当",
            FixedOvertime = true, FixedOvertimeAmount = 25_000, FixedOvertimeHours = 15,
            OtherAllowances = "家族手当 配偶者 10,000円、子 1人につき 5,000円", Commuting = "実費支給（上限あり）（月額上限 30,000円）",
            ClosingDay = "毎月 末日", PayDay = "翌月 25日", Raise = "あり 月額 3,000円〜8,000円", Bonus = "あり 年2回 計 3.5か月分",
            AnnualIncomeExample = "4,200,000円（入社3年目 リーダー職）",
        },
        Hours = new()
        {
            Start = new TimeOnly(8, 30), End = new TimeOnly(17, 30), ShiftWork = true, OtherShifts = "（2）13時00分 〜 22時00分",
            DaysPerWeek = 5, Overtime = true, OvertimeMonthlyAverage = 15, BreakMinutes = 60, AnnualHolidays = 120, Holidays = "土 日 祝 年末年始 12/30〜1/3",
            WeeklyTwoDaysOff = true, PaidLeaveAfterSixMonths = 10,
        },
        Conditions = new()
        {
            CorporatePension = "確定拠出", RetirementAllowance = true, RetirementAge = 60, Reemployment = true, Housing = true,
            LeaveRecords = "育児休業 あり", Training = "フォークリフト講習費用 全額会社負担", Welfare = "社員食堂、制服貸与、健康診断（年1回）",
        },
        Company = new()
        {
            EmployeesTotal = 1250, EmployeesAtWorkplace = 85, EmployeesWomen = 30, EmployeesPartTime = 40, Founded = 1985, Capital = 98_000_000,
            BusinessDescription = "通信販売事業者向けの物流代行（入荷・保管・出荷・返品処理）",
            Features = "首都圏に12か所の物流センターを運営。人を大切にする職場づくりに取り組んでいます。",
            Representative = "代表取締役 佐藤 健", CorporateNumber = "1010401012345",
            Notes = "応募前の職場見学を歓迎します。", PrText = "未経験の方も先輩社員が丁寧に指導します。",
        },
        Selection = new()
        {
            Openings = 2, ReasonForHiring = "増員", DocumentScreening = true, Interview = true, ResultWithinDays = 7, SelectionSchedule = "随時",
            SelectionPlace = "〒140-0002 東京都品川区東品川2-3-14", RequiresCareerSheet = true, AcceptsMypageDocuments = true,
            ContactDepartment = "人事部 採用担当", ContactName = "田中 一郎", ContactKana = "タナカ イチロウ", ContactPhone = "03-1234-5678",
            ContactFax = "03-1234-5679", ContactEmail = "saiyo@example.co.jp",
        },
    })
    {
        JobNumber = "13010-12345678",
        AcceptedOn = new DateOnly(2026, 11, 20),
        ValidUntil = new DateOnly(2027, 1, 31),
        OfficeName = "ハローワーク品川",
        EstablishmentNumber = "1301-123456-7",
        ImageCaptions = ["物流センター外観", "休憩室"],
    };

    internal static JobSheetSource LongSample() => Sample() with
    {
        Sheet = Sample().Sheet with
        {
            Work = Sample().Sheet.Work with
            {
                Description = string.Join("\n", Enumerable.Range(1, 25).Select(i => $"{i}. 入荷した商品の検品・棚入れ・ピッキング・梱包・出荷作業を、チームで分担して行います。")),
            },
            Company = Sample().Sheet.Company with
            {
                PrText = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"PR{i}：未経験の方も先輩社員が丁寧に指導します。資格取得支援制度あり。")),
            },
        },
    };

    [Fact]
    public void Every_field_of_the_offer_appears_on_the_sheet()
    {
        var bytes = JobSheet.Render(Sample(), Info);
        DocumentOutput.Keep("job-sheet-short.pdf", bytes);
        using var pdf = new PdfInspector(bytes);

        foreach (var expected in new[]
        {
            // 1 基本情報
            "求人番号", "13010-12345678", "受付年月日", "2026年11月20日", "紹介期限日", "2027年1月31日", "ハローワーク品川", "一般（フルタイム）",
            "オンライン自主応募受け付ける", "道路貨物運送業", "トライアル雇用併用希望する", "1 事業所名等を含む求人情報を公開する",
            // 2 求人事業所
            "1301-123456-7", "株式会社サンプル物流", "カブシキガイシャサンプルブツリュウ", "〒140-0002", "東京都品川区東品川2-3-14", "https://example.co.jp/recruit",
            // 3 仕事内容
            "倉庫内の商品管理・仕分け作業員", "通販商品の入出荷・検品・在庫管理を担当します。", "パート従業員5名程度の作業指示をお願いします。",
            "正社員", "派遣・請負ではない", "雇用期間の定めなし", "サンプル物流センター", "最寄り駅 りんかい線 品川シーサイド駅",
            "交通手段 徒歩", "所要時間 8分", "あり（屋内禁煙）", "不可", "UIJターン歓迎歓迎", "制限あり（59歳以下）", "年齢制限の理由：定年年齢を上限 定年 60歳",
            "高卒以上", "倉庫作業の経験があれば尚可", "Excelでの簡単な集計", "フォークリフト運転技能者 尚可", "あり（3か月 労働条件 同条件）",
            // 4 賃金・手当
            "月給", "220,000円〜250,000円", "職務手当・住宅手当 30,000円", "あり 25,000円（15時間分）",
            "固定残業時間を超える時間外労働分についての割増賃金は追加で支給", "275,000円〜305,000円", "家族手当 配偶者 10,000円",
            "実費支給（上限あり）（月額上限 30,000円）", "毎月 末日", "翌月 25日", "あり 月額 3,000円〜8,000円", "あり 年2回 計 3.5か月分", "4,200,000円（入社3年目 リーダー職）",
            // 5 労働時間
            "（1）08時30分 〜 17時30分", "（2）13時00分 〜 22時00分", "交替制（シフト制）", "あり 月平均 15時間", "60分", "週5日", "土 日 祝", "年末年始 12/30〜1/3",
            "毎週", "120日", "10日",
            // 6 その他の労働条件等
            "雇用 労災 健康 厚生", "確定拠出", "あり（一律 60歳）", "フォークリフト講習費用 全額会社負担", "社員食堂、制服貸与、健康診断（年1回）",
            // 7 会社の情報
            "1,250人", "85人", "30人", "40人", "1985年", "98,000,000円", "1010401012345", "代表取締役 佐藤 健",
            "通信販売事業者向けの物流代行", "人を大切にする職場づくり",
            // 8 選考等
            "2人", "増員", "書類選考、面接", "7日以内", "随時", "ハローワーク紹介状、履歴書、職務経歴書",
            "求職者マイページからの応募書類の登録：可", "人事部 採用担当 田中 一郎 （タナカ イチロウ）", "電話 03-1234-5678", "FAX 03-1234-5679", "Eメール saiyo@example.co.jp",
            // 9 特記事項・PR
            "応募前の職場見学を歓迎します。", "未経験の方も先輩社員が丁寧に指導します。", "1. 物流センター外観", "2. 休憩室",
        })
        {
            pdf.AssertContains(expected);
        }

        Assert.DoesNotContain("⼈", pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void All_nine_sections_are_there_in_order()
    {
        using var pdf = new PdfInspector(JobSheet.Render(Sample(), Info));
        var sections = new[] { "1基本情報", "2求人事業所", "3仕事内容", "4賃金・手当", "5労働時間", "6その他の労働条件等", "7会社の情報", "8選考等", "9特記事項・PR" };
        var positions = sections.Select(s => pdf.Text.IndexOf(s, StringComparison.Ordinal)).ToList();

        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void A_long_offer_takes_several_pages_each_with_the_job_number_and_page_number()
    {
        var bytes = JobSheet.Render(LongSample(), Info);
        DocumentOutput.Keep("job-sheet-long.pdf", bytes);
        using var pdf = new PdfInspector(bytes);

        Assert.True(pdf.Pages.Count >= 2, $"{pdf.Pages.Count} pages");
        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            var page = PdfInspector.Squeeze(pdf.Pages[i]);
            Assert.Contains("求人番号13010-12345678", page, StringComparison.Ordinal);
            Assert.Contains($"{i + 1}/{pdf.Pages.Count}", page, StringComparison.Ordinal);
        }

        pdf.AssertContains("25. 入荷した商品の検品");
        pdf.AssertContains("PR30：未経験の方も");
    }

    [Fact]
    public void A_short_offer_fits_on_two_pages_within_the_size_budget()
    {
        var bytes = JobSheet.Render(Sample(), Info);
        using var pdf = new PdfInspector(bytes);

        Assert.InRange(pdf.Pages.Count, 1, 2);
        Assert.True(bytes.Length <= 60_000, $"{bytes.Length} bytes");
        Assert.All(pdf.FontNames, name => Assert.Matches("^[A-Z]{6}\\+IPAexGothic", name));
    }

    [Fact]
    public void Without_fixed_overtime_the_sheet_says_so_and_the_total_is_base_plus_allowances()
    {
        var data = Sample() with { Sheet = Sample().Sheet with { Wages = Sample().Sheet.Wages with { FixedOvertime = false } } };
        using var pdf = new PdfInspector(JobSheet.Render(data, Info));

        pdf.AssertContains("c 固定残業代なし");
        pdf.AssertContains("250,000円〜280,000円");
    }
}
