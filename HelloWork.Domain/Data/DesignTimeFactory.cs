using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelloWork.Domain.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>: the SQLite migrations live in Data/Migrations/Sqlite.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HelloWorkDb>
{
    public HelloWorkDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite("Data Source=design-time.db").Options);
}
