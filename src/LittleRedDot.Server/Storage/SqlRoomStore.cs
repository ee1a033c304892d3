using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace LittleRedDot.Server.Storage;

/// <summary>
/// A room's store over ADO.NET (RULES.md §9): the same portable SQL on SQLite and PostgreSQL, the schema
/// versioned in <c>schema_version</c> and upgraded at open. The writer keeps one connection; reads open their own.
/// </summary>
public sealed class SqlRoomStore(SqlDialect dialect, IAsyncDisposable? owned = null) : IRoomStore
{
    private DbConnection? writer;
    private IDisposable? held;

    public string Description => dialect.Description;

    /// <summary>The schema version this program writes.</summary>
    public int SchemaVersion => dialect.Migrations.Count;

    public async Task<RoomRecords> OpenAsync(CancellationToken cancellation)
    {
        try
        {
            held ??= dialect.Hold?.Invoke();
            writer = await dialect.OpenAsync(cancellation).ConfigureAwait(false);
            await UpgradeAsync(writer, cancellation).ConfigureAwait(false);
            return await LoadAsync(writer, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            await ReleaseAsync().ConfigureAwait(false);
            throw new RoomStoreException($"the database ({Description}) cannot be opened: {OneLine(e.Message)}", e);
        }
        catch (RoomStoreException)
        {
            await ReleaseAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<RoomRecords> ReloadAsync(CancellationToken cancellation) =>
        await LoadAsync(writer ?? throw new InvalidOperationException("the store is not open"), cancellation).ConfigureAwait(false);

    public async Task CommitAsync(IReadOnlyList<RoomChange> changes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var connection = writer ?? throw new InvalidOperationException("the store is not open");
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        if (connection.CanCreateBatch)
        {
            // One round trip for the whole batch where the provider can (PostgreSQL).
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var change in changes)
            {
                var (sql, parameters) = Statement(change);
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                Bind(command.Parameters, command.CreateParameter, parameters);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
        else
        {
            foreach (var change in changes)
            {
                var (sql, parameters) = Statement(change);
                await using var command = Command(connection, transaction, sql, parameters);
                await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<StoredSubmission> SubmissionsAsync(long roundId, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await using var connection = await dialect.OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, SelectSubmissions + " WHERE round_id = @round ORDER BY id", ("round", roundId));
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            yield return ReadSubmission(reader);
        }
    }

    /// <summary>Runs one statement on the writer's connection (tests and repairs; the room never calls it).</summary>
    public async Task ExecuteAsync(string sql)
    {
        var connection = writer ?? throw new InvalidOperationException("the store is not open");
        await using var command = Command(connection, null, sql);
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync().ConfigureAwait(false);
        if (owned is not null)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the writer's connection and lets go of the database.</summary>
    private async Task ReleaseAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            writer = null;
        }

        held?.Dispose();
        held = null;
    }

    private const string SelectSubmissions =
        "SELECT id, round_id, received_at, player, level_id, digest, verified, reason, field, message, body FROM submissions";

    private async Task UpgradeAsync(DbConnection connection, CancellationToken cancellation)
    {
        await using (var create = Command(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        long version;
        await using (var read = Command(connection, transaction, "SELECT MAX(version) FROM schema_version"))
        {
            version = await read.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
        }

        if (version > SchemaVersion)
        {
            throw new RoomStoreException(
                $"the database ({Description}) was made by a newer version of the program (schema {version}; this one knows up to {SchemaVersion}); use a newer program or another --db");
        }

        for (var next = version + 1; next <= SchemaVersion; next++)
        {
            foreach (var statement in dialect.Migrations[(int)next - 1])
            {
                await using var ddl = Command(connection, transaction, statement);
                await ddl.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }

            await using var record = Command(connection, transaction, "INSERT INTO schema_version (version) VALUES (@version)", ("version", next));
            await record.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    private static async Task<RoomRecords> LoadAsync(DbConnection connection, CancellationToken cancellation)
    {
        RoundRecord? round = null;
        await using (var read = Command(connection, null, "SELECT id, started_at, closes_at, frozen_up_to FROM rounds ORDER BY id DESC LIMIT 1"))
        await using (var reader = await read.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                round = new RoundRecord(
                    reader.GetInt64(0),
                    Instant(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : Instant(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3));
            }
        }

        var submissions = new List<StoredSubmission>();
        await using (var read = Command(connection, null, SelectSubmissions + " WHERE round_id = @round ORDER BY id", ("round", round?.Id ?? 0)))
        await using (var reader = await read.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                submissions.Add(ReadSubmission(reader));
            }
        }

        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = Command(connection, null, "SELECT player, token FROM claims"))
        await using (var reader = await read.ExecuteReaderAsync(cancellation).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
            {
                claims[reader.GetString(0)] = reader.GetString(1);
            }
        }

        long last;
        await using (var read = Command(connection, null, "SELECT MAX(id) FROM submissions"))
        {
            last = await read.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
        }

        return new RoomRecords(round, submissions, claims, last);
    }

    /// <summary>The SQL and parameters of one change.</summary>
    private static (string Sql, (string Name, object? Value)[] Parameters) Statement(RoomChange change) => change switch
    {
        RoomChange.AddSubmission { Submission: var s } => (
            "INSERT INTO submissions (id, round_id, received_at, player, level_id, digest, verified, reason, field, message, body) "
                + "VALUES (@id, @round, @received, @player, @level, @digest, @verified, @reason, @field, @message, @body)",
            [
                ("id", s.Id), ("round", s.RoundId), ("received", Text(s.ReceivedAt)), ("player", s.Player), ("level", s.LevelId),
                ("digest", s.Digest), ("verified", s.Verified ? 1L : 0L), ("reason", s.Reason), ("field", s.Field), ("message", s.Message), ("body", s.Body),
            ]),
        RoomChange.ClaimName c => (
            "INSERT INTO claims (player, token, claimed_at) VALUES (@player, @token, @at)",
            [("player", c.Player), ("token", c.Token), ("at", Text(c.At))]),
        RoomChange.ReleaseName r => ("DELETE FROM claims WHERE player = @player", [("player", r.Player)]),
        RoomChange.UpdateRound { Round: var r } => (
            "UPDATE rounds SET closes_at = @closes, frozen_up_to = @frozen WHERE id = @id",
            [("id", r.Id), ("closes", r.ClosesAt is { } c ? Text(c) : null), ("frozen", r.FrozenUpTo)]),
        RoomChange.StartRound { Round: var r } => (
            "INSERT INTO rounds (id, started_at, closes_at, frozen_up_to) VALUES (@id, @started, @closes, @frozen)",
            [("id", r.Id), ("started", Text(r.StartedAt)), ("closes", r.ClosesAt is { } c ? Text(c) : null), ("frozen", r.FrozenUpTo)]),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "not a change this store knows"),
    };

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Bind(command.Parameters, command.CreateParameter, parameters);
        return command;
    }

    /// <summary>Adds each (name, value) as a parameter made by <paramref name="create"/>; a null value is SQL NULL.</summary>
    private static void Bind(DbParameterCollection target, Func<DbParameter> create, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var p = create();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            target.Add(p);
        }
    }

    private static StoredSubmission ReadSubmission(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        Instant(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetInt64(6) != 0,
        r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.GetString(9),
        (byte[])r.GetValue(10));

    /// <summary>Instants are stored as RFC 3339 UTC text with 100 ns digits: the same in both databases, ordered as text.</summary>
    private static string Text(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
