namespace HelloWork.Web.Resources;

/// <summary>Strings of the staff console (StaffText.resx / StaffText.en.resx): review, referrals, board, figures, audit.</summary>
public sealed class StaffText;
