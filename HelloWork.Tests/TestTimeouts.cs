using System.Runtime.CompilerServices;
using Xunit.Sdk;
using Xunit.v3;

namespace HelloWork.Tests;

/// <summary>
/// Per-test timeouts. Every <c>[Fact]</c> and <c>[Theory]</c> in <c>HelloWork.Tests.*</c> resolves to the attributes below (a type
/// of an enclosing namespace wins over the global <c>using Xunit</c>), so each async test gets <see cref="Default"/> unless it
/// sets its own <c>Timeout</c>. A test that hangs then fails alone, named, with "Test execution timed out", and the run goes on
/// and counts every other test; one global timeout would end the whole process and lose every result with it.
/// xunit runs a timeout only around an async test method: a synchronous test keeps none (xunit refuses a Timeout there), and
/// the suite's synchronous tests are pure rule checks without I/O.
/// </summary>
public static class TestTimeouts
{
    /// <summary>Ten times the slowest test's time on the 2-core machine under load (a browser flow, about 40 s).</summary>
    public const int Default = 6 * 60 * 1000;

    internal static IFactAttribute For(IXunitTestMethod method, IFactAttribute attribute) =>
        attribute.Timeout > 0 || !AsyncUtility.IsAsync(method.Method) ? attribute : new Timed(attribute, Default);

    /// <summary>The test's own attribute with a timeout added; everything else passes through unchanged.</summary>
    private sealed class Timed(IFactAttribute inner, int timeout) : ITheoryAttribute
    {
        private ITheoryAttribute? Theory => inner as ITheoryAttribute;

        public bool DisableParallelization => inner.DisableParallelization;
        public string? DisplayName => inner.DisplayName;
        public bool Explicit => inner.Explicit;
        public string? Skip => inner.Skip;
        public Type[]? SkipExceptions => inner.SkipExceptions;
        public Type? SkipType => inner.SkipType;
        public string? SkipUnless => inner.SkipUnless;
        public string? SkipWhen => inner.SkipWhen;
        public string? SourceFilePath => inner.SourceFilePath;
        public int? SourceLineNumber => inner.SourceLineNumber;
        public int Timeout => timeout;
        public bool DisableDiscoveryEnumeration => Theory?.DisableDiscoveryEnumeration ?? false;
        public bool IncludeTestCaseIndex => Theory?.IncludeTestCaseIndex ?? false;
        public bool SkipTestWithoutData => Theory?.SkipTestWithoutData ?? false;
    }
}

/// <summary>xunit's <c>[Fact]</c> with <see cref="TestTimeouts.Default"/> for async tests.</summary>
[XunitTestCaseDiscoverer(typeof(TimedFactDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : Xunit.FactAttribute(sourceFilePath, sourceLineNumber);

/// <summary>xunit's <c>[Theory]</c> with <see cref="TestTimeouts.Default"/> for async tests.</summary>
[XunitTestCaseDiscoverer(typeof(TimedTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : Xunit.TheoryAttribute(sourceFilePath, sourceLineNumber);

public sealed class TimedFactDiscoverer : FactDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        base.Discover(discoveryOptions, testMethod, TestTimeouts.For(testMethod, factAttribute));
}

public sealed class TimedTheoryDiscoverer : TheoryDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        base.Discover(discoveryOptions, testMethod, TestTimeouts.For(testMethod, factAttribute));
}
