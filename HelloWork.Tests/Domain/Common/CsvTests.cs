using System.Text;
using HelloWork.Domain.Common;

namespace HelloWork.Tests.Domain.Common;

/// <summary>The one CSV cell rule of the provision, applicant and scorecard downloads: quoting, formula defusal, numbers kept.</summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("求人", "求人")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+81", "+81")]
    [InlineData("-5", "-5")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("-", "'-")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("", "")]
    public void A_cell_is_quoted_when_needed_and_a_formula_is_defused(string value, string expected) =>
        Assert.Equal(expected, Csv.Cell(new StringBuilder(), value).ToString());

    [Fact]
    public void A_row_joins_its_cells_with_commas_and_ends_with_crlf()
    {
        var sb = new StringBuilder();
        Csv.Row(sb, ["a", "1,234", "=1+1"]);
        Assert.Equal("a,\"1,234\",'=1+1\r\n", sb.ToString());
    }
}
