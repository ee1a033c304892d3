using LittleRedDot.Engine;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// The order of runs on one level (RULES.md §4, <see cref="Scoring.Compare"/>), the digest breaking the last
/// tie where §4 names the file path — a player's progress keeps one file per level, so the path cannot decide.
/// </summary>
public static class RunRanking
{
    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">A run has no result.</exception>
    public static int Compare(RunFile a, RunFile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ra = a.Result ?? throw new ArgumentException("The run has no result to rank.", nameof(a));
        var rb = b.Result ?? throw new ArgumentException("The run has no result to rank.", nameof(b));
        return Scoring.Compare(new RankKey(ra, a.SavedAtInstant, a.Digest), new RankKey(rb, b.SavedAtInstant, b.Digest));
    }
}
