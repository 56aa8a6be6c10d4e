namespace HelloWork.Web.Resources;

/// <summary>Wording of stored notices by kind and audience (NoticeText.resx / NoticeText.en.resx), rendered by
/// <see cref="HelloWork.Web.Notices.NoticeRenderer"/> in the reader's language (R-NTC-1).</summary>
public sealed class NoticeText;
