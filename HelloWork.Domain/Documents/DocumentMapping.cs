using HelloWork.Domain.Accounts;
using HelloWork.Domain.Documents.JobSheets;
using HelloWork.Domain.Documents.ReferralSlips;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using Sheet = HelloWork.Domain.JobOffers.JobSheet;

namespace HelloWork.Domain.Documents;

/// <summary>Turns the stored offer and referral into the display records the two PDFs print (R-JOB-8, R-REF-5).</summary>
public static class DocumentMapping
{
    public const string HiddenName = "（事業所名は非公開）";

    /// <param name="imageCaptions">Captions of the establishment's approved images; printed only where the name is (a picture can
    /// name the company as well as the name does).</param>
    public static JobSheetData ToJobSheet(JobOffer offer, Establishment establishment, Office? office, bool showEmployerName,
        IReadOnlyList<string>? imageCaptions = null)
    {
        var s = offer.Sheet;
        var w = s.Work;
        var pay = s.Wages;
        var hidden = !showEmployerName;
        return new JobSheetData
        {
            Basics = new JobSheetBasics
            {
                JobNumber = offer.JobNumber ?? "（受理前）",
                AcceptedOn = offer.ReceivedDate ?? DateOnly.MinValue,
                ValidUntil = offer.ValidUntil ?? DateOnly.MinValue,
                ReceivingOffice = office?.Name ?? "",
                Category = Category(s.Basics.Category),
                AcceptsOnlineSelfApplication = s.Basics.OnlineSelfApplication,
                Industry = s.Basics.Industry,
                TrialEmployment = s.Basics.TrialEmployment,
                PublicationScope = s.Basics.Scope switch
                {
                    PublicationScope.PublicWithName => "1 事業所名等を含む求人情報を公開する",
                    PublicationScope.NameToRegisteredOnly => "2 事業所名等を含む求人情報を求職者登録した方に限定して公開する",
                    _ => "3 事業所名等を含まない求人情報を公開する",
                },
            },
            Establishment = new JobSheetEstablishment
            {
                EstablishmentNumber = hidden ? "―" : establishment.Number,
                Name = hidden ? HiddenName : s.Establishment.Name,
                NameKana = hidden ? "" : s.Establishment.Kana,
                PostalCode = hidden ? "―" : s.Establishment.PostalCode,
                Address = hidden ? w.WorkplacePrefecture + w.WorkplaceMunicipality : s.Establishment.Address,
                Website = hidden ? null : s.Establishment.Website,
            },
            Work = new JobSheetWork
            {
                Occupation = w.JobTitle,
                Description = w.Description,
                EmploymentType = EmploymentTypeLabel(w.EmploymentType),
                DispatchOrContract = w.Dispatch switch
                {
                    DispatchKind.Dispatch => "派遣",
                    DispatchKind.TemporaryToPermanent => "紹介予定派遣",
                    DispatchKind.Contracting => "請負",
                    _ => "派遣・請負ではない",
                },
                EmploymentPeriod = w.FixedTerm ? $"雇用期間の定めあり（{w.ContractTerm}）" : "雇用期間の定めなし",
                ContractRenewal = w.FixedTerm ? w.RenewalConditions ?? "あり" : null,
                RegularEmployeeConversion = w.EmploymentType == EmploymentType.Regular ? null : w.RegularConversion ? "あり" : "なし",
                Workplace = new JobSheetWorkplace(hidden ? "―" : w.WorkplacePostalCode,
                    hidden ? w.WorkplacePrefecture + w.WorkplaceMunicipality : w.WorkplacePrefecture + w.WorkplaceMunicipality + w.WorkplaceAddress)
                {
                    NearestStation = w.NearestStation,
                    Access = w.Access,
                    AccessMinutes = w.MinutesFromStation,
                },
                RemoteWork = w.RemoteWork ? "あり" : "なし",
                PassiveSmokingMeasure = w.Smoking switch
                {
                    PassiveSmokingMeasure.IndoorNoSmoking => "あり（屋内禁煙）",
                    PassiveSmokingMeasure.PremisesNoSmoking => "あり（敷地内禁煙）",
                    PassiveSmokingMeasure.SmokingRoom => "あり（喫煙室設置）",
                    PassiveSmokingMeasure.NoMeasure => "なし",
                    _ => "記載なし",
                },
                CommuteByCar = w.CarCommuteAllowed ? "可" : "不可",
                Transfer = w.TransferPossible ? "あり" : "なし",
                UijTurnWelcome = w.UijTurnWelcome,
                Age = w.AgeLimited ? $"制限あり（{w.AgeMin?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}〜{w.AgeMax?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}歳）" : "不問",
                AgeLimitReason = w.AgeLimited ? w.AgeReason : null,
                Education = w.Education,
                Experience = w.RequiredExperience,
                PcSkills = w.PcSkills,
                Licenses = w.Licenses,
                TrialPeriod = w.TrialPeriod ? "あり　" + w.TrialPeriodDetail : "なし",
            },
            Wages = new JobSheetWages
            {
                WageForm = pay.Form switch { WageForm.Daily => "日給", WageForm.Hourly => "時給", WageForm.Annual => "年俸制", _ => "月給" },
                BasePay = new JobSheetYenRange(pay.BaseMin ?? 0, pay.BaseMax > pay.BaseMin ? pay.BaseMax : null),
                FixedAllowances = pay.FixedAllowances > 0
                    ? [new JobSheetAllowance(pay.FixedAllowancesDetail ?? "定額的に支払われる手当", new JobSheetYenRange(pay.FixedAllowances ?? 0))]
                    : [],
                FixedOvertime = pay.FixedOvertime && pay.FixedOvertimeAmount is { } amount
                    ? new JobSheetFixedOvertime(new JobSheetYenRange(amount), pay.FixedOvertimeHours ?? 0) { Note = pay.FixedOvertimeNote }
                    : null,
                OtherAllowances = pay.OtherAllowances,
                CommutingAllowance = pay.Commuting ?? "なし",
                ClosingDay = pay.ClosingDay ?? "―",
                PayDay = pay.PayDay ?? "―",
                AnnualIncomeNote = pay.AnnualIncomeExample,
            },
            Hours = new JobSheetHours
            {
                // A draft's sheet may still lack numbers and times (一時保存); a submitted one has them all (R-JOB-1).
                Shifts = [new JobSheetShift(s.Hours.Start ?? TimeOnly.MinValue, s.Hours.End ?? TimeOnly.MinValue)],
                ShiftSystem = s.Hours.ShiftWork,
                HoursNote = s.Hours.OtherShifts,
                DaysPerWeek = $"週{s.Hours.DaysPerWeek}日",
                OvertimeMonthlyAverageHours = s.Hours.Overtime ? s.Hours.OvertimeMonthlyAverage ?? 0 : null,
                SpecialClause36 = s.Hours.SpecialClause36 ? "あり" : "なし",
                BreakMinutes = s.Hours.BreakMinutes ?? 0,
                AnnualHolidays = s.Hours.AnnualHolidays ?? 0,
                Holidays = s.Hours.Holidays,
                FiveDayWeek = s.Hours.WeeklyTwoDaysOff ? "毎週" : "その他",
                PaidLeaveDaysAfterSixMonths = s.Hours.PaidLeaveAfterSixMonths ?? 0,
            },
            Conditions = new JobSheetConditions
            {
                Insurance = new JobSheetInsurance(s.Conditions.EmploymentInsurance, s.Conditions.WorkersCompensation, s.Conditions.PublicServiceCompensation,
                    s.Conditions.HealthInsurance, s.Conditions.PensionInsurance, s.Conditions.Zaikei),
                CorporatePension = s.Conditions.CorporatePension,
                RetirementAllowance = s.Conditions.RetirementAllowance ? "あり" : "なし",
                RetirementAge = s.Conditions.RetirementAge is { } age ? $"あり（一律 {age}歳）" : "なし",
                Reemployment = s.Conditions.Reemployment ? "あり" : "なし",
                ExtendedEmployment = s.Conditions.ExtendedEmployment ? "あり" : "なし",
                Housing = s.Conditions.Housing ? "あり" : "なし",
                Childcare = s.Conditions.Childcare ? "あり" : "なし",
                ChildcareLeave = s.Conditions.LeaveRecords,
                Training = s.Conditions.Training,
                Benefits = s.Conditions.Welfare,
            },
            Company = new JobSheetCompany
            {
                EmployeesTotal = s.Company.EmployeesTotal,
                EmployeesAtWorkplace = s.Company.EmployeesAtWorkplace,
                EmployeesWomen = s.Company.EmployeesWomen,
                EmployeesPartTime = s.Company.EmployeesPartTime,
                FoundedYear = hidden ? null : s.Company.Founded,
                Capital = hidden ? null : s.Company.Capital,
                LaborUnion = s.Company.LaborUnion,
                Business = s.Company.BusinessDescription,
                Features = s.Company.Features,
                Representative = hidden ? null : s.Company.Representative,
                CorporateNumber = hidden ? null : s.Company.CorporateNumber,
            },
            Selection = new JobSheetSelection
            {
                Openings = s.Selection.Openings ?? 0,
                Reason = s.Selection.ReasonForHiring,
                Methods = SelectionMethods(s.Selection),
                ResultNoticeDays = s.Selection.ResultWithinDays,
                Schedule = s.Selection.SelectionSchedule,
                Place = hidden ? null : s.Selection.SelectionPlace,
                Documents = ApplicationDocuments(s.Selection),
                AcceptsMypageDocuments = s.Selection.AcceptsMypageDocuments,
                Contact = hidden
                    ? new JobSheetContact("ハローワークにお問い合わせください", "", office?.Phone ?? "")
                    : new JobSheetContact(s.Selection.ContactName, s.Selection.ContactKana, s.Selection.ContactPhone)
                    {
                        Title = s.Selection.ContactDepartment,
                        Fax = s.Selection.ContactFax,
                        Email = s.Selection.ContactEmail,
                    },
            },
            Notes = new JobSheetNotes
            {
                SpecialNotes = s.Company.Notes, PrText = s.Company.PrText, ImageCaptions = showEmployerName ? imageCaptions ?? [] : [],
            },
        };
    }

    public static ReferralSlipData ToReferralSlip(Referral referral, JobOffer offer, Establishment establishment, Office office, Jobseeker jobseeker)
    {
        var s = offer.Sheet;
        var referredOn = Common.JapanTime.DateOf(referral.EstablishedAt ?? referral.SentAt);
        return new ReferralSlipData
        {
            Office = new ReferralSlipOffice(office.Name, "", office.Address, office.Phone, referral.StaffName),
            ReferredOn = referredOn,
            JobNumber = offer.JobNumber ?? "",
            Employer = new ReferralSlipEmployer(s.Establishment.Name, s.Establishment.PostalCode, s.Establishment.Address, s.Selection.ContactName)
            {
                ContactDepartment = s.Selection.ContactDepartment,
                Phone = s.Selection.ContactPhone,
            },
            Occupation = s.Work.JobTitle,
            Jobseeker = new ReferralSlipJobseeker(jobseeker.Name, jobseeker.Kana)
            {
                Age = jobseeker.AgeOn(referredOn),
                JobseekerNumber = jobseeker.JobseekerNumber,
            },
            SelectionMethod = string.Join("・", SelectionMethods(s.Selection)),
            ReplyBy = referredOn.AddDays(Math.Max(7, (s.Selection.ResultWithinDays ?? 0) + 7)),
            ReferralNumber = referral.Id.ToString("N")[..10].ToUpperInvariant(),
            Remarks = s.Selection.SelectionPlace is { } place ? $"選考場所：{place}" : null,
        };
    }

    private static List<string> SelectionMethods(OfferSelection s)
    {
        var list = new List<string>();
        if (s.DocumentScreening) list.Add("書類選考");
        if (s.Interview) list.Add("面接");
        if (s.WrittenTest) list.Add("筆記試験");
        return list.Count == 0 ? ["面接"] : list;
    }

    private static List<string> ApplicationDocuments(OfferSelection s)
    {
        var list = new List<string>();
        if (s.RequiresReferralSlip) list.Add("ハローワーク紹介状");
        if (s.RequiresResume) list.Add("履歴書");
        if (s.RequiresCareerSheet) list.Add("職務経歴書");
        if (!string.IsNullOrWhiteSpace(s.OtherDocuments)) list.Add(s.OtherDocuments);
        return list;
    }

    public static string Category(OfferCategory c) => c switch
    {
        OfferCategory.PartTime => "一般（パート）",
        OfferCategory.NewGraduate => "新卒・既卒",
        OfferCategory.Seasonal => "季節",
        OfferCategory.Disability => "障害のある方のための求人",
        _ => "一般（フルタイム）",
    };

    public static string EmploymentTypeLabel(EmploymentType t) => t switch
    {
        EmploymentType.NonRegular => "正社員以外",
        EmploymentType.FixedTermDispatch => "有期雇用派遣労働者",
        EmploymentType.IndefiniteDispatch => "無期雇用派遣労働者",
        _ => "正社員",
    };
}
