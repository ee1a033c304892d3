namespace LittleRedDot.Engine;

/// <summary>
/// What RULES.md §4 ranks a run on a level by: its result, when it was saved, and a last tiebreak text
/// (the run file's path, or another key unique to the run). See <see cref="Scoring.Compare"/>.
/// </summary>
public readonly record struct RankKey(RunResult Result, DateTimeOffset SavedAt, string Tiebreak);
