namespace LittleRedDot.Content.Progress;

/// <summary>
/// The order of runs on one level (RULES.md §4): score (high first), bounces (few first), final gap
/// (small first), savedAt (earlier first), then the digest (ordinal) where §4 names the file path — a
/// player's progress keeps one file per level, so the path cannot decide.
/// </summary>
public static class RunRanking
{
    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    public static int Compare(RunFile a, RunFile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ra = a.Result ?? throw new ArgumentException("The run has no result to rank.", nameof(a));
        var rb = b.Result ?? throw new ArgumentException("The run has no result to rank.", nameof(b));
        var c = rb.Score.CompareTo(ra.Score);
        if (c != 0)
        {
            return c;
        }

        c = ra.Bounces.CompareTo(rb.Bounces);
        if (c != 0)
        {
            return c;
        }

        c = GapKey(ra.Gap).CompareTo(GapKey(rb.Gap));
        if (c != 0)
        {
            return c;
        }

        c = a.SavedAtInstant.CompareTo(b.SavedAtInstant);
        return c != 0 ? c : string.CompareOrdinal(a.Digest, b.Digest);
    }

    /// <summary>A gap that is not a number ranks as the largest.</summary>
    private static double GapKey(double gap) => double.IsNaN(gap) ? double.PositiveInfinity : gap;
}
