namespace HelloWork.Bench.Scenarios;

/// <summary>A scenario whose feature is not built yet: says which issue it waits for and fails, so no one mistakes it for a figure.</summary>
public static class Pending
{
    public static int Run(string scenario, int issue, string needs)
    {
        Console.Error.WriteLine($"not implemented yet: depends on issue {issue} ({needs}). The '{scenario}' scenario is filled in when that issue lands.");
        return 3;
    }
}
