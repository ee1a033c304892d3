namespace LittleRedDot.Server.Storage;

/// <summary>
/// One submission as stored: the run file's bytes as received and the server's verdict (RULES.md §9).
/// Player, level and digest are null for a file made under other rules, whose fields were not read.
/// </summary>
public sealed record StoredSubmission(
    long Id,
    long RoundId,
    DateTimeOffset ReceivedAt,
    string? Player,
    string? LevelId,
    string? Digest,
    bool Verified,
    string Reason,
    string? Field,
    string Message,
    byte[] Body);
