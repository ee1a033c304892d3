using BenchmarkDotNet.Attributes;
using LittleRedDot.Engine;

namespace LittleRedDot.Benchmarks;

/// <summary>The solver on the levels that once had time limits in SolverTests: measured here, counted there.</summary>
public class SolverLimitBenchmarks
{
    /// <summary>
    /// SolverTests.A_million_step_budget_is_solved_without_running_the_grid: the long, narrow valley (κ ≈ 900), the
    /// largest budget and τ = 1e-9. Its time was once a test's limit (5 s); a limit on a shared machine is a flaky
    /// test, so it is measured here and the test counts the runs instead.
    /// </summary>
    [Benchmark(Description = "solve a million-step budget")]
    public Solution MillionStepBudget() => Solver.Solve(Make(Narrow, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 1e-6, 0.05, 1e-9));

    /// <summary>SolverTests.A_tolerance_finer_than_doubles_resolve_ends_quickly_and_says_the_search_was_cut_short (once a 20 s limit).</summary>
    [Benchmark(Description = "solve a tolerance finer than doubles")]
    public Solution ToleranceFinerThanDoubles() => Solver.Solve(Make(Article, ParameterRule.Range(-3, -1), ParameterRule.Range(3, 5), 0.0001, 0.1, 1e-300));

    // The data of SolverTests' Narrow and Article sets.
    private static readonly (double X, double Y)[] Narrow =
        [(4, 4.21), (4.5, 3.91), (5, 4.62), (5.5, 5.15), (6, 4.82), (6.5, 5.2), (7, 5.79), (7.5, 5.34), (8, 6.08)];

    private static readonly (double X, double Y)[] Article =
        [(0.4, 0.6), (0.8, 0.6), (1.2, 1.42), (1.6, 1.3), (2.0, 1.94), (2.4, 1.9), (2.8, 2.82), (3.2, 3.05), (3.6, 3.27), (4.0, 3.89)];

    private static Level Make((double X, double Y)[] points, ParameterRule beta0, ParameterRule beta1, double alphaMin, double alphaMax, double tolerance) =>
        new(new LevelRules(CostKind.Mse, beta0, beta1, alphaMin, alphaMax, LevelRules.MaxBudget, tolerance, LevelRules.MaxBudget), DataSet.FromPoints(points));
}
