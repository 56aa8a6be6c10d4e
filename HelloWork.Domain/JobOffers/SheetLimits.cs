namespace HelloWork.Domain.JobOffers;

/// <summary>
/// The longest text each item of the 求人票 takes (R-JOB-1, R-ERR-1): the checks (<see cref="JobSheetChecks"/>) refuse longer text and the entry
/// screens stop typing at the same length. One constant per sheet property, under its section.
/// </summary>
public static class SheetLimits
{
    /// <summary>Free text of a whole box (仕事内容, 事業内容, PR …).</summary>
    public const int Text = 2000;

    public static class Basics
    {
        public const int Industry = 100;
        public const int IndustryCode = 10;
    }

    public static class Establishment
    {
        public const int Address = 200;
        public const int Kana = 100;
        public const int Name = 100;
        public const int PostalCode = 8;
        public const int Website = 300;
    }

    public static class Work
    {
        public const int Access = 100;
        public const int AgeReason = 500;
        public const int ContractTerm = 200;
        public const int Description = SheetLimits.Text;
        public const int Education = 50;
        public const int JobTitle = 100;
        public const int Licenses = SheetLimits.Text;
        public const int NearestStation = 50;
        public const int OccupationCode = 10;
        public const int PcSkills = 500;
        public const int RenewalConditions = 500;
        public const int RequiredExperience = SheetLimits.Text;
        public const int TrialPeriodDetail = 200;
        public const int DutiesChangeScope = 200;
        public const int WorkplaceChangeScope = 200;
        public const int WorkplaceAddress = 200;
        public const int WorkplaceMunicipality = 50;
        public const int WorkplacePostalCode = 8;
        public const int WorkplacePrefecture = 10;
    }

    public static class Wages
    {
        public const int AnnualIncomeExample = 500;
        public const int Bonus = 500;
        public const int ClosingDay = 50;
        public const int Commuting = 200;
        public const int FixedAllowancesDetail = 500;
        public const int FixedOvertimeNote = 500;
        public const int OtherAllowances = SheetLimits.Text;
        public const int PayDay = 50;
        public const int Raise = 500;
    }

    public static class Hours
    {
        public const int Holidays = 200;
        public const int OtherShifts = 500;
    }

    public static class Conditions
    {
        public const int CorporatePension = 200;
        public const int LeaveRecords = 500;
        public const int Training = SheetLimits.Text;
        public const int Welfare = SheetLimits.Text;
    }

    public static class Company
    {
        public const int BusinessDescription = SheetLimits.Text;
        public const int CorporateNumber = 13;
        public const int Features = SheetLimits.Text;
        public const int Notes = SheetLimits.Text;
        public const int PrText = SheetLimits.Text;
        public const int Representative = 50;
    }

    public static class Selection
    {
        public const int ContactDepartment = 100;
        public const int ContactEmail = 254;
        public const int ContactFax = 20;
        public const int ContactKana = 50;
        public const int ContactName = 50;
        public const int ContactPhone = 20;
        public const int OtherDocuments = 500;
        public const int ReasonForHiring = 200;
        public const int SelectionPlace = 200;
        public const int SelectionSchedule = 200;
    }
}
