using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(HelloWork.Tests.LongestFirst))]

namespace HelloWork.Tests;

/// <summary>
/// A test class that takes a minute or more of its own on the 2-core machine. The suite is bound by the CPU from start to end, so
/// where the long classes run decides how long the last minutes are: started last, the page tour ran alone for the last half
/// minute of a run. <see cref="LongestFirst"/> starts them first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute : Attribute;

/// <summary>The order in which test classes (each its own collection) start: those marked <see cref="RunsLongAttribute"/>
/// first, then xunit's own order (by unique id).</summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Long = [.. typeof(LongestFirst).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<RunsLongAttribute>() is not null).Select(t => t.FullName!)];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections.OrderBy(c => IsLong(c) ? 0 : 1).ThenBy(c => c.UniqueID, StringComparer.Ordinal)];

    /// <summary>A class's own collection is named after it ("Test collection for HelloWork.Tests.Browser.PageTourBrowserTests").</summary>
    private static bool IsLong(ITestCollection collection) =>
        Long.Any(name => collection.TestCollectionDisplayName.EndsWith(name, StringComparison.Ordinal)
                         || collection.TestCollectionDisplayName.Contains(name + " ", StringComparison.Ordinal));
}
