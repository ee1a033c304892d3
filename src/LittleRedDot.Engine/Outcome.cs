namespace LittleRedDot.Engine;

/// <summary>How a run ends (RULES.md §3).</summary>
public enum Outcome
{
    /// <summary>The gap fell to τ or below.</summary>
    Reached,

    /// <summary>J stopped being finite, or the gap grew past 10⁶ times the starting gap.</summary>
    Diverged,

    /// <summary>The budget ran out first.</summary>
    OutOfSteps,
}
