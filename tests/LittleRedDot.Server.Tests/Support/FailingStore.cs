using LittleRedDot.Server.Storage;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>A real store whose commits fail while <see cref="Failing"/> is set, as a full disk or a lost database would.</summary>
public sealed class FailingStore(IRoomStore inner) : IRoomStore
{
    public bool Failing { get; set; }

    public IRoomStore Inner => inner;

    public string Description => inner.Description;

    public Task<RoomRecords> OpenAsync(CancellationToken cancellation) => inner.OpenAsync(cancellation);

    public Task<RoomRecords> ReloadAsync(CancellationToken cancellation) => inner.ReloadAsync(cancellation);

    public Task CommitAsync(IReadOnlyList<RoomChange> changes, CancellationToken cancellation) =>
        Failing ? throw new IOException("disk full (simulated)") : inner.CommitAsync(changes, cancellation);

    public IAsyncEnumerable<StoredSubmission> SubmissionsAsync(long roundId, CancellationToken cancellation) => inner.SubmissionsAsync(roundId, cancellation);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
