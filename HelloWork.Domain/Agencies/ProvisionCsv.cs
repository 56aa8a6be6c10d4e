using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using HelloWork.Domain.Common;

namespace HelloWork.Domain.Agencies;

/// <summary>The CSV of the data method (R-AGY-1): UTF-8 with BOM for Excel, Japanese headers, streamed in 32 KB chunks.</summary>
public static class ProvisionCsv
{
    /// <summary>Writes the BOM, the header and every row; returns the number of rows. The caller completes the writer.</summary>
    public static async Task<long> WriteAsync(PipeWriter writer, IAsyncEnumerable<ProvidedOffer> rows, CancellationToken ct)
    {
        var sb = new StringBuilder(512);
        sb.Append('\uFEFF'); // BOM: Excel opens UTF-8 correctly
        sb.Append("求人番号,状態,職種,職業分類,事業所名,都道府県,市区町村,雇用形態,賃金形態,賃金下限,賃金上限,始業,終業,年間休日数,週休二日制,駅近,在宅勤務,UIJターン歓迎,オンライン自主応募,採用人数,受付年月日,紹介期限日,更新日時\r\n");
        long count = 0;
        await foreach (var o in rows.WithCancellation(ct))
        {
            Field(sb, o.JobNumber); Field(sb, o.Status); Field(sb, o.Title); Field(sb, o.OccupationCode); Field(sb, o.EstablishmentName ?? "");
            Field(sb, o.Prefecture); Field(sb, o.Municipality); Field(sb, o.EmploymentType); Field(sb, o.WageForm);
            Field(sb, o.WageMin.ToString(CultureInfo.InvariantCulture)); Field(sb, o.WageMax.ToString(CultureInfo.InvariantCulture));
            Field(sb, o.WorkStart); Field(sb, o.WorkEnd); Field(sb, o.AnnualHolidays.ToString(CultureInfo.InvariantCulture));
            Field(sb, Flag(o.WeeklyTwoDaysOff)); Field(sb, Flag(o.NearStation)); Field(sb, Flag(o.RemoteWork)); Field(sb, Flag(o.UijTurn));
            Field(sb, Flag(o.OnlineSelfApplication)); Field(sb, o.Openings.ToString(CultureInfo.InvariantCulture));
            Field(sb, o.ReceivedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            Field(sb, o.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            sb.Append(JapanTime.ToJapan(o.UpdatedAt).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\r\n");
            count++;
            if (sb.Length > 32 * 1024)
            {
                await FlushAsync(writer, sb, ct);
            }
        }
        await FlushAsync(writer, sb, ct);
        return count;
    }

    /// <summary>Provided profiles (R-AGY-2): the agency's token, the provided fields and the date of the last change, nothing else.</summary>
    public static async Task WriteProfilesAsync(PipeWriter writer, IEnumerable<ProvidedProfile> rows, CancellationToken ct)
    {
        var sb = new StringBuilder(512);
        sb.Append('\uFEFF');
        sb.Append("求職者情報ID,希望職種,希望勤務地,希望月額賃金,希望雇用形態,希望勤務時間,資格,経験,職歴,更新日\r\n");
        foreach (var p in rows)
        {
            Field(sb, p.Token); Field(sb, p.DesiredOccupation); Field(sb, p.DesiredPrefecture);
            Field(sb, p.DesiredMonthlyWage?.ToString(CultureInfo.InvariantCulture) ?? ""); Field(sb, p.DesiredEmploymentType ?? "");
            Field(sb, p.DesiredHours ?? ""); Field(sb, p.Qualifications); Field(sb, p.Experience); Field(sb, p.WorkHistory);
            sb.Append(p.UpdatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\r\n");
            if (sb.Length > 32 * 1024)
            {
                await FlushAsync(writer, sb, ct);
            }
        }
        await FlushAsync(writer, sb, ct);
    }

    private static string Flag(bool value) => value ? "1" : "0";

    /// <summary>One cell and its separator (the shared <see cref="Csv"/> rule: quoted when needed, formulas defused).</summary>
    private static void Field(StringBuilder sb, string value) => Csv.Cell(sb, value).Append(',');

    private static async Task FlushAsync(PipeWriter writer, StringBuilder sb, CancellationToken ct)
    {
        foreach (var chunk in sb.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, writer);
        }
        sb.Clear();
        await writer.FlushAsync(ct);
    }
}
