namespace HelloWork.Web.Resources;

/// <summary>Strings of the ハローワーク総合評価 pages (EvaluationText.resx / EvaluationText.en.resx): the monthly publication, the yearly
/// evaluation, the questionnaire and the staff's targets.</summary>
public sealed class EvaluationText;
