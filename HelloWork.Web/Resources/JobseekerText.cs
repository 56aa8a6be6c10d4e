namespace HelloWork.Web.Resources;

/// <summary>The jobseeker area's strings (search, job sheet, referrals, applications, messages, profile):
/// JobseekerText.resx (Japanese), JobseekerText.en.resx (English). Add with <c>tools/resx.py --res JobseekerText</c>.</summary>
public sealed class JobseekerText;
