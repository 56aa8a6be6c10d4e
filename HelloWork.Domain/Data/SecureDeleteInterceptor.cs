using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelloWork.Domain.Data;

/// <summary>
/// Turns on <c>PRAGMA secure_delete</c> for every SQLite connection the portal opens, so that deleted rows — application documents
/// above all (R-DOC-1: deleted completely, content and not only a flag) — are overwritten with zeros in the database file instead of
/// lingering in free pages. The pragma is per connection, hence an interceptor on every open (pooled connections included).
/// PostgreSQL has no such switch: see docs/trust-retention.md for what deletion means there.
/// </summary>
public sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    public static readonly SecureDeleteInterceptor Instance = new();

    private const string Pragma = "PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
