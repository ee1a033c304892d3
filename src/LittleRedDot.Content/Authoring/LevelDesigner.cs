using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>
/// Designs a level around data nobody has seen (issue 6: a facilitator brings today's data): centres and
/// scales far-away data (feature scaling), puts the start box on one side of the valley so the dot has
/// to travel, lets α range from timid to past the divergence bound 2/λmax so the lesson is there to find,
/// takes τ from the nearest start, and par from a reader's choice (<see cref="ReadableChoice"/>): a round
/// α read off the curvature, not the solver's α to four digits. The caller writes the level and checks it
/// as check-levels does; nothing here is trusted on its own.
/// </summary>
public static class LevelDesigner
{
    /// <summary>How far the goal is below the nearest start's gap: the dot must cover real ground.</summary>
    private const double GoalFraction = 1e-3;

    /// <summary>The smallest budget a generated level gets: room to try a timid α too.</summary>
    private const int MinBudget = 20;

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

        var xTransform = Transform.For("x", x);
        var yTransform = Transform.For("y", y);
        var data = new DataSet(
            x.Select(v => (v - xTransform.Shift) / xTransform.Scale).ToArray(),
            y.Select(v => (v - yTransform.Shift) / yTransform.Scale).ToArray());

        var beta0Fixed = ParameterRule.Fixed(0);
        var probeRules = new LevelRules(cost, bothFree ? ParameterRule.Range(0, 0) : beta0Fixed, ParameterRule.Range(0, 0), 1e-9, 1, LevelRules.MaxBudget, 1e-300, LevelRules.MaxBudget);
        var probe = new Level(probeRules, data);
        var valley = probe.Valley;
        var curvature = probe.Curvature;

        var beta1 = StartBelow(valley.Beta1Star);
        var beta0 = bothFree ? StartBelow(valley.Beta0Star) : beta0Fixed;
        var alphaMin = NiceNumber.Down(curvature.BestAlpha / 200);
        var alphaMax = NiceNumber.Up(curvature.StableAlpha * 1.25);

        // A first level with the largest budget: the nearest start sets τ, then a reader's choice sets par.
        var wide = new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, LevelRules.MaxBudget, 1e-300, LevelRules.MaxBudget);
        var closest = Solver.FindClosestStart(new Level(wide, data));
        var tolerance = NiceNumber.Down(closest.Gap * GoalFraction);
        var sized = new Level(new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, LevelRules.MaxBudget, tolerance, LevelRules.MaxBudget), data);
        var reader = ReadableChoice.Find(sized);
        var steps = reader?.Run.Steps ?? Solver.Solve(sized).BestRun?.Steps ?? 100;
        var par = ReadableChoice.ParFor(steps);
        var budget = (int)Math.Min(LevelRules.MaxBudget, Math.Max(MinBudget, 3L * par));
        var rules = new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, budget, tolerance, Math.Min(par, budget));
        return new LevelDraft(rules, xTransform, yTransform, reader);
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
}
