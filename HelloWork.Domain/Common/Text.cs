namespace HelloWork.Domain.Common;

/// <summary>Checks on free text shared by every operation that takes it (R-ERR-1).</summary>
public static class Text
{
    /// <summary>Trims, refuses empty (when required), over-long text and characters that are not text (see
    /// <see cref="HasInvalidCharacters"/>). Markup is allowed: it is stored as text and always rendered encoded.</summary>
    public static string Require(string? value, string field, int maxLength, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
        {
            throw new DomainException(ErrorCodes.Required, field);
        }
        if (text.Length > maxLength)
        {
            throw new DomainException(ErrorCodes.TooLong, field, maxLength);
        }
        if (HasInvalidCharacters(text))
        {
            throw new DomainException(ErrorCodes.InvalidCharacters, field);
        }
        return text;
    }

    /// <summary>
    /// The one rule for what free text may contain (R-ERR-1), used by every form's check (entities, job sheet checks, search
    /// words): refused are control characters other than line feed, carriage return and tab (U+0000, U+0008 backspace,
    /// U+001B escape …); unpaired UTF-16 surrogates (not text: they cannot be stored as UTF-8 or written as JSON); the
    /// bidirectional embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069 (they make text display in
    /// another order than it is stored, e.g. a file name "cod.exe" shown as "exe.doc"; Japanese never needs them); and the
    /// non-characters U+FFFE and U+FFFF. Everything else, markup and SQL-looking text included, is text.
    /// </summary>
    public static bool HasInvalidCharacters(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }
                i++;
            }
            else if (char.IsLowSurrogate(c)
                || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }
        return false;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var text = Require(value, field, maxLength, required: false);
        return text.Length == 0 ? null : text;
    }

    /// <summary>A person's or organisation's name: like <see cref="Require"/>, single-line, and without markup characters
    /// (names are printed on referral slips and notices, where markup has no place).</summary>
    public static string RequireName(string? value, string field, int maxLength)
    {
        var text = Require(value, field, maxLength);
        if (text.IndexOfAny(['<', '>', '{', '}', '\n', '\r', '\t', '"', '`']) >= 0)
        {
            throw new DomainException(ErrorCodes.NameInvalidCharacters, field);
        }
        return text;
    }

    /// <summary>A フリガナ: a name (<see cref="RequireName"/>) written in full-width katakana, with spaces, 「ー」 and 「・」 only. Hiragana
    /// is the usual slip and is refused with a message that says so.</summary>
    public static string RequireKatakana(string? value, string field, int maxLength)
    {
        var text = RequireName(value, field, maxLength);
        if (!text.All(c => c is (>= '\u30A1' and <= '\u30FA') or 'ー' or '・' or ' ' or '\u3000'))
        {
            throw new DomainException(ErrorCodes.KanaKatakanaOnly, field);
        }
        return text;
    }
}
