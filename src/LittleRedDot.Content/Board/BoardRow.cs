namespace LittleRedDot.Content.Board;

/// <summary>One player on the leaderboard: totals over their best verified run per level, and each level's best score.</summary>
public sealed record BoardRow(int Rank, string Player, long Score, long Stars, long Bounces, IReadOnlyDictionary<string, long> Levels);
