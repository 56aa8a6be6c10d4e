using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Data;

/// <summary>
/// The PostgreSQL side of the design-time factory: EF Core finds one factory per context type, so
/// <see cref="DesignTimeFactory"/> hands over here when run with <c>-- --provider Postgres</c>. No server is needed to
/// add a migration; the connection string is a placeholder.
/// </summary>
internal static class PostgresDesignTime
{
    public static bool Requested(string[] args)
    {
        var i = Array.FindIndex(args, a => a.Equals("--provider", StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Length && args[i + 1].Equals("Postgres", StringComparison.OrdinalIgnoreCase);
    }

    public static HelloWorkDb Create()
    {
        var options = new DbContextOptionsBuilder<HelloWorkDb>();
        new DatabaseSettings("Postgres", "Host=localhost;Database=hellowork_design;Username=design;Password=design").Configure(options, compiledModel: false);
        return new HelloWorkDb(options.Options);
    }
}
