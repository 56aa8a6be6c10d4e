namespace HelloWork.Web.Resources;

/// <summary>Strings of the staff console (StaffText.resx / StaffText.en.resx): review, referrals, board, figures, audit (issue 6).</summary>
public sealed class StaffText;
