using System.Runtime.CompilerServices;

namespace LittleRedDot.Engine;

/// <summary>Batch gradient descent as RULES.md §3 and §5 define a run.</summary>
public static class Descent
{
    /// <summary>The gap may grow to this many times the starting gap before the run counts as diverged.</summary>
    public const double DivergenceFactor = 1000000.0;

    /// <summary>
    /// Runs the level from a choice and decides it. Each state β_0 … β_steps is shown to
    /// <paramref name="observer"/> (if any) as it happens. <paramref name="stepLimit"/> (the solver's use)
    /// stops a run early that has not ended by then; such a run reports out-of-steps after that many steps.
    /// </summary>
    /// <exception cref="ArgumentException">The choice is refused by <see cref="Level.CheckChoice"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RunResult Run(Level level, Choice choice, IRunObserver? observer = null, int? stepLimit = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        var problem = level.CheckChoice(choice);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(choice));
        }

        var rules = level.Rules;
        var valley = level.Valley;
        var free0 = valley.IsBeta0Free;
        var free1 = valley.IsBeta1Free;
        var alpha = choice.Alpha;
        var tolerance = rules.Tolerance;
        var budget = stepLimit is { } limit ? Math.Clamp(limit, 1, rules.Budget) : rules.Budget;

        var beta0 = choice.Beta0;
        var beta1 = choice.Beta1;
        var e0 = free0 ? beta0 - valley.Beta0Star : 0.0;
        var e1 = free1 ? beta1 - valley.Beta1Star : 0.0;
        var gap0 = valley.GapOfOffsets(e0, e1);
        var divergenceGap = DivergenceFactor * gap0;
        var cost = valley.MinimumCost + gap0;
        observer?.OnState(new RunState(0, beta0, beta1, cost, gap0));

        var bounces = 0;
        var outcome = Outcome.OutOfSteps;
        var gap = gap0;
        var k = 0;
        while (k < budget)
        {
            k++;
            var (g0, g1) = valley.GradientOfOffsets(e0, e1);
            if (free0)
            {
                beta0 -= alpha * g0;
            }

            if (free1)
            {
                beta1 -= alpha * g1;
            }

            var n0 = free0 ? beta0 - valley.Beta0Star : 0.0;
            var n1 = free1 ? beta1 - valley.Beta1Star : 0.0;
            if (Crossed(free0, free1, e0, e1, n0, n1))
            {
                bounces++;
            }

            e0 = n0;
            e1 = n1;
            gap = valley.GapOfOffsets(e0, e1);
            cost = valley.MinimumCost + gap;
            observer?.OnState(new RunState(k, beta0, beta1, cost, gap));

            if (!double.IsFinite(cost) || gap > divergenceGap)
            {
                outcome = Outcome.Diverged;
                break;
            }

            if (gap <= tolerance)
            {
                outcome = Outcome.Reached;
                break;
            }
        }

        return new RunResult(
            outcome,
            k,
            bounces,
            beta0,
            beta1,
            cost,
            gap,
            Scoring.Score(outcome, k, rules.Budget),
            Scoring.Stars(outcome, k, rules.Par));
    }

    /// <summary>A bounce (RULES.md §5): (e0_k·e0_{k−1}) + (e1_k·e1_{k−1}) &lt; 0 over the free parameters.</summary>
    private static bool Crossed(bool free0, bool free1, double p0, double p1, double n0, double n1)
    {
        if (free0 && free1)
        {
            return ((n0 * p0) + (n1 * p1)) < 0;
        }

        return free1 ? (n1 * p1) < 0 : (n0 * p0) < 0;
    }
}
