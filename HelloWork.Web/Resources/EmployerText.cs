namespace HelloWork.Web.Resources;

/// <summary>The employer mypage's strings (EmployerText.resx Japanese, EmployerText.en.resx English; tools/resx.py --res EmployerText): 求人票 field labels, code lists, screens.</summary>
public sealed class EmployerText;
