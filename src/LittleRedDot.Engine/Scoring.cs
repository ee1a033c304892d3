namespace LittleRedDot.Engine;

/// <summary>Score and stars (RULES.md §4).</summary>
public static class Scoring
{
    /// <summary>⌊10000·(B − k + 1) / B⌋ in 64-bit integers when reached at step k; otherwise 0.</summary>
    public static long Score(Outcome outcome, int steps, int budget)
    {
        if (outcome != Outcome.Reached)
        {
            return 0;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        return 10000L * (budget - (long)steps + 1) / budget;
    }

    /// <summary>0 if not reached; 3 at or under par; 2 at or under twice par; else 1.</summary>
    public static int Stars(Outcome outcome, int steps, int par)
    {
        if (outcome != Outcome.Reached)
        {
            return 0;
        }

        if (steps <= par)
        {
            return 3;
        }

        return steps <= 2L * par ? 2 : 1;
    }
}
