using HelloWork.Domain.Common;

namespace HelloWork.Tests.Domain.Common;

/// <summary>R-ERR-1: names are checked in the domain — no markup, no control characters, no broken UTF-16, bounded length.</summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("山田<b>太郎</b>")]
    [InlineData("山田 {{太郎}}")]
    [InlineData("山田\"太郎")]
    [InlineData("山田\n太郎")]
    public void RequireName_refuses_markup_and_line_breaks(string name)
    {
        var refusal = Assert.Throws<DomainException>(() => Text.RequireName(name, "Name", 50));

        Assert.Equal("NameInvalidCharacters", refusal.Code);
        Assert.Equal("Name", refusal.Field);
    }

    [Theory]
    [InlineData("山田\u0000太郎")]
    [InlineData("山田\u0007太郎")]
    [InlineData("山田\u001b[31m太郎")]
    [InlineData("山田\u007f太郎")]
    public void RequireName_refuses_control_characters(string name) =>
        Assert.Equal("InvalidCharacters", Assert.Throws<DomainException>(() => Text.RequireName(name, "Name", 50)).Code);

    [Fact]
    public void RequireName_refuses_unpaired_surrogates()
    {
        // Built in code: attribute arguments cannot carry broken UTF-16 through test discovery.
        string[] names =
        [
            "山田" + '\ud800' + "太郎", // high surrogate followed by a non-surrogate
            "山田太郎" + '\ud83d', // high surrogate at the end
            "山田" + '\udc00' + "太郎", // lone low surrogate
            '\ude00' + "\ud83d", // low before high
        ];
        Assert.All(names, name => Assert.Equal("InvalidCharacters", Assert.Throws<DomainException>(() => Text.RequireName(name, "Name", 50)).Code));
    }

    [Fact]
    public void RequireName_refuses_a_10000_character_name()
    {
        var refusal = Assert.Throws<DomainException>(() => Text.RequireName(new string('あ', 10_000), "Name", 50));

        Assert.Equal("TooLong", refusal.Code);
        Assert.Equal(50, refusal.Args[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void RequireName_refuses_an_empty_name(string? name) =>
        Assert.Equal("Required", Assert.Throws<DomainException>(() => Text.RequireName(name, "Name", 50)).Code);

    [Theory]
    [InlineData("山田 太郎", "山田 太郎")]
    [InlineData("  𠮷野 さくら  ", "𠮷野 さくら")] // a surrogate pair is a valid character; surrounding spaces are trimmed
    [InlineData("O'Brien-Suzuki", "O'Brien-Suzuki")]
    public void RequireName_accepts_ordinary_names_and_trims_them(string name, string expected) =>
        Assert.Equal(expected, Text.RequireName(name, "Name", 50));

    [Fact]
    public void A_name_of_exactly_the_maximum_length_is_accepted() =>
        Assert.Equal(50, Text.RequireName(new string('あ', 50), "Name", 50).Length);
}
