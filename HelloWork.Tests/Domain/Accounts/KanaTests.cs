using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;

namespace HelloWork.Tests.Domain.Accounts;

/// <summary>R-ERR-1: the フリガナ of a jobseeker is full-width katakana; hiragana (the usual slip), latin letters or kanji are refused
/// with their own code, on the field, and nothing is made.</summary>
public sealed class KanaTests
{
    private static readonly DateTimeOffset Now = Samples.Jst(2026, 11, 23, 10);

    [Theory]
    [InlineData("ヤマダ タロウ")]
    [InlineData("ヤマダ　タロウ")] // a full-width space
    [InlineData("ヴィクトール・ユーゴー")]
    public void Katakana_with_spaces_long_marks_and_middle_dots_is_a_kana(string kana) =>
        Assert.Equal(kana, new Jobseeker("山田 太郎", kana, new DateOnly(1990, 4, 1), null, null, null, Now).Kana);

    [Theory]
    [InlineData("やまだ たろう")]
    [InlineData("ヤマダ たろう")]
    [InlineData("Yamada Taro")]
    [InlineData("山田 太郎")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ")] // half-width katakana
    public void Anything_but_full_width_katakana_is_refused_on_the_field(string kana)
    {
        var refused = Assert.Throws<DomainException>(() => new Jobseeker("山田 太郎", kana, new DateOnly(1990, 4, 1), null, null, null, Now));

        Assert.Equal(ErrorCodes.KanaKatakanaOnly, refused.Code);
        Assert.Equal(nameof(Jobseeker.Kana), refused.Field);
    }
}
