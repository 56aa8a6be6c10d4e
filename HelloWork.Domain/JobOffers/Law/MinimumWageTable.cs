using System.Globalization;

namespace HelloWork.Domain.JobOffers.Law;

/// <summary>One 地域別最低賃金 figure (hourly, yen) of a prefecture from its effective date (最低賃金法 第9条, 第14条).
/// <see cref="EffectiveFrom"/> is <see cref="DateOnly.MinValue"/> for a shipped figure whose start the table does not give
/// (the 令和6年度 figures: in force until the 令和7年度 figure's date).</summary>
public sealed record MinimumWageFigure(string Prefecture, int Yen, DateOnly EffectiveFrom);

/// <summary>
/// The regional minimum wages the checker applies (R-LAW-1): the table shipped in the project (minimum-wage-r7.tsv, its source in
/// its header) plus the figures an administrator has added since (<see cref="MinimumWageRate"/> rows), so next year's figures
/// need no release.
/// </summary>
public sealed class MinimumWageTable
{
    private const string ResourceName = "HelloWork.Domain.JobOffers.Law.minimum-wage-r7.tsv";
    private static readonly Lazy<MinimumWageTable> ShippedTable = new(LoadShipped);
    private readonly Dictionary<string, MinimumWageFigure[]> byPrefecture;

    public MinimumWageTable(IEnumerable<MinimumWageFigure> figures)
    {
        // A later row for the same prefecture and date replaces the earlier one (an administrator's correction of a shipped figure).
        byPrefecture = figures.GroupBy(f => f.Prefecture, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.EffectiveFrom).Select(d => d.Last()).OrderBy(f => f.EffectiveFrom).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The table as shipped, without figures added in the database.</summary>
    public static MinimumWageTable Shipped => ShippedTable.Value;

    /// <summary>The shipped figures, in file order.</summary>
    public static IReadOnlyList<MinimumWageFigure> ShippedFigures => [.. Shipped.byPrefecture.Values.SelectMany(f => f)];

    public IEnumerable<MinimumWageFigure> All => byPrefecture.Values.SelectMany(f => f);

    /// <summary>This table with more figures (the administrator's), which win over shipped ones of the same prefecture and date.</summary>
    public MinimumWageTable With(IEnumerable<MinimumWageFigure> added) => new([.. All, .. added]);

    /// <summary>The figure in force in the prefecture on the day, or null for a prefecture the table does not know.</summary>
    public MinimumWageFigure? InForce(string prefecture, DateOnly day)
    {
        if (!byPrefecture.TryGetValue(prefecture, out var figures))
        {
            return null;
        }
        MinimumWageFigure? found = null;
        foreach (var f in figures)
        {
            if (f.EffectiveFrom <= day)
            {
                found = f;
            }
        }
        return found;
    }

    /// <summary>The figures that take effect after <paramref name="day"/> up to and including <paramref name="until"/>, in date order.</summary>
    public IEnumerable<MinimumWageFigure> Upcoming(string prefecture, DateOnly day, DateOnly until) =>
        byPrefecture.TryGetValue(prefecture, out var figures) ? figures.Where(f => f.EffectiveFrom > day && f.EffectiveFrom <= until) : [];

    /// <summary>Reads the TSV format of the shipped table: prefecture, 令和6 yen, 令和7 yen, 令和7 effective date; '#' lines are comments.</summary>
    public static IReadOnlyList<MinimumWageFigure> ParseTsv(TextReader reader)
    {
        var rows = new List<MinimumWageFigure>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (header)
            {
                header = false;
                continue;
            }
            var cells = line.Split('\t');
            rows.Add(new MinimumWageFigure(cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), DateOnly.MinValue));
            rows.Add(new MinimumWageFigure(cells[0], int.Parse(cells[2], CultureInfo.InvariantCulture),
                DateOnly.ParseExact(cells[3], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    private static MinimumWageTable LoadShipped()
    {
        using var stream = typeof(MinimumWageTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The minimum wage table is not embedded: " + ResourceName);
        using var reader = new StreamReader(stream);
        return new MinimumWageTable(ParseTsv(reader));
    }
}
