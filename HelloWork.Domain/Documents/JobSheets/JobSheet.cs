using HelloWork.Domain.Documents.Pdf;
using SkiaSharp;
using static HelloWork.Domain.Documents.Pdf.JapaneseFormat;

namespace HelloWork.Domain.Documents.JobSheets;

/// <summary>
/// 求人票 (R-JOB-8): the nine sections of the real form as ruled tables, over as many
/// A4 pages as needed, with the job number in every page header and "n / N" below.
/// </summary>
public static class JobSheet
{
    private static readonly SKColor LabelShade = new(0xEE, 0xEE, 0xEE);
    private static readonly SKColor HeadingShade = new(0x3A, 0x4A, 0x5C);
    private static readonly TextStyle Label = TextStyle.Body with { Size = 8f };
    private static readonly TextStyle Value = TextStyle.Body with { Size = 8.5f };
    private static readonly TextStyle Heading = TextStyle.Body with { Size = 9.5f, Color = SKColors.White };

    public static byte[] Render(JobSheetData data, PdfDocumentInfo info) => Compose(data).ToPdf(info);

    internal static PdfComposer Compose(JobSheetData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var b = data.Basics;
        var pdf = new PdfComposer(PageSetup.A4, new PageDecoration
        {
            HeaderLeft = $"求人票　{b.Category}",
            HeaderRight = $"求人番号 {b.JobNumber}",
            FooterLeft = $"受理安定所 {b.ReceivingOffice}",
        });
        pdf.Paragraph("求　人　票", TextStyle.Body with { Size = 18, Align = TextAlign.Center, LineSpacing = 1.6f });
        pdf.Spacer(4);

        Basics(pdf, b);
        Establishment(pdf, data.Establishment);
        Work(pdf, data.Work);
        Wages(pdf, data.Wages);
        Hours(pdf, data.Hours);
        Conditions(pdf, data.Conditions);
        Company(pdf, data.Company);
        Selection(pdf, data.Selection);
        Notes(pdf, data.Notes);
        return pdf;
    }

    private static void Basics(PdfComposer pdf, JobSheetBasics b) => Section(pdf, "1 基本情報", t =>
    {
        t.AddRow(L("求人番号"), V(b.JobNumber), L("受付年月日"), V(Date(b.AcceptedOn)));
        t.AddRow(L("求人区分"), V(b.Category), L("紹介期限日"), V(Date(b.ValidUntil)));
        t.AddRow(L("受理安定所"), V(b.ReceivingOffice), L("産業分類"), V(b.Industry));
        t.AddRow(L("オンライン自主応募"), V(b.AcceptsOnlineSelfApplication ? "受け付ける" : "受け付けない"), L("トライアル雇用併用"), V(b.TrialEmployment ? "希望する" : "希望しない"));
        t.AddRow(L("公開範囲"), Wide(b.PublicationScope));
    });

    private static void Establishment(PdfComposer pdf, JobSheetEstablishment e) => Section(pdf, "2 求人事業所", t =>
    {
        t.AddRow(L("事業所番号"), V(e.EstablishmentNumber), L("ホームページ"), V(e.Website));
        t.AddRow(L("事業所名"), Wide($"{e.NameKana}\n{e.Name}"));
        t.AddRow(L("所在地"), Wide($"〒{e.PostalCode}　{e.Address}"));
    });

    private static void Work(PdfComposer pdf, JobSheetWork w) => Section(pdf, "3 仕事内容", t =>
    {
        var p = w.Workplace;
        var access = string.Join("　", new[]
        {
            p.NearestStation is null ? null : $"最寄り駅 {p.NearestStation}",
            p.Access is null ? null : $"交通手段 {p.Access}",
            p.AccessMinutes is { } min ? $"所要時間 {min}分" : null,
        }.OfType<string>());
        t.AddRow(L("職種"), Wide(w.Occupation));
        t.AddRow(L("仕事内容"), Wide(w.Description));
        t.AddRow(L("雇用形態"), V(w.EmploymentType), L("派遣・請負等"), V(w.DispatchOrContract));
        t.AddRow(L("雇用期間"), Wide(w.EmploymentPeriod is null ? "雇用期間の定めなし" : $"雇用期間の定めあり（{w.EmploymentPeriod}）" + (w.ContractRenewal is null ? "" : $"\n契約更新の可能性：{w.ContractRenewal}")));
        t.AddRow(L("正社員登用"), V(w.RegularEmployeeConversion), L("試用期間"), V(w.TrialPeriod));
        t.AddRow(L("就業場所"), Wide($"〒{p.PostalCode}　{p.Address}" + (access.Length > 0 ? $"\n{access}" : "")));
        t.AddRow(L("在宅勤務"), V(w.RemoteWork), L("受動喫煙対策"), V(w.PassiveSmokingMeasure));
        t.AddRow(L("マイカー通勤"), V(w.CommuteByCar), L("転勤の可能性"), V(w.Transfer));
        t.AddRow(L("UIJターン歓迎"), V(w.UijTurnWelcome ? "歓迎" : "—"), L("学歴"), V(w.Education));
        t.AddRow(L("年齢"), Wide(w.AgeLimitReason is null ? w.Age : $"{w.Age}\n年齢制限の理由：{w.AgeLimitReason}"));
        t.AddRow(L("必要な経験等"), Wide(w.Experience));
        t.AddRow(L("必要なPCスキル"), Wide(w.PcSkills));
        t.AddRow(L("普通自動車運転免許"), V(w.DrivingLicence), L("必要な免許・資格"), V(w.Licenses));
    });

    private static void Wages(PdfComposer pdf, JobSheetWages w) => Section(pdf, "4 賃金・手当", t =>
    {
        var allowances = w.FixedAllowances.Count == 0
            ? "なし"
            : string.Join("\n", w.FixedAllowances.Select(a => $"{a.Name}　{Range(a.Amount)}"));
        var overtime = w.FixedOvertime is { } o
            ? $"あり　{Range(o.Amount)}（{Number(o.Hours)}時間分）\n固定残業時間を超える時間外労働分についての割増賃金は追加で支給" + (o.Note is null ? "" : $"\n{o.Note}")
            : "なし";
        var commuting = w.CommutingAllowance + (w.CommutingAllowanceCap is { } cap ? $"（月額上限 {Yen(cap)}）" : "");
        var bonus = w.Bonus is { } bo
            ? "あり" + (bo.TimesPerYear is { } times ? $"　年{Number(times)}回" : "")
                + (bo.Amount is { } amount ? $"　計 {Range(amount)}" : "")
                + (bo.Months is { } months ? $"　計 {Number(months)}か月分" : "")
            : "なし";
        t.AddRow(L("賃金形態"), V(w.WageForm), L("賃金（a＋b＋c）"), V(Range(w.Total)));
        t.AddRow(L("a 基本給"), Wide(Range(w.BasePay)));
        t.AddRow(L("b 定額的に\n支払われる手当"), Wide(allowances));
        t.AddRow(L("c 固定残業代"), Wide(overtime));
        t.AddRow(L("d その他の手当等"), Wide(w.OtherAllowances));
        t.AddRow(L("通勤手当"), Wide(commuting));
        t.AddRow(L("賃金締切日"), V(w.ClosingDay), L("賃金支払日"), V(w.PayDay));
        t.AddRow(L("昇給（前年度実績）"), V(w.Raise is { } r ? $"あり　月額 {Range(r)}" : "なし"), L("賞与（前年度実績）"), V(bonus));
        t.AddRow(L("年収例"), Wide(w.AnnualIncomeExample is { } income ? Yen(income) + (w.AnnualIncomeNote is null ? "" : $"（{w.AnnualIncomeNote}）") : null));
    });

    private static void Hours(PdfComposer pdf, JobSheetHours h) => Section(pdf, "5 労働時間", t =>
    {
        var shifts = string.Join("\n", h.Shifts.Select((s, i) => $"（{i + 1}）{Time(s.Start)} 〜 {Time(s.End)}"));
        var kind = string.Join("　", new[] { h.ShiftSystem ? "交替制（シフト制）" : null, h.VariableWorkingHours is null ? null : $"変形労働時間制（{h.VariableWorkingHours}）" }.OfType<string>());
        var hours = string.Join("\n", new[] { shifts, kind, h.HoursNote }.Where(s => !string.IsNullOrEmpty(s)));
        var overtime = h.OvertimeMonthlyAverageHours is { } avg ? $"あり　月平均 {Number(avg)}時間" : "なし";
        t.AddRow(L("就業時間"), Wide(hours));
        t.AddRow(L("時間外労働"), V(overtime), L("36協定の特別条項"), V(h.SpecialClause36 ?? "なし"));
        t.AddRow(L("休憩時間"), V($"{h.BreakMinutes}分"), L("週所定労働日数"), V(h.DaysPerWeek));
        t.AddRow(L("休日"), V(h.Holidays + (h.HolidayNote is null ? "" : $"\n{h.HolidayNote}")), L("週休二日制"), V(h.FiveDayWeek));
        t.AddRow(L("年間休日数"), V($"{h.AnnualHolidays}日"), L("年次有給休暇\n（6か月経過後）"), V($"{h.PaidLeaveDaysAfterSixMonths}日"));
    });

    private static void Conditions(PdfComposer pdf, JobSheetConditions c) => Section(pdf, "6 その他の労働条件等", t =>
    {
        var i = c.Insurance;
        var insurance = string.Join("　", new[]
        {
            i.Employment ? "雇用" : null, i.WorkersAccident ? "労災" : null, i.PublicServiceAccident ? "公災" : null,
            i.Health ? "健康" : null, i.WelfarePension ? "厚生" : null, i.PropertySavings ? "財形" : null,
        }.OfType<string>());
        t.AddRow(L("加入保険等"), V(insurance), L("企業年金"), V(c.CorporatePension));
        t.AddRow(L("退職金制度"), V(c.RetirementAllowance), L("定年制"), V(c.RetirementAge));
        t.AddRow(L("再雇用制度"), V(c.Reemployment), L("勤務延長"), V(c.ExtendedEmployment));
        t.AddRow(L("入居可能住宅"), V(c.Housing), L("利用可能託児施設"), V(c.Childcare));
        t.AddRow(L("育児休業取得実績"), V(c.ChildcareLeave), L("介護休業取得実績"), V(c.FamilyCareLeave));
        t.AddRow(L("看護休暇取得実績"), V(c.NursingLeave), L("教育訓練制度"), V(c.Training));
        t.AddRow(L("福利厚生"), Wide(c.Benefits));
    });

    private static void Company(PdfComposer pdf, JobSheetCompany c) => Section(pdf, "7 会社の情報", t =>
    {
        string People(int? n) => n is { } v ? $"{v:#,0}人" : "";
        t.AddRow(L("従業員数（企業全体）"), V(People(c.EmployeesTotal)), L("従業員数（就業場所）"), V(People(c.EmployeesAtWorkplace)));
        t.AddRow(L("うち女性"), V(People(c.EmployeesWomen)), L("うちパート"), V(People(c.EmployeesPartTime)));
        t.AddRow(L("設立年"), V(c.FoundedYear is { } y ? $"{y}年" : null), L("資本金"), V(c.Capital is { } capital ? Yen(capital) : null));
        t.AddRow(L("労働組合"), V(c.LaborUnion is { } u ? YesNo(u) : null), L("法人番号"), V(c.CorporateNumber));
        t.AddRow(L("代表者"), V(c.Representative), L("就業規則"), V(c.WorkRules));
        t.AddRow(L("事業内容"), Wide(c.Business));
        t.AddRow(L("会社の特長"), Wide(c.Features));
    });

    private static void Selection(PdfComposer pdf, JobSheetSelection s) => Section(pdf, "8 選考等", t =>
    {
        var notice = s.ResultNoticeDays is { } days ? $"{days}日以内" + (s.ResultNoticeMethod is null ? "" : $"（{s.ResultNoticeMethod}）") : s.ResultNoticeMethod;
        var c = s.Contact;
        var contact = string.Join("\n", new[]
        {
            string.Join("　", new[] { c.Title, c.Name, $"（{c.NameKana}）" }.OfType<string>()),
            string.Join("　", new[] { $"電話 {c.Phone}", c.Fax is null ? null : $"FAX {c.Fax}", c.Email is null ? null : $"Eメール {c.Email}" }.OfType<string>()),
        });
        t.AddRow(L("採用人数"), V($"{s.Openings}人"), L("募集理由"), V(s.Reason));
        t.AddRow(L("選考方法"), V(string.Join("、", s.Methods)), L("選考結果通知"), V(notice));
        t.AddRow(L("選考日時"), V(s.Schedule), L("選考場所"), V(s.Place));
        t.AddRow(L("応募書類等"), Wide(string.Join("、", s.Documents) + $"\n求職者マイページからの応募書類の登録：{(s.AcceptsMypageDocuments ? "可" : "不可")}"));
        t.AddRow(L("担当者"), Wide(contact));
    });

    private static void Notes(PdfComposer pdf, JobSheetNotes n) => Section(pdf, "9 特記事項・PR", t =>
    {
        t.AddRow(L("求人に関する特記事項"), Wide(n.SpecialNotes));
        t.AddRow(L("求人・事業所PR情報"), Wide(n.PrText));
        if (n.ImageCaptions.Count > 0)
        {
            t.AddRow(L("画像"), Wide(string.Join("\n", n.ImageCaptions.Take(10).Select((caption, i) => $"{i + 1}. {caption}"))));
        }
    });

    private static void Section(PdfComposer pdf, string title, Action<PdfTable> rows)
    {
        var table = new PdfTable(1.3f, 2.3f, 1.3f, 2.3f) { HeaderRows = 1, Style = Value, Padding = 3f };
        table.AddRow(new PdfCell(title) { ColumnSpan = 4, Style = Heading, Background = HeadingShade });
        rows(table);
        pdf.EnsureSpace(60);
        pdf.Table(table);
        pdf.Spacer(6);
    }

    private static string Range(JobSheetYenRange r) => YenRange(r.Min, r.Max);

    private static PdfCell L(string text) => new(text) { Style = Label, Background = LabelShade };

    private static PdfCell V(string? text) => new(text ?? "");

    private static PdfCell Wide(string? text) => new(text ?? "") { ColumnSpan = 3 };
}
