namespace LittleRedDot.Engine;

/// <summary>
/// What <see cref="Solver"/> learns about a level: the smallest starting gap over the start box, and the
/// best choice it found with the engine's own run of it. The validity of RULES.md §3 for a well-formed
/// level follows: every start above the goal, and some choice reaching within par.
/// </summary>
/// <param name="ClosestStart">The exact minimum of the starting gap over the start box, and where.</param>
/// <param name="Best">The best choice found; null when no choice the solver tried reaches the valley.</param>
/// <param name="BestRun">The engine's run of <paramref name="Best"/> (Descent.Run decides, never a forecast).</param>
/// <param name="Tolerance">τ of the level.</param>
/// <param name="Par">P of the level.</param>
/// <param name="Forecasts">How many choices were forecast in closed form.</param>
/// <param name="Runs">How many of them the engine ran to confirm.</param>
public sealed record Solution(
    ClosestStart ClosestStart,
    Choice? Best,
    RunResult? BestRun,
    double Tolerance,
    int Par,
    int Forecasts,
    int Runs)
{
    /// <summary>
    /// False when the confirming runs hit <see cref="Solver.MaxSuspectSteps"/> before every promising choice was
    /// run: the forecasts and the engine disagreed on this level (typically a τ finer than doubles can resolve).
    /// </summary>
    public bool Complete { get; init; } = true;

    public double MinStartGap => ClosestStart.Gap;

    /// <summary>Every start in the box has g &gt; τ (compared as the engine compares, RULES.md §2).</summary>
    public bool StartsOutsideGoal => MinStartGap > Tolerance;

    /// <summary>The best choice reaches the valley within par.</summary>
    public bool ParAchievable => BestRun is { Outcome: Outcome.Reached } run && run.Steps <= Par;

    /// <summary>The level's rules are playable as RULES.md §3 asks (the level being well-formed).</summary>
    public bool IsValid => StartsOutsideGoal && ParAchievable;
}
