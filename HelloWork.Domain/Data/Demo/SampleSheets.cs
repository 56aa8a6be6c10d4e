using HelloWork.Domain.JobOffers;
using HelloWork.Domain.JobOffers.Law;

namespace HelloWork.Domain.Data.Demo;

/// <summary>Builds complete, check-passing 求人票 from the vocabulary: used by the demo data and the benchmark generator.</summary>
public static class SampleSheets
{
    /// <summary>A sheet for <paramref name="occ"/>; the industry and representative are <paramref name="company"/>'s when given (the demo),
    /// else the occupation's usual industry (tests and the benchmark).</summary>
    public static JobSheet Build(Random rnd, Vocabulary.Occupation occ, Vocabulary.Place place, string establishmentName, string establishmentKana,
        string establishmentAddress, int employees, Vocabulary.Company? company = null)
    {
        var industry = company?.Industry.Name ?? occ.Industry;
        var partTime = rnd.Next(4) == 0;
        var hourly = partTime;
        // Lawful on any date of the shipped table: at least the prefecture's highest minimum wage (R-LAW-1), a month of the
        // full-time sheets being at most (365 − 105 holidays) × 8 hours ÷ 12 = 173.4 hours.
        var minimum = MinimumWageTable.Shipped.All.Where(f => f.Prefecture == place.Prefecture).Select(f => f.Yen).DefaultIfEmpty(0).Max();
        var drawn = hourly ? 1100 + rnd.Next(0, 8) * 50 : 180_000 + rnd.Next(0, 15) * 10_000;
        var baseMin = hourly ? Math.Max(drawn, (minimum + 9) / 10 * 10) : Math.Max(drawn, (int)Math.Ceiling(minimum * 173.4m / 1000m) * 1000);
        var baseMax = baseMin + (hourly ? rnd.Next(0, 5) * 50 : rnd.Next(0, 8) * 10_000);
        var fixedOvertime = !hourly && rnd.Next(6) == 0;
        var dispatch = occ.Code.StartsWith("104", StringComparison.Ordinal) && rnd.Next(5) == 0;
        var scope = rnd.Next(10) switch { 0 => PublicationScope.WithoutName, 1 => PublicationScope.NameToRegisteredOnly, _ => PublicationScope.PublicWithName };
        var selfApp = scope != PublicationScope.WithoutName && rnd.Next(3) != 0;
        var startHour = partTime ? 9 + rnd.Next(0, 4) : 8 + rnd.Next(0, 3);
        var minutes = rnd.Next(1, 25);
        return new JobSheet
        {
            Basics = new OfferBasics
            {
                Category = partTime ? OfferCategory.PartTime : OfferCategory.FullTime,
                OnlineSelfApplication = selfApp,
                IndustryCode = company?.Industry.Code ?? occ.Code[..3],
                Industry = industry,
                TrialEmployment = rnd.Next(8) == 0,
                Scope = scope,
            },
            Establishment = new OfferEstablishment { Name = establishmentName, Kana = establishmentKana, Address = establishmentAddress, PostalCode = place.PostalCode },
            Work = new OfferWork
            {
                JobTitle = occ.Title + (partTime ? "（パート）" : ""),
                OccupationCode = occ.Code,
                Description = occ.Description + (rnd.Next(2) == 0 ? "\n入社後は先輩社員が丁寧に指導しますので、未経験の方も安心して応募してください。" : "\n経験を活かして長く働ける職場です。"),
                EmploymentType = dispatch ? EmploymentType.IndefiniteDispatch : partTime ? EmploymentType.NonRegular : EmploymentType.Regular,
                Dispatch = dispatch ? DispatchKind.Dispatch : DispatchKind.None,
                WorkplaceDisclosed = true,
                FixedTerm = partTime,
                ContractTerm = partTime ? "1年（更新あり）" : null,
                RenewalConditions = partTime ? "勤務成績、業務量により判断" : null,
                RegularConversion = partTime && rnd.Next(2) == 0,
                WorkplacePostalCode = place.PostalCode,
                WorkplacePrefecture = place.Prefecture,
                WorkplaceMunicipality = place.Municipality,
                WorkplaceAddress = place.Address,
                NearestStation = place.Station,
                Access = minutes <= 15 ? "徒歩" : "バス",
                MinutesFromStation = minutes,
                RemoteWork = occ.Code.StartsWith("01", StringComparison.Ordinal) && rnd.Next(2) == 0,
                Smoking = rnd.Next(3) == 0 ? PassiveSmokingMeasure.PremisesNoSmoking : PassiveSmokingMeasure.IndoorNoSmoking,
                CarCommuteAllowed = rnd.Next(2) == 0,
                TransferPossible = rnd.Next(4) == 0,
                UijTurnWelcome = rnd.Next(4) == 0,
                Education = rnd.Next(3) == 0 ? "高校以上" : "不問",
                RequiredExperience = occ.Requirements,
                PcSkills = occ.Code.StartsWith("05", StringComparison.Ordinal) ? "Word・Excel（基本操作）" : null,
                Licenses = occ.Requirements.Contains("免許", StringComparison.Ordinal) ? occ.Requirements : null,
                TrialPeriod = true,
                TrialPeriodDetail = "3か月（労働条件の変更なし）",
                DutiesChangeScope = "雇入れ直後：" + occ.Title + "　変更の範囲：会社の定める業務",
                WorkplaceChangeScope = "雇入れ直後：" + place.Prefecture + place.Municipality + "　変更の範囲：" + (dispatch ? "派遣先の定める就業場所" : "会社の定める事業所"),
            },
            Wages = new OfferWages
            {
                Form = hourly ? WageForm.Hourly : WageForm.Monthly,
                BaseMin = baseMin,
                BaseMax = baseMax,
                FixedAllowances = hourly ? 0 : rnd.Next(0, 4) * 5_000,
                FixedAllowancesDetail = hourly ? null : "資格手当、職務手当",
                FixedOvertime = fixedOvertime,
                // Covers the 15 hours at 1.25 times the hourly base (with the largest fixed allowance drawn and the fewest hours, 125 holidays: 160 h a month), R-LAW-2.
                FixedOvertimeAmount = fixedOvertime ? (int)Math.Ceiling((baseMin + 15_000) / 160m * 1.25m * 15 / 1000m) * 1000 : null,
                FixedOvertimeHours = fixedOvertime ? 15 : null,
                FixedOvertimeNote = fixedOvertime ? "固定残業時間を超える時間外労働分についての割増賃金は追加で支給" : null,
                OtherAllowances = "家族手当、住宅手当",
                Commuting = "実費支給（上限 月額30,000円）",
                ClosingDay = "月末",
                PayDay = "翌月25日",
                Raise = hourly ? "あり（前年度実績 時給20円）" : "あり（前年度実績 月額5,000円）",
                Bonus = hourly ? "なし" : "あり（前年度実績 年2回 計3.0か月分）",
                AnnualIncomeExample = hourly ? null : $"{(baseMin * 15 / 10_000):N0}万円（経験3年）",
            },
            Hours = new OfferHours
            {
                Start = new TimeOnly(startHour, 0),
                End = new TimeOnly(partTime ? startHour + 5 : startHour + 9, 0),
                ShiftWork = occ.Code.StartsWith("091", StringComparison.Ordinal),
                OtherShifts = occ.Code.StartsWith("091", StringComparison.Ordinal) ? "(2) 7時00分〜16時00分 (3) 16時00分〜9時00分（夜勤）" : null,
                DaysPerWeek = partTime ? 3 + rnd.Next(0, 3) : 5,
                Overtime = !partTime,
                OvertimeMonthlyAverage = partTime ? null : rnd.Next(0, 25),
                BreakMinutes = partTime ? 0 : 60,
                AnnualHolidays = partTime ? 100 + rnd.Next(0, 20) : 105 + rnd.Next(0, 21),
                Holidays = rnd.Next(3) == 0 ? "シフト制（月9日）" : "土日祝",
                WeeklyTwoDaysOff = rnd.Next(4) != 0,
                PaidLeaveAfterSixMonths = 10,
            },
            Conditions = new OfferConditions
            {
                EmploymentInsurance = true,
                WorkersCompensation = true,
                HealthInsurance = !partTime || rnd.Next(2) == 0,
                PensionInsurance = !partTime || rnd.Next(2) == 0,
                RetirementAllowance = !partTime,
                RetirementAge = 60 + rnd.Next(0, 3) * 5,
                Reemployment = true,
                Housing = rnd.Next(6) == 0,
                Childcare = rnd.Next(8) == 0,
                LeaveRecords = "育児休業取得実績あり",
                Training = "入社時研修、資格取得支援制度",
                Welfare = "社員食堂、制服貸与",
            },
            Company = new OfferCompany
            {
                EmployeesTotal = employees,
                // うち女性 and うちパート are of the 就業場所 (the 求人票 lists them under it).
                EmployeesAtWorkplace = Math.Max(1, employees / 3),
                EmployeesWomen = Math.Max(1, employees / 3) * 2 / 5,
                EmployeesPartTime = Math.Max(1, employees / 3) / 5,
                Founded = 1950 + rnd.Next(0, 70),
                Capital = 10_000_000L * (1 + rnd.Next(0, 30)),
                BusinessDescription = $"{industry}。地域に根ざして事業を展開しています。",
                Features = "地域密着、残業少なめ、有給休暇が取りやすい職場です。",
                Representative = $"{company?.Representative ?? "代表取締役"} 山田 太郎",
                PrText = "私たちは働く人を大切にし、長く安心して働ける職場づくりに取り組んでいます。",
            },
            Selection = new OfferSelection
            {
                Openings = 1 + rnd.Next(0, 3),
                ReasonForHiring = rnd.Next(2) == 0 ? "増員" : "欠員補充",
                DocumentScreening = rnd.Next(3) != 0,
                Interview = true,
                ResultWithinDays = 7,
                SelectionPlace = establishmentAddress,
                AcceptsMypageDocuments = rnd.Next(2) == 0,
                ContactDepartment = "総務部",
                ContactName = "採用担当 鈴木",
                ContactKana = "スズキ",
                ContactPhone = $"03-{rnd.Next(1000, 9999)}-{rnd.Next(1000, 9999)}",
            },
        };
    }
}
