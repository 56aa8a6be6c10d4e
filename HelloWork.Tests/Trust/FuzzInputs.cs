using System.Globalization;
using System.Text;

namespace HelloWork.Tests.Trust;

/// <summary>
/// Deterministic malformed input for the fuzz tests. The seed is <see cref="Seed"/>: 20261123 unless the environment
/// variable <c>HELLOWORK_FUZZ_SEED</c> sets another; every test prints it, so a failing case can be replayed. Each target gets its
/// own stream (seed and target name), so adding a target does not change the others' cases.
/// </summary>
public sealed class FuzzInputs(string target)
{
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("HELLOWORK_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261123;

    private readonly Random _r = new(unchecked(Seed * 397 ^ StableHash(target)));

    /// <summary>The string generators, by name: what the issue lists, plus ordinary text so that successes are exercised too.</summary>
    public static readonly IReadOnlyList<(string Name, Func<Random, string> Make)> Generators =
    [
        ("ordinary", r => Pick(r, "東京都内の事務職を希望します。", "よろしくお願いいたします。", "Excel・Word 中級", "山田 太郎", "営業 経験3年", "𠮷野家で接客")),
        ("long-10k", r => Repeat(r, 10_000)),
        ("long-100k", r => Repeat(r, 100_000)),
        ("long-just-over", r => new string('あ', Pick(r, 51, 101, 201, 2001, 4001))),
        ("empty", _ => ""),
        ("whitespace", r => Pick(r, " ", "   ", "\t", "\r\n", "\u3000\u3000", " \n \t ")),
        ("control", r => Wrap(r, Pick(r, "\u0000", "\u0008", "\u001B", "\u001B[31m", "\u007F", "\u0085", "\u0001\u0002"))),
        ("bidi", r => Wrap(r, Pick(r, "\u202E", "\u202Eexe.pdf", "\u2066", "\u202A", "\u2069"))),
        ("surrogate", r => Wrap(r, Pick(r, "\uD800", "\uDC00", "\uDBFF\uDBFF", "\uDC00\uD800", "\uD83D"))),
        ("noncharacter", r => Wrap(r, Pick(r, "\uFFFE", "\uFFFF"))),
        ("markup", r => Pick(r, "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "{{7*7}}", "@(1+1)",
            "<!-- x -->", "]]>&amp;&lt;", "javascript:alert(1)", "<a href='//evil.example'>x</a>")),
        ("sql", r => Pick(r, "'; DROP TABLE Applications; --", "' OR 1=1 --", "\" OR \"\"=\"", "1; SELECT * FROM AspNetUsers", "%' AND 1=1 --",
            "\\'; --", "') OR ('a'='a", "x' UNION SELECT PasswordHash FROM AspNetUsers --")),
        ("fts-syntax", r => Pick(r, "\"", "a\"b", "NEAR(a b)", "* OR *", "^営業", "AND", "(((", "Title:営業", "営業 OR", "NOT 営業", "\"\"\"")),
        ("number-text", r => Pick(r, "9223372036854775807", "2147483647", "2147483648", "-9223372036854775808", "1e308", "-1", "NaN", "Infinity", "-0", "99999999999999999999999",
            "1.7976931348623157E+309", "0x7FFFFFFF", "２０２６")),
        ("unicode", r => Pick(r, "👩‍💻エンジニア", "ｶﾀｶﾅ半角", "Ｆｕｌｌ　ｗｉｄｔｈ", "e\u0301\u0301\u0301", "مرحبا", "שלום", "\u200B\uFEFF\u00AD", "🇯🇵🗾")),
        ("path", r => Pick(r, "../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "/dev/null", "CON", "file:///etc/passwd")),
        ("combo", Combo),
    ];

    /// <summary>Numbers at and past every edge.</summary>
    public static readonly long[] Numbers = [long.MaxValue, long.MinValue, int.MaxValue, int.MinValue, int.MaxValue + 1L, -1, 0, 1, 999_999_999_999];

    public (string Generator, string Value) NextString()
    {
        var (name, make) = Generators[_r.Next(Generators.Count)];
        return (name, make(_r));
    }

    public int NextInt() => (int)Math.Clamp(Numbers[_r.Next(Numbers.Length)], int.MinValue, int.MaxValue);

    public long NextLong() => Numbers[_r.Next(Numbers.Length)];

    public int Next(int max) => _r.Next(max);

    public bool Chance(double p) => _r.NextDouble() < p;

    public T Pick<T>(params T[] items) => items[_r.Next(items.Length)];

    /// <summary>A JSON value of the wrong type (or a right one), as raw JSON text.</summary>
    public string NextJsonValue()
    {
        return _r.Next(12) switch
        {
            0 => "[]",
            1 => "[\"a\",1,null]",
            2 => "{}",
            3 => "{\"nested\":{\"deeper\":[1,2,3]}}",
            4 => "true",
            5 => "null",
            6 => Pick("1e308", "-1", "9223372036854775807", "1e999", "-0", "0.5"),
            7 => "\"\\ud800\"", // an escaped lone surrogate: valid JSON, not text
            8 => "\"\\u0000\\u001b\"",
            9 => "NaN",
            _ => System.Text.Json.JsonSerializer.Serialize(NextString().Value),
        };
    }

    /// <summary>Two of the other generators' outputs joined.</summary>
    private static string Combo(Random r) => Generators[r.Next(Generators.Count - 1)].Make(r) + Generators[r.Next(Generators.Count - 1)].Make(r);

    private static T Pick<T>(Random r, params T[] items) => items[r.Next(items.Length)];

    private static string Wrap(Random r, string bad) => r.Next(3) switch
    {
        0 => bad,
        1 => "志望動機" + bad,
        _ => "前" + bad + "後",
    };

    private static string Repeat(Random r, int length)
    {
        var unit = Pick(r, "あ", "a", "営業事務", "<b>", "' OR 1=1 --");
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }
        return sb.ToString(0, length);
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked(h * 31 + c);
        }
        return h;
    }
}
