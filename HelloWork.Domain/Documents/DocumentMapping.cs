using HelloWork.Domain.Accounts;
using HelloWork.Domain.Documents.ReferralSlips;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;

namespace HelloWork.Domain.Documents;

/// <summary>Turns the stored referral into the record the referral slip prints (R-REF-5); the job sheet prints <see cref="JobSheetView"/>.</summary>
public static class DocumentMapping
{
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
            SelectionMethod = string.Join("・", JobSheetView.SelectionMethods(s.Selection)),
            ReplyBy = referredOn.AddDays(Math.Max(7, (s.Selection.ResultWithinDays ?? 0) + 7)),
            ReferralNumber = referral.Id.ToString("N")[..10].ToUpperInvariant(),
            Remarks = s.Selection.SelectionPlace is { } place ? $"選考場所：{place}" : null,
        };
    }

    public static string EmploymentTypeLabel(EmploymentType t) => t switch
    {
        EmploymentType.NonRegular => "正社員以外",
        EmploymentType.FixedTermDispatch => "有期雇用派遣労働者",
        EmploymentType.IndefiniteDispatch => "無期雇用派遣労働者",
        _ => "正社員",
    };
}
