namespace LittleRedDot.Content.Board;

/// <summary>The leaderboard at one moment: the pack's level ids in order, the ranked players, the rejected files and the files still being written.</summary>
public sealed record BoardSnapshot(
    string PackTitle,
    IReadOnlyList<string> LevelIds,
    IReadOnlyList<BoardRow> Players,
    IReadOnlyList<BoardRejection> Rejected,
    int Pending);
