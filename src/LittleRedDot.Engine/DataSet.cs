namespace LittleRedDot.Engine;

/// <summary>
/// The points of a level as played (after any shifts and scales), in data order. Two flat arrays so
/// that a million points cost 16 MB and no object per point.
/// </summary>
public sealed class DataSet
{
    /// <summary>The least and most points a level may hold (RULES.md §6).</summary>
    public const int MinPoints = 2;

    public const int MaxPoints = 10_000_000;

    private readonly double[] x;
    private readonly double[] y;

    /// <summary>Takes ownership of the arrays: callers must not change them afterwards.</summary>
    public DataSet(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}.", nameof(y));
        }

        if (x.Length < MinPoints || x.Length > MaxPoints)
        {
            throw new DegenerateDataException($"A level needs from {MinPoints} to {MaxPoints:N0} points; this data has {x.Length}.");
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new DegenerateDataException($"Point {i + 1} is not finite: every x and y must be a finite number.");
            }
        }

        this.x = x;
        this.y = y;
    }

    public int Count => x.Length;

    public ReadOnlySpan<double> X => x;

    public ReadOnlySpan<double> Y => y;

    public static DataSet FromPoints(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var xs = new double[points.Count];
        var ys = new double[points.Count];
        for (var i = 0; i < xs.Length; i++)
        {
            (xs[i], ys[i]) = points[i];
        }

        return new DataSet(xs, ys);
    }
}
