using CsCheck;
using LittleRedDot.Engine.Tests.Oracles;
using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Solver;

public class SolverTests
{
    // Small hand-made levels of every shape: one free dial (either), two dials round, tilted and narrow,
    // a fixed start, an α range that straddles the stable bound, half-mse. Budgets small enough for brute force.
    public static TheoryData<string, Level> Levels() => new()
    {
        { "β1 only, the article's data", Make(Article, CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-10, -4), 0.001, 0.3, 60, 0.5) },
        { "β0 only", Make(Article, CostKind.Mse, ParameterRule.Range(-6, -2), ParameterRule.Fixed(1), 0.01, 2, 40, 0.01) },
        { "both, round", Make(Round, CostKind.Mse, ParameterRule.Range(-4, -1), ParameterRule.Range(-2, 2), 0.01, 0.6, 40, 0.1) },
        { "both, tilted, half-mse", Make(Tilted, CostKind.HalfMse, ParameterRule.Range(-3, -1), ParameterRule.Range(1, 3), 0.001, 0.5, 200, 0.05) },
        { "both, narrow, fixed start", Make(Narrow, CostKind.Mse, ParameterRule.Range(-3, -3), ParameterRule.Range(0, 0), 0.001, 0.05, 1500, 0.01) },
        { "both, narrow, short budget", Make(Narrow, CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 0.001, 0.05, 300, 0.05) },
        { "nothing reaches", Make(Narrow, CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 0.0001, 0.001, 50, 0.01) },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void The_solver_is_at_least_as_good_as_the_canonical_grid(string name, Level level)
    {
        // Oracle: every grid choice run in full by the engine (CanonicalGrid), ranked by Solver.Compare. Exact: the
        // solver's answer is an engine run too, so the two are compared as the same kind of result.
        var grid = CanonicalGrid.Best(level);
        var solution = Engine.Solver.Solve(level);
        if (grid is { } g)
        {
            Assert.True(solution.Best is not null, $"{name}: the grid reaches in {g.Run.Steps} steps but the solver found nothing");
            Assert.True(
                Engine.Solver.Compare(solution.Best!.Value, solution.BestRun!, g.Choice, g.Run) <= 0,
                $"{name}: solver {solution.BestRun!.Steps} steps/{solution.BestRun.Bounces} bounces, grid {g.Run.Steps}/{g.Run.Bounces}");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void The_solver_only_returns_choices_the_engine_confirms(string name, Level level)
    {
        var solution = Engine.Solver.Solve(level);
        if (solution.Best is not { } best)
        {
            Assert.Null(solution.BestRun);
            return;
        }

        // Oracle: Descent.Run of the same choice with the full budget; exact (record equality, doubles by value).
        Assert.Null(level.CheckChoice(best));
        var again = Descent.Run(level, best);
        Assert.Equal(Outcome.Reached, again.Outcome);
        Assert.Equal(again, solution.BestRun);
        Assert.True(solution.Runs <= solution.Forecasts, name);
    }

    [Fact]
    public void Random_small_levels_never_beat_the_solver_on_the_grid()
    {
        // Oracle: CanonicalGrid (brute force). Random data, ranges, costs and budgets ≤ 120 steps keep it affordable.
        Gen.Select(Gen.Int[0, 1_000_000_000], Gen.Int[2, 7]).Holds(
            (seed, n) =>
            {
                var level = RandomLevel(seed, n);
                if (level is null)
                {
                    return true;
                }

                var grid = CanonicalGrid.Best(level);
                var solution = Engine.Solver.Solve(level);
                return grid is not { } g
                    || (solution.Best is { } best && Engine.Solver.Compare(best, solution.BestRun!, g.Choice, g.Run) <= 0);
            },
            iter: 60,
            seed: 1014);
    }

    [Fact]
    public void A_million_step_budget_is_solved_without_running_the_grid()
    {
        // The long, narrow valley (κ ≈ 900) with the largest budget and a tiny τ: brute force would cost up to
        // 7260 runs × 10⁶ steps. The forecast leaves only a few runs to make.
        var level = Make(Narrow, CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 1e-6, 0.05, LevelRules.MaxBudget, 1e-9);
        var solution = Engine.Solver.Solve(level);
        Assert.NotNull(solution.Best);

        // The work, counted rather than timed (17 runs when written; the time is SolverLimitBenchmarks.MillionStepBudget's).
        Assert.True(solution.Runs < 200, $"{solution.Runs} confirming runs");
    }

    [Fact]
    public void A_tolerance_finer_than_doubles_resolve_ends_quickly_and_says_the_search_was_cut_short()
    {
        // τ = 1e-300 on a two-dial valley: in real arithmetic every choice gets there, in doubles the dot stalls a
        // few ulps from β* (gap ~1e-31). Without stall detection and the suspect allowance each of thousands of
        // confirming runs would go to 10⁶ steps.
        var level = Make(Article, CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(3, 5), 0.0001, 0.1, LevelRules.MaxBudget, 1e-300);
        var solution = Engine.Solver.Solve(level);
        Assert.Null(solution.Best);

        // Not complete: the confirming runs stopped at Solver.MaxSuspectSteps steps in all, the bound on the work
        // (counted rather than timed; the time is SolverLimitBenchmarks.ToleranceFinerThanDoubles's).
        Assert.False(solution.Complete);
        Assert.False(solution.IsValid);
    }

    [Fact]
    public void Par_achievable_and_validity_follow_the_best_run()
    {
        // Hand-derived: β1-only article data, λ = 2·mean(x²) = 12.32, so α = 1/λ is in range and one step lands.
        var level = Make(Article, CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-10, -4), 0.001, 0.3, 60, 0.5, par: 1);
        var solution = Engine.Solver.Solve(level);
        Assert.Equal(1, solution.BestRun!.Steps);
        Assert.True(solution.ParAchievable);
        Assert.True(solution.StartsOutsideGoal);
        Assert.True(solution.IsValid);

        // The same rules with α capped far below 1/λ cannot make it in one step.
        var slow = Make(Article, CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-10, -4), 0.001, 0.01, 60, 0.5, par: 1);
        var slowSolution = Engine.Solver.Solve(slow);
        Assert.False(slowSolution.ParAchievable);
        Assert.False(slowSolution.IsValid);
    }

    [Fact]
    public void The_grid_has_its_ends_exactly()
    {
        // RULES.md §3: both ends included; a range with min = max gives one value.
        var rules = new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-10, -4), 0.001, 0.3, 60, 0.5, 8);
        var alphas = Engine.Solver.GridAlphas(rules);
        Assert.Equal(60, alphas.Length);
        Assert.Equal(0.001, alphas[0]);
        Assert.Equal(0.3, alphas[^1]);
        Assert.True(alphas.Zip(alphas.Skip(1)).All(p => p.First < p.Second));

        // Log-spacing: consecutive ratios all equal (0.3/0.001)^(1/59), to 1e-12 relative (Math.Exp/Log rounding).
        var ratio = Math.Pow(300, 1.0 / 59);
        Assert.All(alphas.Zip(alphas.Skip(1)), p => Assert.Equal(ratio, p.Second / p.First, 1e-12));

        var starts = Engine.Solver.GridStarts(ParameterRule.Range(-10, -4));
        Assert.Equal([-10, -9.4, -8.8, -8.2, -7.6, -7, -6.4, -5.8, -5.2, -4.6, -4], starts, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([3.5], Engine.Solver.GridStarts(ParameterRule.Range(3.5, 3.5)));
        Assert.Equal([2.0], Engine.Solver.GridStarts(ParameterRule.Fixed(2)));
    }

    internal static readonly (double X, double Y)[] Article =
        [(0.4, 0.6), (0.8, 0.6), (1.2, 1.42), (1.6, 1.3), (2.0, 1.94), (2.4, 1.9), (2.8, 2.82), (3.2, 3.05), (3.6, 3.27), (4.0, 3.89)];

    internal static readonly (double X, double Y)[] Round =
        [(-2, 0.11), (-1.5, -0.04), (-1, 0.82), (-0.5, 1.5), (0, 1.32), (0.5, 1.85), (1, 2.59), (1.5, 2.29), (2, 3.18), (2.5, 3.38)];

    internal static readonly (double X, double Y)[] Tilted =
        [(0, 1.21), (0.5, 0.36), (1, 0.52), (1.5, 0.5), (2, -0.38), (2.5, -0.55), (3, -0.51), (3.5, -1.51), (4, -1.32)];

    internal static readonly (double X, double Y)[] Narrow =
        [(4, 4.21), (4.5, 3.91), (5, 4.62), (5.5, 5.15), (6, 4.82), (6.5, 5.2), (7, 5.79), (7.5, 5.34), (8, 6.08)];

    internal static Level Make(
        (double X, double Y)[] points, CostKind cost, ParameterRule beta0, ParameterRule beta1, double alphaMin, double alphaMax, int budget, double tolerance, int? par = null) =>
        new(new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, budget, tolerance, par ?? budget), DataSet.FromPoints(points));

    /// <summary>A random small level from a seed; null when the draw makes no valley.</summary>
    private static Level? RandomLevel(int seed, int n)
    {
        var random = new Random(seed);
        double U(double lo, double hi) => lo + ((hi - lo) * random.NextDouble());
        var centre = U(-5, 8);
        var spread = U(0.2, 3);
        var slope = U(-2, 2);
        var points = Enumerable.Range(0, n).Select(i => (centre + (spread * (i - ((n - 1) / 2.0)) / n), 0.0)).ToArray();
        for (var i = 0; i < points.Length; i++)
        {
            points[i].Item2 = Math.Round((slope * points[i].Item1) + U(-1, 1), 2);
        }

        ParameterRule Range()
        {
            var a = Math.Round(U(-6, 6), 1);
            return random.Next(4) == 0 ? ParameterRule.Range(a, a) : ParameterRule.Range(a, a + Math.Round(U(0.5, 6), 1));
        }

        var which = random.Next(3);
        var beta0 = which == 1 ? ParameterRule.Fixed(Math.Round(U(-2, 2), 1)) : Range();
        var beta1 = which == 2 ? ParameterRule.Fixed(Math.Round(U(-2, 2), 1)) : Range();
        var alphaMin = Math.Exp(U(Math.Log(1e-4), Math.Log(0.05)));
        var alphaMax = alphaMin * Math.Exp(U(0, Math.Log(200)));
        try
        {
            var cost = random.Next(2) == 0 ? CostKind.Mse : CostKind.HalfMse;
            return new Level(new LevelRules(cost, beta0, beta1, alphaMin, alphaMax, random.Next(1, 121), Math.Exp(U(Math.Log(1e-3), Math.Log(1))), 1), DataSet.FromPoints(points));
        }
        catch (DegenerateDataException)
        {
            return null;
        }
    }
}
