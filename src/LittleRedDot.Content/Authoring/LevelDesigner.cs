using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>
/// Designs a level around data nobody has seen (issue 6: a facilitator brings today's data): centres and
/// scales far-away data (feature scaling), puts the start box on one side of the valley so the dot has
/// to travel, lets α range from timid to past the divergence bound 2/λmax so the lesson is there to find,
/// and takes the budget, τ and par from the solver. The caller writes the level and checks it as
/// check-levels does; nothing here is trusted on its own.
/// </summary>
public static class LevelDesigner
{
    /// <summary>How far the goal is below the nearest start's gap: the dot must cover real ground.</summary>
    private const double GoalFraction = 1e-3;

    /// <exception cref="DegenerateDataException">The data makes no valley for these free parameters.</exception>
    public static LevelDraft Design(IReadOnlyList<double> x, IReadOnlyList<double> y, CostKind cost, bool bothFree)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count < DataSet.MinPoints)
        {
            // The engine's own rule, said before the normaliser takes a minimum of nothing (a CSV of a header only).
            _ = new DataSet([.. x], [.. y]);
        }

        var (xShift, xScale) = Normaliser(x);
        var (yShift, yScale) = Normaliser(y);
        var data = new DataSet(
            x.Select(v => (v - xShift) / xScale).ToArray(),
            y.Select(v => (v - yShift) / yScale).ToArray());

        var beta0Fixed = ParameterRule.Fixed(0);
        var probeRules = new LevelRules(cost, bothFree ? ParameterRule.Range(0, 0) : beta0Fixed, ParameterRule.Range(0, 0), 1e-9, 1, LevelRules.MaxBudget, 1e-300, LevelRules.MaxBudget);
        var probe = new Level(probeRules, data);
        var valley = probe.Valley;
        var curvature = probe.Curvature;

        var beta1 = StartBelow(valley.Beta1Star);
        var beta0 = bothFree ? StartBelow(valley.Beta0Star) : beta0Fixed;
        var alphaMin = NiceNumber.Down(curvature.BestAlpha / 200);
        var alphaMax = NiceNumber.Up(curvature.StableAlpha * 1.25);

        // A first level with the largest budget tells how few steps the best choice needs.
        var wide = new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, LevelRules.MaxBudget, 1e-300, LevelRules.MaxBudget);
        var closest = Solver.FindClosestStart(new Level(wide, data));
        var tolerance = NiceNumber.Down(closest.Gap * GoalFraction);
        var sized = new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, LevelRules.MaxBudget, tolerance, LevelRules.MaxBudget);
        var best = Solver.Solve(new Level(sized, data)).BestRun;
        var steps = best?.Steps ?? 100;
        var par = steps + Math.Max(1, steps / 5);
        var budget = (int)Math.Min(LevelRules.MaxBudget, Math.Max(20L, 3L * par));
        var rules = new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, budget, tolerance, Math.Min(par, budget));
        return new LevelDraft(rules, xShift, xScale, yShift, yScale);
    }

    /// <summary>
    /// A start range two to three "widths" below the floor, where a width is the floor's own size (at
    /// least 1): the dot starts on one side and must roll across to the other.
    /// </summary>
    private static ParameterRule StartBelow(double star)
    {
        var width = Math.Max(1.0, Math.Abs(star));
        return ParameterRule.Range(NiceNumber.Down(star - (3 * width)), NiceNumber.Up(star - (2 * width)));
    }

    /// <summary>
    /// A shift and scale that bring values near 0 with a spread near 1 — only when they are far off
    /// (centre beyond three spreads, or a spread far from 1), so ordinary data stays as it is.
    /// </summary>
    private static (double Shift, double Scale) Normaliser(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        if (spread == 0 || !double.IsFinite(spread))
        {
            return (0, 1);
        }

        var far = Math.Abs(mean) > 3 * spread;
        var odd = spread is > 20 or < 0.05;
        return far || odd ? (far ? NiceNumber.Nearest(mean) : 0, odd ? NiceNumber.Nearest(spread) : 1) : (0, 1);
    }
}
