using LittleRedDot.Engine;

namespace LittleRedDot.Content.Lessons;

/// <summary>
/// Watches a run and keeps what its lesson may claim: the steps it bounced on (RULES.md §3, counted exactly as the
/// engine counts them) and, along each direction of the valley's curvature, how often the dot crossed the floor and
/// how far from it the dot was at the start, after the first step and at the end. The offset e = β − β* is split
/// into its parts along the steepest direction q (λmax) and the gentlest (q turned a quarter, λmin); with one free
/// parameter there is one direction, that parameter's axis. Memory is bounded whatever the budget.
/// </summary>
public sealed class RunWitness : IRunObserver
{
    /// <summary>Runs of consecutive bounce steps kept; past this only the count and the last step grow.</summary>
    public const int MaxBounceRuns = 16;

    private readonly Valley valley;
    private readonly (double Beta0, double Beta1) steep;
    private readonly List<(int From, int To)> bounceRuns = [];
    private readonly DirectionRecord[] directions;
    private double previous0;
    private double previous1;
    private bool any;

    public RunWitness(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        valley = level.Valley;
        steep = level.Curvature.SteepDirection;
        var both = valley.IsBeta0Free && valley.IsBeta1Free;
        var scale = Math.Abs(valley.Beta0Star) + Math.Abs(valley.Beta1Star);
        directions = both
            ? [new DirectionRecord(level.Curvature.LambdaMax, scale), new DirectionRecord(level.Curvature.LambdaMin, scale)]
            : [new DirectionRecord(level.Curvature.LambdaMax, scale)];
    }

    /// <summary>The last step seen (the run's step count once it is over).</summary>
    public int Steps { get; private set; }

    /// <summary>The number of bounces, by RULES.md §5's rule.</summary>
    public int Bounces { get; private set; }

    /// <summary>The step of the last bounce, 0 when there was none.</summary>
    public int LastBounce { get; private set; }

    /// <summary>The bounce steps as runs of consecutive steps (at most <see cref="MaxBounceRuns"/>; <see cref="BounceRunsComplete"/> says whether that is all).</summary>
    public IReadOnlyList<(int From, int To)> BounceRuns => bounceRuns;

    /// <summary>Whether <see cref="BounceRuns"/> lists every bounce.</summary>
    public bool BounceRunsComplete { get; private set; } = true;

    /// <summary>The directions of curvature, steepest first: one for a one-parameter level, two when both are free.</summary>
    public IReadOnlyList<DirectionRecord> Directions => directions;

    public void OnState(in RunState state)
    {
        var e0 = valley.IsBeta0Free ? state.Beta0 - valley.Beta0Star : 0.0;
        var e1 = valley.IsBeta1Free ? state.Beta1 - valley.Beta1Star : 0.0;
        if (any && Crossed(e0, e1))
        {
            Bounce(state.Step);
        }

        // The offset's parts along the directions: q·e for the steepest, (−q1, q0)·e for the gentlest.
        var along = directions.Length == 2
            ? ((steep.Beta0 * e0) + (steep.Beta1 * e1), (-steep.Beta1 * e0) + (steep.Beta0 * e1))
            : (valley.IsBeta1Free ? e1 : e0, 0.0);
        directions[0].See(state.Step, along.Item1);
        if (directions.Length == 2)
        {
            directions[1].See(state.Step, along.Item2);
        }

        previous0 = e0;
        previous1 = e1;
        Steps = state.Step;
        any = true;
    }

    private void Bounce(int step)
    {
        Bounces++;
        LastBounce = step;
        if (bounceRuns.Count > 0 && bounceRuns[^1].To == step - 1)
        {
            bounceRuns[^1] = (bounceRuns[^1].From, step);
        }
        else if (bounceRuns.Count < MaxBounceRuns)
        {
            bounceRuns.Add((step, step));
        }
        else
        {
            BounceRunsComplete = false;
        }
    }

    /// <summary>The engine's test (RULES.md §5): (e0_k·e0_{k−1}) + (e1_k·e1_{k−1}) &lt; 0 over the free parameters.</summary>
    private bool Crossed(double n0, double n1)
    {
        if (valley.IsBeta0Free && valley.IsBeta1Free)
        {
            return ((n0 * previous0) + (n1 * previous1)) < 0;
        }

        return valley.IsBeta1Free ? (n1 * previous1) < 0 : (n0 * previous0) < 0;
    }
}
