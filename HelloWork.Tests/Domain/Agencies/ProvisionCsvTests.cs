using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;

namespace HelloWork.Tests.Domain.Agencies;

/// <summary>The offers' CSV of the data method (R-AGY-1) is written as UTF-8 straight into the pipe (issue 26); its bytes must be
/// exactly those of the string-per-cell writer it replaced, which <see cref="Expected"/> keeps as the reference: the shared
/// <see cref="Csv"/> cell rule over <c>ToString</c> of every value, encoded at the end.</summary>
public sealed class ProvisionCsvTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProvidedOffer Offer(string title, string? name, int wageMin = 180_000, string start = "09:00", DateOnly? received = null,
        DateOnly? validUntil = null, DateTimeOffset? updatedAt = null, string municipality = "千代田区") =>
        new("13010-00012345", "公開中", title, "05-01", name, "東京都", municipality, "正社員", "月給", wageMin, 250_000, start, "18:00", 120,
            true, false, true, false, true, 2, received, validUntil, updatedAt ?? new DateTimeOffset(2026, 11, 30, 15, 4, 5, TimeSpan.Zero), Guid.NewGuid());

    public static TheoryData<string> Cases() => ["plain", "commas", "quotes", "newlines", "formulas", "nulls", "numbers", "long", "surrogates"];

    private static ProvidedOffer[] Rows(string kind) => kind switch
    {
        "plain" => [Offer("介護職員（日勤のみ）", "社会福祉法人さくら会", received: new(2026, 11, 1), validUntil: new(2027, 1, 31))],
        "commas" => [Offer("営業,企画", "株式会社A,B"), Offer(",", ",,,")],
        "quotes" => [Offer("\"急募\" 事務", "\"\"\""), Offer("say \"hi\", please", "名\"前")],
        "newlines" => [Offer("一行目\n二行目", "会社\r\n名"), Offer("\r", "\n")],
        "formulas" => [Offer("=HYPERLINK(\"x\")", "@SUM(A1)"), Offer("+81", "-"), Offer("-5", "\tx"), Offer("\rx", "=1,2"), Offer("-1.5", "+-")],
        "nulls" => [Offer("", null, received: null, validUntil: null), Offer("", "")],
        "numbers" => [Offer("最低", "X", wageMin: int.MinValue, start: "00:-30"), Offer("最高", "Y", wageMin: int.MaxValue, start: "100:00"),
            Offer("負", "Z", wageMin: -5, updatedAt: new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), received: new(1, 1, 1), validUntil: new(9999, 12, 31))],
        "long" => [Offer(new string('求', 5_000), new string('"', 3_000), municipality: string.Concat(Enumerable.Repeat("a,\"\n", 2_000)))],
        "surrogates" => [Offer("𠮷野家の店員 🍜", "𩸽\"🐟\""), Offer("\uD800 lone", "end \uDC00")],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_offers_file_has_the_bytes_of_the_string_per_cell_writer(string kind)
    {
        var rows = Rows(kind);
        Assert.Equal(Expected(rows), await WrittenAsync(rows));
    }

    [Fact]
    public async Task Thousands_of_rows_across_many_flushes_are_the_same_file()
    {
        var rows = Enumerable.Range(0, 3_000).Select(i => Offer($"職種{i},\"{i}\"", i % 7 == 0 ? null : $"=会社{i}", wageMin: i * 1_000 - 500,
            received: new DateOnly(2026, 1, 1).AddDays(i % 365), updatedAt: new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 37))).ToArray();
        var written = await WrittenAsync(rows);
        Assert.Equal(Expected(rows), written);
        Assert.Equal(3_001, Encoding.UTF8.GetString(written).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("求人")]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("-5")]
    [InlineData("-")]
    [InlineData("\rx")]
    [InlineData("")]
    [InlineData("𠮷\"")]
    public void A_utf8_cell_is_the_string_cell_encoded(string value)
    {
        var buffer = new byte[Csv.MaxCellBytes(value.Length)];
        var n = Csv.Cell(buffer, value);
        Assert.Equal(Encoding.UTF8.GetBytes(Csv.Cell(new StringBuilder(), value).ToString()), buffer[..n]);
    }

    private static async Task<byte[]> WrittenAsync(IEnumerable<ProvidedOffer> rows)
    {
        using var stream = new MemoryStream();
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var count = await ProvisionCsv.WriteAsync(writer, rows.ToAsyncEnumerable(), Ct);
        await writer.CompleteAsync();
        Assert.Equal(rows.Count(), count);
        return stream.ToArray();
    }

    /// <summary>The writer before issue 26, cell by cell.</summary>
    private static byte[] Expected(IEnumerable<ProvidedOffer> rows)
    {
        var sb = new StringBuilder();
        sb.Append('\uFEFF');
        sb.Append("求人番号,状態,職種,職業分類,事業所名,都道府県,市区町村,雇用形態,賃金形態,賃金下限,賃金上限,始業,終業,年間休日数,週休二日制,駅近,在宅勤務,UIJターン歓迎,オンライン自主応募,採用人数,受付年月日,紹介期限日,更新日時\r\n");
        foreach (var o in rows)
        {
            string[] cells =
            [
                o.JobNumber, o.Status, o.Title, o.OccupationCode, o.EstablishmentName ?? "", o.Prefecture, o.Municipality, o.EmploymentType, o.WageForm,
                o.WageMin.ToString(CultureInfo.InvariantCulture), o.WageMax.ToString(CultureInfo.InvariantCulture), o.WorkStart, o.WorkEnd,
                o.AnnualHolidays.ToString(CultureInfo.InvariantCulture), Flag(o.WeeklyTwoDaysOff), Flag(o.NearStation), Flag(o.RemoteWork),
                Flag(o.UijTurn), Flag(o.OnlineSelfApplication), o.Openings.ToString(CultureInfo.InvariantCulture),
                o.ReceivedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", o.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ];
            foreach (var cell in cells)
            {
                Csv.Cell(sb, cell).Append(',');
            }
            sb.Append(JapanTime.ToJapan(o.UpdatedAt).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Flag(bool value) => value ? "1" : "0";
}
