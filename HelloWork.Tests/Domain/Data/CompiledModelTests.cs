using HelloWork.Domain;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HelloWork.Tests.Domain.Data;

/// <summary>
/// The portal starts on each provider's compiled model (Data/CompiledModels), not on the model its configuration builds. A model
/// change without a new compiled model would build and pass every test that makes its own options, and then run the portal on the
/// old model: so each compiled model must be the model the configuration builds, entity by entity, column by column.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string, string> Providers => MigrationTests.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_is_the_model_the_configuration_builds(string provider, string connectionString)
    {
        var settings = new DatabaseSettings(provider, connectionString);
        using var compiled = Create(settings, compiledModel: true);
        using var built = Create(settings, compiledModel: false);

        Assert.NotSame(compiled.Model, built.Model);
        var expected = Describe(built.Model);
        var actual = Describe(compiled.Model);
        var differences = expected.Except(actual).Select(l => "configuration: " + l)
            .Concat(actual.Except(expected).Select(l => "compiled:      " + l)).Take(20).ToList();
        Assert.True(differences.Count == 0,
            $"{provider}: the compiled model is not the configuration's; run scripts/add-migration.sh (it writes both):\n" + string.Join("\n", differences));
    }

    /// <summary>The lines of EF's own long description of the model: entities, properties with their columns, types, lengths and
    /// conversions, keys, indexes, foreign keys, navigations.</summary>
    private static HashSet<string> Describe(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        [.. model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n').Select(l => l.TrimEnd())];

    private static HelloWorkDb Create(DatabaseSettings settings, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<HelloWorkDb>();
        settings.Configure(options, compiledModel);
        return new HelloWorkDb(options.Options);
    }
}
