using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using HelloWork.Domain.Common;

namespace HelloWork.Domain.Agencies;

/// <summary>The CSV of the data method (R-AGY-1): UTF-8 with BOM for Excel, Japanese headers, streamed in 32 KB chunks.</summary>
public static class ProvisionCsv
{
    /// <summary>The BOM (Excel opens UTF-8 correctly) and the header of the offers' file, as UTF-8.</summary>
    private static readonly byte[] OffersHeader = Encoding.UTF8.GetBytes("\uFEFF求人番号,状態,職種,職業分類,事業所名,都道府県,市区町村,雇用形態,賃金形態,賃金下限,賃金上限,始業,終業,年間休日数,週休二日制,駅近,在宅勤務,UIJターン歓迎,オンライン自主応募,採用人数,受付年月日,紹介期限日,更新日時\r\n");

    /// <summary>Bytes written before the pipe is flushed to its stream (the response).</summary>
    private const int FlushBytes = 32 * 1024;

    /// <summary>Writes the BOM, the header and every row; returns the number of rows. The caller completes the writer.
    /// Each row is formatted as UTF-8 straight into the pipe's buffer (numbers and dates without a string, cells through
    /// <see cref="Csv.Cell(Span{byte}, ReadOnlySpan{char})"/>), so nothing grows with the number of rows.</summary>
    public static async Task<long> WriteAsync(PipeWriter writer, IAsyncEnumerable<ProvidedOffer> rows, CancellationToken ct)
    {
        writer.Write(OffersHeader);
        long count = 0;
        var unflushed = OffersHeader.Length;
        await foreach (var o in rows.WithCancellation(ct))
        {
            unflushed += WriteRow(writer, o);
            count++;
            if (unflushed > FlushBytes)
            {
                await writer.FlushAsync(ct);
                unflushed = 0;
            }
        }
        await writer.FlushAsync(ct);
        return count;
    }

    /// <summary>One offer's line: the columns of the header, comma-separated, CRLF; returns its length in bytes.</summary>
    private static int WriteRow(PipeWriter writer, ProvidedOffer o)
    {
        var name = o.EstablishmentName ?? "";
        var texts = o.JobNumber.Length + o.Status.Length + o.Title.Length + o.OccupationCode.Length + name.Length + o.Prefecture.Length
            + o.Municipality.Length + o.EmploymentType.Length + o.WageForm.Length + o.WorkStart.Length + o.WorkEnd.Length;
        // 11 text cells, 5 numbers (11 bytes each at most), 5 flags, two dates, the instant, 23 separators.
        var span = writer.GetSpan(3 * texts + 11 * 3 + 5 * 11 + 5 + 2 * 10 + 25 + 23 + 2);
        var n = 0;
        n += Text(span[n..], o.JobNumber); n += Text(span[n..], o.Status); n += Text(span[n..], o.Title);
        n += Text(span[n..], o.OccupationCode); n += Text(span[n..], name); n += Text(span[n..], o.Prefecture);
        n += Text(span[n..], o.Municipality); n += Text(span[n..], o.EmploymentType); n += Text(span[n..], o.WageForm);
        n += Number(span[n..], o.WageMin); n += Number(span[n..], o.WageMax);
        n += Text(span[n..], o.WorkStart); n += Text(span[n..], o.WorkEnd); n += Number(span[n..], o.AnnualHolidays);
        n += Flag(span[n..], o.WeeklyTwoDaysOff); n += Flag(span[n..], o.NearStation); n += Flag(span[n..], o.RemoteWork);
        n += Flag(span[n..], o.UijTurn); n += Flag(span[n..], o.OnlineSelfApplication); n += Number(span[n..], o.Openings);
        n += Date(span[n..], o.ReceivedDate); n += Date(span[n..], o.ValidUntil);
        n += Instant(span[n..], JapanTime.ToJapan(o.UpdatedAt));
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        writer.Advance(n);
        return n;
    }

    /// <summary>A text cell (the shared <see cref="Csv"/> rule) and its separator.</summary>
    private static int Text(Span<byte> span, string value)
    {
        var n = Csv.Cell(span, value);
        span[n] = (byte)',';
        return n + 1;
    }

    /// <summary>An integer as <c>ToString(CultureInfo.InvariantCulture)</c> writes it (never quoted, never defused: a negative
    /// number stays a number), and its separator.</summary>
    private static int Number(Span<byte> span, int value)
    {
        value.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        span[n] = (byte)',';
        return n + 1;
    }

    private static int Flag(Span<byte> span, bool value)
    {
        span[0] = value ? (byte)'1' : (byte)'0';
        span[1] = (byte)',';
        return 2;
    }

    /// <summary>yyyy-MM-dd and its separator; nothing but the separator for no date.</summary>
    private static int Date(Span<byte> span, DateOnly? value)
    {
        var n = 0;
        if (value is { } d)
        {
            n = Digits(span, d.Year, 4);
            span[n++] = (byte)'-';
            n += Digits(span[n..], d.Month, 2);
            span[n++] = (byte)'-';
            n += Digits(span[n..], d.Day, 2);
        }
        span[n] = (byte)',';
        return n + 1;
    }

    /// <summary>The instant as <c>yyyy-MM-ddTHH:mm:sszzz</c> (the last cell: no separator).</summary>
    private static int Instant(Span<byte> span, DateTimeOffset t)
    {
        var n = Digits(span, t.Year, 4);
        span[n++] = (byte)'-';
        n += Digits(span[n..], t.Month, 2);
        span[n++] = (byte)'-';
        n += Digits(span[n..], t.Day, 2);
        span[n++] = (byte)'T';
        n += Digits(span[n..], t.Hour, 2);
        span[n++] = (byte)':';
        n += Digits(span[n..], t.Minute, 2);
        span[n++] = (byte)':';
        n += Digits(span[n..], t.Second, 2);
        var offset = (int)t.Offset.TotalMinutes;
        span[n++] = offset < 0 ? (byte)'-' : (byte)'+';
        offset = Math.Abs(offset);
        n += Digits(span[n..], offset / 60, 2);
        span[n++] = (byte)':';
        n += Digits(span[n..], offset % 60, 2);
        return n;
    }

    /// <summary>A non-negative number in exactly <paramref name="width"/> digits (dates and times: their values always fit).</summary>
    private static int Digits(Span<byte> span, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        return width;
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
