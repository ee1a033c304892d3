using LittleRedDot.Engine;

namespace LittleRedDot.Content.Board;

/// <summary>The order of runs on one level (RULES.md §4, <see cref="Scoring.Compare"/>), the file path breaking the last tie.</summary>
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

        return Scoring.Compare(new RankKey(x.Result, x.Run.SavedAtInstant, x.File), new RankKey(y.Result, y.Run.SavedAtInstant, y.File));
    }
}
