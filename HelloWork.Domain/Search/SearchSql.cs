using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelloWork.Domain.Search;

/// <summary>SQL that LINQ has no words for, mapped as database functions (registered in <see cref="Data.HelloWorkDb"/>).</summary>
public static class SearchSql
{
    /// <summary>
    /// <c>count(*) OVER ()</c>: the number of rows of the whole query, beside each row of the page (window functions run before
    /// ORDER BY … LIMIT), so that <see cref="JobSearch"/> counts and pages its matches in one command. Cast to a 32-bit integer:
    /// PostgreSQL counts in bigint.
    /// </summary>
    public static int CountOver() => throw new InvalidOperationException("Only for use inside an EF Core query.");

    internal static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SearchSql).GetMethod(nameof(CountOver))!)
            .HasTranslation(_ => new SqlFragmentExpression("CAST(count(*) OVER () AS INTEGER)", typeof(int), new IntTypeMapping("INTEGER")));
}
