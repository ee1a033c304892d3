namespace LittleRedDot.Server.Storage;

/// <summary>
/// One round of a room (RULES.md §9): when it started, when it closes (null: open), and, while the public
/// board is frozen, the last submission id the frozen board shows.
/// </summary>
public sealed record RoundRecord(long Id, DateTimeOffset StartedAt, DateTimeOffset? ClosesAt, long? FrozenUpTo)
{
    public bool IsClosedAt(DateTimeOffset now) => ClosesAt is { } closes && closes <= now;
}
