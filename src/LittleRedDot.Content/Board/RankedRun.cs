using LittleRedDot.Engine;

namespace LittleRedDot.Content.Board;

/// <summary>A verified run as the leaderboard ranks it: the file it came from, what it claims, and its recomputed result.</summary>
public sealed record RankedRun(string File, RunFile Run, RunResult Result);
