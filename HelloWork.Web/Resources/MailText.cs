namespace HelloWork.Web.Resources;

/// <summary>The mail templates by kind (MailText.resx Japanese, MailText.en.resx English): subject, body, note (R-MAIL-4).</summary>
public sealed class MailText;
