using System.Globalization;

namespace HelloWork.Bench;

/// <summary>The command line: <c>&lt;command&gt; [--name value] [--flag]</c>.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    private Options(string command) => Command = command;

    public string Command { get; }

    public bool Quick => Flag("quick");

    public static Options Parse(string[] args)
    {
        var options = new Options(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "help");
        for (var i = options.Command == "help" && (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) ? 0 : 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
            var name = args[i][2..];
            string? value = null;
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            options._values[name] = value;
        }
        return options;
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? Text(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public int Int(string name, int fallback) =>
        Text(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Text(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The SQLite file: <c>--db PATH</c>, by default one file for full runs and one for <c>--quick</c> runs.</summary>
    public string DbPath => Path.GetFullPath(Text("db") ?? Path.Combine(RepoPaths.BenchOut, Quick ? "bench-quick.db" : "bench.db"));

    /// <summary>A PostgreSQL connection string, when given with <c>--pg</c>.</summary>
    public string? Postgres => Text("pg");
}
