namespace LittleRedDot.Engine;

/// <summary>Score, stars and the order of runs on a level (RULES.md §4).</summary>
public static class Scoring
{
    /// <summary>
    /// The order of runs on one level (RULES.md §4): score (high first), bounces (few first), final gap
    /// (small first; a NaN gap, which .NET orders before every number, last), savedAt (earlier first), then
    /// the tiebreak text in ordinal order — §4's file path, or another key unique to the run where there is
    /// none. Negative when <paramref name="a"/> ranks above <paramref name="b"/>, zero only for equal keys.
    /// </summary>
    public static int Compare(RankKey a, RankKey b)
    {
        ArgumentNullException.ThrowIfNull(a.Result);
        ArgumentNullException.ThrowIfNull(b.Result);
        var c = b.Result.Score.CompareTo(a.Result.Score);
        if (c != 0)
        {
            return c;
        }

        c = a.Result.Bounces.CompareTo(b.Result.Bounces);
        if (c != 0)
        {
            return c;
        }

        c = GapKey(a.Result.Gap).CompareTo(GapKey(b.Result.Gap));
        if (c != 0)
        {
            return c;
        }

        c = a.SavedAt.CompareTo(b.SavedAt);
        return c != 0 ? c : string.CompareOrdinal(a.Tiebreak, b.Tiebreak);
    }

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

    private static double GapKey(double gap) => double.IsNaN(gap) ? double.PositiveInfinity : gap;
}
