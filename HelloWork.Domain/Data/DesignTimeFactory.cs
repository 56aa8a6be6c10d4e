using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelloWork.Domain.Data;

/// <summary>
/// Used only by <c>dotnet ef migrations add</c>. Without arguments: SQLite, migrations in Data/Migrations/Sqlite of this
/// assembly. With <c>-- --provider Postgres</c>: PostgreSQL, migrations in the HelloWork.Migrations.Postgres project
/// (Data/Migrations/Postgres); see <see cref="PostgresDesignTime"/>.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HelloWorkDb>
{
    public HelloWorkDb CreateDbContext(string[] args) =>
        PostgresDesignTime.Requested(args)
            ? PostgresDesignTime.Create()
            : new(new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite("Data Source=design-time.db").Options);
}
