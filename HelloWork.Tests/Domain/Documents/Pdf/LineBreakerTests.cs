using HelloWork.Domain.Documents.Pdf;

namespace HelloWork.Tests.Domain.Documents.Pdf;

public class LineBreakerTests
{
    // Every character is 1 unit wide, so widths count characters.
    private static IReadOnlyList<string> Wrap(string text, int width) => LineBreaker.Wrap(text, width, s => s.EnumerateRunes().Count());

    [Fact]
    public void Japanese_text_breaks_between_any_two_characters()
    {
        Assert.Equal(["あいう", "えおか", "き"], Wrap("あいうえおかき", 3));
    }

    [Fact]
    public void A_line_never_starts_with_closing_punctuation_or_small_kana()
    {
        foreach (var text in new[] { "あいう。えお", "あいう、えお", "あいう」えお", "あいうっえお", "あいうーえお", "あいう）えお" })
        {
            var lines = Wrap(text, 3);
            Assert.All(lines, l => Assert.DoesNotContain(l[0], LineBreaker.NoLineStart));
            Assert.Equal(text, string.Concat(lines));
        }
    }

    [Fact]
    public void The_character_before_a_closing_mark_moves_down_with_it()
    {
        Assert.Equal(["あい", "う。え", "お"], Wrap("あいう。えお", 3));
    }

    [Fact]
    public void A_line_never_ends_with_an_opening_bracket()
    {
        var lines = Wrap("あい「うえ」お", 3);
        Assert.All(lines, l => Assert.DoesNotContain(l[^1], LineBreaker.NoLineEnd));
        Assert.Equal(["あい", "「う", "え」お"], lines);
    }

    [Fact]
    public void Chains_of_forbidden_characters_stay_together()
    {
        var lines = Wrap("あいうえ。」お", 5);
        Assert.Equal(["あいう", "え。」お"], lines);
    }

    [Fact]
    public void Latin_words_and_numbers_are_not_cut()
    {
        Assert.Equal(["求人番号", "13010-12345678"], Wrap("求人番号13010-12345678", 14));
        Assert.Equal(["hello", "world"], Wrap("hello world", 8));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_by_character()
    {
        Assert.Equal(["abcd", "efgh", "ij"], Wrap("abcdefghij", 4));
    }

    [Fact]
    public void Explicit_newlines_are_kept_and_empty_lines_survive()
    {
        Assert.Equal(["あい", "", "う"], Wrap("あい\n\nう", 10));
    }

    [Fact]
    public void A_wrapped_line_does_not_start_with_the_space_that_caused_the_wrap()
    {
        Assert.Equal(["ab cd", "ef"], Wrap("ab cd ef", 5));
    }

    [Fact]
    public void Leading_full_width_space_of_a_paragraph_is_kept()
    {
        Assert.Equal("\u3000あい", Wrap("\u3000あい", 10)[0]);
    }
}
