namespace LittleRedDot.Content.Board;

/// <summary>
/// The order of runs on one level (RULES.md §4): score (high first), bounces (few first), final gap
/// (small first; a NaN gap last), savedAt (earlier first), file path (ordinal).
/// </summary>
public sealed class RunRanking : IComparer<RankedRun>
{
    public static RunRanking Instance { get; } = new();

    public int Compare(RankedRun? x, RankedRun? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var c = y.Result.Score.CompareTo(x.Result.Score);
        if (c != 0)
        {
            return c;
        }

        c = x.Result.Bounces.CompareTo(y.Result.Bounces);
        if (c != 0)
        {
            return c;
        }

        c = GapKey(x.Result.Gap).CompareTo(GapKey(y.Result.Gap));
        if (c != 0)
        {
            return c;
        }

        c = x.Run.SavedAtInstant.CompareTo(y.Run.SavedAtInstant);
        return c != 0 ? c : string.CompareOrdinal(x.File, y.File);
    }

    /// <summary>.NET orders NaN before every number; a run whose gap is NaN ranks after all others.</summary>
    private static double GapKey(double gap) => double.IsNaN(gap) ? double.PositiveInfinity : gap;
}
