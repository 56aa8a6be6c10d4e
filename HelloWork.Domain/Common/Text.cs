namespace HelloWork.Domain.Common;

/// <summary>Checks on free text shared by every operation that takes it (R-ERR-1).</summary>
public static class Text
{
    /// <summary>Trims, refuses empty (when required), over-long text and control characters other than line breaks and tabs,
    /// and unpaired UTF-16 surrogates. Markup is allowed: it is stored as text and always rendered encoded.</summary>
    public static string Require(string? value, string field, int maxLength, bool required = true)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
        {
            throw new DomainException("Required", field);
        }
        if (text.Length > maxLength)
        {
            throw new DomainException("TooLong", field, maxLength);
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    throw new DomainException("InvalidCharacters", field);
                }
                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                throw new DomainException("InvalidCharacters", field);
            }
        }
        return text;
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
            throw new DomainException("NameInvalidCharacters", field);
        }
        return text;
    }
}
