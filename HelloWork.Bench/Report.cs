using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HelloWork.Bench;

/// <summary>A readable table on the console, then — as the very last line — one JSON object with the scenario's figures.</summary>
public sealed class Report(string scenario)
{
    private readonly List<string[]> _rows = [];
    private readonly List<(string Key, object Value)> _figures = [];

    public string Scenario { get; } = scenario;

    public void Row(params object[] cells) => _rows.Add([.. cells.Select(Format)]);

    public void Figure(string key, object value) => _figures.Add((key, value is double d ? Math.Round(d, 2) : value));

    public static string Format(object cell) => cell switch
    {
        double d => d.ToString(d >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture),
        int or long => string.Format(CultureInfo.InvariantCulture, "{0:N0}", cell),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Prints the title, the table and the JSON line. Nothing may be written after this.</summary>
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"== {Scenario} ==");
        PrintTable();
        var load = LoadAverage();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average (1 min) {load:N2} at the end of the run");
        var json = new Dictionary<string, object> { ["scenario"] = Scenario };
        foreach (var (key, value) in _figures)
        {
            json[key] = value;
        }
        json["cores"] = Environment.ProcessorCount;
        json["load_avg_1m"] = load;
        Console.WriteLine();
        Console.Out.Flush();
        Console.WriteLine(JsonSerializer.Serialize(json));
    }

    /// <summary>The rows only, as a table (for a second table before the report's own).</summary>
    public void PrintTable()
    {
        if (_rows.Count > 0)
        {
            var widths = Enumerable.Range(0, _rows.Max(r => r.Length))
                .Select(c => _rows.Max(r => c < r.Length ? DisplayWidth(r[c]) : 0)).ToArray();
            for (var i = 0; i < _rows.Count; i++)
            {
                var line = new StringBuilder();
                for (var c = 0; c < _rows[i].Length; c++)
                {
                    var cell = _rows[i][c];
                    var pad = new string(' ', widths[c] - DisplayWidth(cell));
                    // Text left, figures right.
                    line.Append(c == 0 || !IsNumber(cell) ? cell + pad : pad + cell).Append(c < _rows[i].Length - 1 ? "  " : "");
                }
                Console.WriteLine(line.ToString().TrimEnd());
                if (i == 0)
                {
                    Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
                }
            }
        }
    }

    /// <summary>Other work on the machine slows every figure: each report says how busy the machine was (Linux only).</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static bool IsNumber(string s) => s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] == '-') && s.All(ch => char.IsAsciiDigit(ch) || ch is ',' or '.' or '-' or '%');

    /// <summary>Japanese characters take two columns on a terminal.</summary>
    private static int DisplayWidth(string s) => s.Sum(ch => ch >= 0x1100 && !(ch >= 0xFF61 && ch <= 0xFF9F) ? 2 : 1);
}
