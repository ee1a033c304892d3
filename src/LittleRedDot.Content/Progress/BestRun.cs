using LittleRedDot.Engine;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// A player's best run on a level, verified against the level as it is now; <see cref="Rescored"/>
/// when it was replayed from its stored choice after the rules or the level changed (RULES.md §7).
/// </summary>
public sealed record BestRun(RunFile Run, bool Rescored)
{
    public RunResult Result => Run.Result!;
}
