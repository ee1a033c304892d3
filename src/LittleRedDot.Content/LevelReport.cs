using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// What `check-levels` learns about one level file: whether it is well-formed and valid (RULES.md §3, §6),
/// every located error, and — when it loads — its valley and the solver's findings.
/// </summary>
/// <param name="Path">The level file's full path.</param>
/// <param name="Id">The level id, when the file got far enough to name one.</param>
/// <param name="Definition">The loaded level; null when malformed.</param>
/// <param name="Solution">The solver's findings; null when malformed.</param>
/// <param name="Errors">Every problem: malformed (§6) or invalid (§3), each with file and place.</param>
/// <param name="IsUnreadable">The file itself is missing or cannot be read (bad input, not a failed check).</param>
public sealed record LevelReport(
    string Path,
    string? Id,
    LevelDefinition? Definition,
    Solution? Solution,
    IReadOnlyList<LocatedError> Errors,
    bool IsUnreadable = false)
{
    public bool IsWellFormed => Definition is not null;

    /// <summary>Well-formed, a unique id, every start above the goal and par achievable.</summary>
    public bool IsValid => Definition is not null && Solution is { IsValid: true } && Errors.Count == 0;
}
