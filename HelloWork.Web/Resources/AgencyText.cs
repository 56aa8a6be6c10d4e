namespace HelloWork.Web.Resources;

/// <summary>Strings of the agency pages and the jobseeker's guidance-message page (AgencyText.resx / AgencyText.en.resx).</summary>
public sealed class AgencyText;
