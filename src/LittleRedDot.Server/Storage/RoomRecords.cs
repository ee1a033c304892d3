namespace LittleRedDot.Server.Storage;

/// <summary>
/// What a room reloads at start: the current round (null in a new database), its submissions in order, every claimed name with its
/// token, and the highest ids used so far (the next ones follow them).
/// </summary>
public sealed record RoomRecords(
    RoundRecord? Round,
    IReadOnlyList<StoredSubmission> Submissions,
    IReadOnlyDictionary<string, string> Claims,
    long LastSubmissionId);
