using Microsoft.Data.Sqlite;
using Npgsql;

namespace LittleRedDot.Server.Storage;

/// <summary>The two stores a room can use (RULES.md §9): a SQLite file, or a PostgreSQL database by connection string.</summary>
public static class RoomStores
{
    /// <summary>
    /// The store <paramref name="database"/> names: a value with '=' in it is a PostgreSQL connection string
    /// (Host=…;Database=…;Username=…), anything else a SQLite file path.
    /// </summary>
    public static IRoomStore Open(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        return IsConnectionString(database) ? Postgres(database) : Sqlite(database);
    }

    public static bool IsConnectionString(string database) => database.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// A SQLite file: write-ahead log, every commit synced to disk before it returns. While open the store holds
    /// <c>FILE.lock</c> exclusively (flock on Unix), so a second room on the same file is refused instead of
    /// writing under the first one's feet.
    /// </summary>
    public static IRoomStore Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var connection = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        return new SqlRoomStore(new SqlDialect(
            $"SQLite file {full}",
            async cancellation =>
            {
                var c = new SqliteConnection(connection);
                try
                {
                    await c.OpenAsync(cancellation).ConfigureAwait(false);
                    await using var pragma = c.CreateCommand();
                    pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";
                    await pragma.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
                    return c;
                }
                catch
                {
                    await c.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            },
            "INTEGER",
            "BLOB",
            () => HoldExclusively(full)));
    }

    /// <summary>Opens <c>FILE.lock</c> shared with no one; another holder (in any process) makes it a <see cref="RoomStoreException"/>.</summary>
    private static FileStream HoldExclusively(string database)
    {
        try
        {
            return new FileStream(database + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            throw new RoomStoreException($"the SQLite file {database} is in use by another serve (pid unknown); stop it or use --db another file", e);
        }
    }

    /// <summary>
    /// The lock is someone else's: flock's EWOULDBLOCK, which .NET hands over as the raw errno (11 on Linux, 35 on
    /// macOS), or Windows' ERROR_SHARING_VIOLATION (32). A missing folder or a refused permission is another error.
    /// </summary>
    private static bool IsHeldElsewhere(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) == 32 : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);

    /// <summary>A PostgreSQL database; the description names host and database, never the password.</summary>
    public static IRoomStore Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        NpgsqlDataSource source;
        try
        {
            // Npgsql checks some keys only when the data source is built ("Host=" with no host, attacker round 4).
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
            source = new NpgsqlSlimDataSourceBuilder(parsed.ConnectionString).Build();
        }
        catch (ArgumentException e)
        {
            throw new RoomStoreException($"--db is not a PostgreSQL connection string ({e.Message}); expected Host=…;Database=…;Username=…", e);
        }

        return new SqlRoomStore(
            new SqlDialect(
                $"PostgreSQL database {parsed.Database ?? parsed.Username} on {parsed.Host}:{parsed.Port}",
                async cancellation => await source.OpenConnectionAsync(cancellation).ConfigureAwait(false),
                "BIGINT",
                "BYTEA"),
            source);
    }
}
