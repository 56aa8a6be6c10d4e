namespace HelloWork.Domain.Notices;

/// <summary>
/// Converts notices stored as prose (Title, Body, Link) into data (kind, subject, arguments; R-NTC-1): the migration
/// <c>NoticesAsData</c> of both providers runs these statements after adding <c>Args</c> and before dropping the prose
/// columns. Kinds that shared one enum member are told apart by their old title; arguments are read again from the
/// notice's subject (an application, referral, offer, image, direct request or guidance message). A notice whose subject
/// is gone keeps its kind with no arguments and renders without them.
/// </summary>
public static class NoticeArgsMigration
{
    public static IReadOnlyList<string> Statements(bool postgres)
    {
        string Json(params string[] pairs) => postgres
            ? $"json_build_object({string.Join(", ", pairs)})::text"
            : $"json_object({string.Join(", ", pairs)})";
        string Pair(string name, string value) => $"'{name}', COALESCE({value}, '')";
        var validUntil = postgres ? "to_char(o.\"ValidUntil\", 'YYYY-MM-DD')" : "o.\"ValidUntil\"";
        const string method = "CASE a.\"Method\" WHEN 0 THEN 'OnlineReferral' WHEN 1 THEN 'SelfApplication' ELSE 'CounterReferral' END";
        const string result = "CASE a.\"Status\" WHEN 2 THEN 'Hired' WHEN 4 THEN 'Withdrawn' WHEN 3 THEN 'NotHired' ELSE '' END";
        const string n = "\"Notices\"";

        string Update(string kinds, string recipientPrefix, string select) =>
            $"UPDATE {n} SET \"Args\" = COALESCE(({select} AND x_subject = {n}.\"SubjectId\"), '{{}}') " +
            $"WHERE \"Kind\" IN ({kinds}) AND \"Recipient\" LIKE '{recipientPrefix}%' AND \"SubjectId\" IS NOT NULL";

        var byApplication = $"SELECT {Json(Pair(NoticeArg.OfferTitle, "o.\"Title\""), Pair(NoticeArg.JobNumber, "o.\"JobNumber\""),
            Pair(NoticeArg.ApplicantName, "j.\"Name\""), Pair(NoticeArg.Method, method), Pair(NoticeArg.Result, result),
            Pair(NoticeArg.OfficeName, "f.\"Name\""))} FROM \"Applications\" a JOIN \"JobOffers\" o ON o.\"Id\" = a.\"JobOfferId\" " +
            "JOIN \"Jobseekers\" j ON j.\"Id\" = a.\"JobseekerId\" LEFT JOIN \"Referrals\" r ON r.\"Id\" = a.\"ReferralId\" " +
            "LEFT JOIN \"Offices\" f ON f.\"Id\" = r.\"OfficeId\" WHERE 1 = 1";
        var byReferral = $"SELECT {Json(Pair(NoticeArg.OfferTitle, "o.\"Title\""), Pair(NoticeArg.JobNumber, "o.\"JobNumber\""))} " +
            "FROM \"Referrals\" r JOIN \"JobOffers\" o ON o.\"Id\" = r.\"JobOfferId\" WHERE 1 = 1";
        var byOffer = $"SELECT {Json(Pair(NoticeArg.OfferTitle, "o.\"Title\""), Pair(NoticeArg.JobNumber, "o.\"JobNumber\""),
            Pair(NoticeArg.EstablishmentName, "e.\"Name\""), Pair(NoticeArg.Date, validUntil), Pair(NoticeArg.Correction, "o.\"CorrectionRequest\""))} " +
            "FROM \"JobOffers\" o JOIN \"Establishments\" e ON e.\"Id\" = o.\"EstablishmentId\" WHERE 1 = 1";
        var byRequest = $"SELECT {Json(Pair(NoticeArg.OfferTitle, "o.\"Title\""), Pair(NoticeArg.JobNumber, "o.\"JobNumber\""))} " +
            "FROM \"DirectRequests\" d JOIN \"JobOffers\" o ON o.\"Id\" = d.\"JobOfferId\" WHERE 1 = 1";
        var byImage = $"SELECT {Json(Pair(NoticeArg.Caption, "i.\"Caption\""), Pair(NoticeArg.Reason, "i.\"RefusalReason\""))} " +
            "FROM \"EstablishmentImages\" i WHERE 1 = 1";
        var byGuidance = $"SELECT {Json(Pair(NoticeArg.AgencyName, "g.\"Name\""))} " +
            "FROM \"GuidanceMessages\" m JOIN \"Agencies\" g ON g.\"Id\" = m.\"AgencyId\" WHERE 1 = 1";

        return
        [
            // Kinds that were one member with different titles.
            $"UPDATE {n} SET \"Kind\" = {(int)NoticeKind.ReferralSent} WHERE \"Kind\" = 0 AND \"Title\" = '紹介を送信しました'",
            $"UPDATE {n} SET \"Kind\" = {(int)NoticeKind.ReferralDeclined} WHERE \"Kind\" = 0 AND \"Title\" = '紹介が辞退されました'",
            $"UPDATE {n} SET \"Kind\" = {(int)NoticeKind.ImageRefused} WHERE \"Kind\" = {(int)NoticeKind.ImageReviewed} AND \"Title\" = '画像を公開しませんでした'",
            $"UPDATE {n} SET \"Kind\" = {(int)NoticeKind.Welcome} WHERE \"Kind\" = 0 AND \"Title\" IN ('ハローワークでの求職登録のご案内', '求人者マイページへようこそ')",
            // Arguments from the subject, kind by kind (the subject's meaning depends on the kind and on who reads it).
            Update(Kinds(NoticeKind.MessageReceived, NoticeKind.ApplicationReceived, NoticeKind.ResultRegistered), "", byApplication).Replace("x_subject", "a.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.ApplicationCancelled), "est:", byApplication).Replace("x_subject", "a.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.ApplicationCancelled), "office:", byReferral).Replace("x_subject", "r.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.ReferralProposed, NoticeKind.ReferralSent, NoticeKind.ReferralEstablished), "", byReferral).Replace("x_subject", "r.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.OfferSubmitted, NoticeKind.OfferAccepted, NoticeKind.OfferReturned), "", byOffer).Replace("x_subject", "o.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.DirectRequest), "", byRequest).Replace("x_subject", "d.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.ImageReviewed, NoticeKind.ImageRefused), "", byImage).Replace("x_subject", "i.\"Id\"", StringComparison.Ordinal),
            Update(Kinds(NoticeKind.GuidanceMessage), "user:", byGuidance).Replace("x_subject", "m.\"Id\"", StringComparison.Ordinal),
        ];
    }

    private static string Kinds(params NoticeKind[] kinds) => string.Join(", ", kinds.Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
