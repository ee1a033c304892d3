namespace LittleRedDot.Content.Board;

/// <summary>A run file the leaderboard did not count, and why, in words (never the raw player name).</summary>
public sealed record BoardRejection(string File, string Reason);
