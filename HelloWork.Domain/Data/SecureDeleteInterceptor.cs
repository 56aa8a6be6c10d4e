using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelloWork.Domain.Data;

/// <summary>
/// Turns on <c>PRAGMA secure_delete</c> for every SQLite connection the portal opens, so that deleted rows — application documents
/// above all (R-DOC-1: deleted completely, content and not only a flag) — are overwritten with zeros in the database file instead of
/// lingering in free pages. The pragma belongs to the native SQLite connection and lasts as long as it does, so it runs once per
/// native connection: a pooled one that has had it already (EF Core opens and closes the connection around every query) skips it.
/// PostgreSQL has no such switch: see docs/trust-retention.md for what deletion means there.
/// </summary>
public sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    public static readonly SecureDeleteInterceptor Instance = new();

    private const string Pragma = "PRAGMA secure_delete=ON;";

    /// <summary>The native connections (pooled handles) that have the pragma; weak, so a handle the pool closes drops out.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Done = [];

    private static bool Needs(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !Done.TryGetValue(handle, out _);

    private static void Mark(DbConnection connection) => Done.AddOrUpdate(((SqliteConnection)connection).Handle!, Done);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Needs(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
            Mark(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Needs(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Mark(connection);
        }
    }
}
