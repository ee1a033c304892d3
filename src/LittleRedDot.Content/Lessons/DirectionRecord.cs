namespace LittleRedDot.Content.Lessons;

/// <summary>
/// What the dot did along one direction of curvature λ: its distance from the floor that way, signed, over the run.
/// A crossing counts when the distance changes sign between two places that are both farther than round-off from the
/// floor — 10⁻⁹ of the starting distance that way plus 10⁻¹³ of the floor's own coordinates (<paramref name="scale"/>):
/// once a direction has shrunk to below that, what is left is the rounding of β, not the dot's motion.
/// </summary>
public sealed class DirectionRecord(double lambda, double scale)
{
    private double noise;
    private double lastClear;

    /// <summary>The curvature along this direction (RULES.md §1's Hessian eigenvalue).</summary>
    public double Lambda { get; } = lambda;

    /// <summary>The signed distance from the floor along this direction at the start.</summary>
    public double Start { get; private set; }

    /// <summary>The signed distance after the first step (equal to <see cref="Start"/> for a run of no steps).</summary>
    public double AfterFirst { get; private set; }

    /// <summary>The signed distance at the end of the run.</summary>
    public double End { get; private set; }

    /// <summary>The steps on which the distance changed sign, above round-off: the dot crossed the floor this way.</summary>
    public int Crossings { get; private set; }

    /// <summary>The first step on which the dot crossed the floor this way (0 when it never did).</summary>
    public int FirstCrossing { get; private set; }

    /// <summary>The last step on which the dot crossed the floor this way (0 when it never did).</summary>
    public int LastCrossing { get; private set; }

    /// <summary>What the first step multiplied the distance by, as measured (NaN when the dot started on the floor this way).</summary>
    public double MeasuredFactor => Start == 0 ? double.NaN : AfterFirst / Start;

    /// <summary>Whether the run ended within round-off of the floor this way (no farther than the crossings' threshold).</summary>
    public bool EndsOnFloor => Math.Abs(End) <= noise;

    /// <summary>|end| / |start|: how much of its starting distance the dot still had this way (NaN when it started on the floor).</summary>
    public double Remaining => Start == 0 ? double.NaN : Math.Abs(End) / Math.Abs(Start);

    internal void See(int step, double offset)
    {
        if (step == 0)
        {
            Start = offset;
            AfterFirst = offset;
            noise = (1e-9 * Math.Abs(offset)) + (1e-13 * scale);
        }
        else if (step == 1)
        {
            AfterFirst = offset;
        }

        if (Math.Abs(offset) > noise)
        {
            if (offset * lastClear < 0)
            {
                Crossings++;
                FirstCrossing = FirstCrossing == 0 ? step : FirstCrossing;
                LastCrossing = step;
            }

            lastClear = offset;
        }

        End = offset;
    }
}
