using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Domain.Search;

/// <summary>
/// SQL that LINQ has no words for. Translated by a query translator that the context's options carry (<see cref="Use"/>), not by a
/// database function in the model: EF Core cannot put a function's own translation into a compiled model (Data/CompiledModels).
/// </summary>
public static class SearchSql
{
    private static readonly MethodInfo CountOverMethod = typeof(SearchSql).GetMethod(nameof(CountOver))!;

    /// <summary>
    /// <c>count(*) OVER ()</c>: the number of rows of the whole query, beside each row of the page (window functions run before
    /// ORDER BY … LIMIT), so that <see cref="JobSearch"/> counts and pages its matches in one command. Cast to a 32-bit integer:
    /// PostgreSQL counts in bigint.
    /// </summary>
    public static int CountOver() => throw new InvalidOperationException("Only for use inside an EF Core query.");

    /// <summary>Adds the translator to options that lack it (both providers).</summary>
    public static void Use(DbContextOptionsBuilder options)
    {
        if (options.Options.FindExtension<Extension>() is null)
        {
            ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension());
        }
    }

    private sealed class Translator : IMethodCallTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger) =>
            method == CountOverMethod
                ? new SqlFragmentExpression("CAST(count(*) OVER () AS INTEGER)", typeof(int), new IntTypeMapping("INTEGER"))
                : null;
    }

    private sealed class Plugin : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator()];
    }

    /// <summary>Keeps the call in the query: a method without arguments would otherwise be run before the query, as a parameter.</summary>
    private sealed class InQuery : IEvaluatableExpressionFilterPlugin
    {
        public bool IsEvaluatableExpression(Expression expression) =>
            expression is not MethodCallExpression call || call.Method != CountOverMethod;
    }

    private sealed class Extension : IDbContextOptionsExtension
    {
        private ExtensionInfo? info;

        public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) =>
            new EntityFrameworkRelationalServicesBuilder(services)
                .TryAdd<IMethodCallTranslatorPlugin, Plugin>()
                .TryAdd<IEvaluatableExpressionFilterPlugin, InQuery>();

        public void Validate(IDbContextOptions options)
        {
        }
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using HelloWork search SQL ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["HelloWork:SearchSql"] = "1";
    }
}
