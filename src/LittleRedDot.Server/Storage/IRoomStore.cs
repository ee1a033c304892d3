namespace LittleRedDot.Server.Storage;

/// <summary>
/// Where a room keeps its rounds, submissions and claimed names (RULES.md §9). One writer uses it at a
/// time; every <see cref="CommitAsync"/> is one transaction, and returns only once it is durable.
/// </summary>
public interface IRoomStore : IAsyncDisposable
{
    /// <summary>What the store is, for the facilitator ("SQLite file …", "PostgreSQL database …"), without secrets.</summary>
    string Description { get; }

    /// <summary>Opens the database, creates or upgrades its schema, and loads what the room needs to go on.</summary>
    /// <exception cref="RoomStoreException">The database cannot be opened, or was made by a newer program.</exception>
    Task<RoomRecords> OpenAsync(CancellationToken cancellation);

    /// <summary>Reads again what <see cref="OpenAsync"/> loaded: after a failed commit the database, not the writer's memory, is the truth.</summary>
    Task<RoomRecords> ReloadAsync(CancellationToken cancellation);

    /// <summary>Applies the changes in order in one transaction.</summary>
    Task CommitAsync(IReadOnlyList<RoomChange> changes, CancellationToken cancellation);

    /// <summary>Every submission of a round, verified or not, in the order received.</summary>
    IAsyncEnumerable<StoredSubmission> SubmissionsAsync(long roundId, CancellationToken cancellation);
}
