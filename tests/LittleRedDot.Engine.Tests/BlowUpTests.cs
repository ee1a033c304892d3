using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// Runs that blow up are classified by the engine (RULES.md §3): diverged, out-of-steps — never an
/// exception, never a hang. Each expectation is derived by hand in its comment.
/// </summary>
public sealed class BlowUpTests
{
    [Fact]
    public void Alpha_at_the_top_of_the_range_on_a_steep_level_diverges_at_once()
    {
        // x = 0 … 100 step 10: m2 = 3500, λmax ≈ 2·(1 + 3500) ≈ 7000 (mse), so α = 1 is ~3500× past 2/λmax:
        // the gap multiplies by ≈ (1 − 7000)² ≈ 5·10⁷ > 10⁶ on the first step.
        var x = Enumerable.Range(0, 11).Select(i => 10.0 * i).ToArray();
        var y = x.Select(v => (3 * v) + 1).ToArray();
        var level = TestLevels.Make(x, y, alphaMin: 1e-6, alphaMax: 1, budget: 1000);

        var result = Descent.Run(level, new Choice(1, 0, 0));

        Assert.Equal(Outcome.Diverged, result.Outcome);
        Assert.Equal(1, result.Steps);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public void Overflow_to_infinity_is_diverged()
    {
        // β1 fixed at 0, data (1, 0), (3, 0): β0* = 0, J* = 0, and gap = e0² (mse, h = 1). Start β0 = 1e152:
        // gap_0 = 1e304 and 10⁶·gap_0 overflows to ∞, so only a non-finite J can end the run. At α = 1.5 each
        // step makes e ← (1 − 2·1.5)e = −2e, gap ×4: gap_7 = 1.6384e308 is still finite, gap_8 = 6.6e308 = ∞.
        var level = TestLevels.Make([1, 3], [0, 0], beta0: ParameterRule.Range(-1e200, 1e200), beta1: ParameterRule.Fixed(0), alphaMax: 2, budget: 1000);

        var result = Descent.Run(level, new Choice(1.5, 1e152, 0));

        Assert.Equal(Outcome.Diverged, result.Outcome);
        Assert.Equal(8, result.Steps);
        Assert.Equal(double.PositiveInfinity, result.FinalCost);
        Assert.Equal(8, result.Bounces); // e changes sign every step
    }

    [Fact]
    public void Overflow_to_nan_is_diverged()
    {
        // Data (1, 0), (3, 0): x̄ = 2, v = 1, β* = (0, 0), J* = 0 (mse, k = 2). Start (5, −2.2):
        // u = 5 + 2·(−2.2) = 0.6, ∂J/∂β0 = 2·0.6 = 1.2 > 0, ∂J/∂β1 = 2·(2·5 + 5·(−2.2)) = −2 < 0.
        // α = 1.7e308 makes α·1.2 and α·2 overflow: β0 = −∞, β1 = +∞, so u = −∞ + 2·∞ = NaN and J = NaN.
        var level = TestLevels.Make([1, 3], [0, 0], alphaMax: 1.7e308, budget: 1000);
        var recorder = new TestLevels.Recorder();

        var result = Descent.Run(level, new Choice(1.7e308, 5, -2.2), recorder);

        Assert.Equal(Outcome.Diverged, result.Outcome);
        Assert.Equal(1, result.Steps);
        Assert.Equal(double.NegativeInfinity, result.FinalBeta0);
        Assert.Equal(double.PositiveInfinity, result.FinalBeta1);
        Assert.True(double.IsNaN(result.FinalCost));
        Assert.True(double.IsNaN(recorder.States[1].Cost));

        // The digest of such a run can still be taken.
        using var digest = new RunDigest("ada", "2026-11-26T10:15:00Z");
        Descent.Run(level, new Choice(1.7e308, 5, -2.2), digest);
        Assert.Matches("^[0-9a-f]{64}$", digest.Finish());
    }

    [Fact]
    public void A_million_step_budget_runs_out_without_keeping_a_trajectory()
    {
        // 1-D half-mse (λ = 1), β0* = 1, start β0 = 9 (e = 8), α = 1e-9: e_k = 8·(1 − 1e-9)^k, so after 10⁶ steps
        // e ≈ 8·(1 − 10⁻³) and the gap ½e² ≈ 31.9 is far above τ = 1e-6: out-of-steps at exactly 1,000,000.
        // Without an observer the run keeps no trajectory: it allocates well under the 24 MB that 10⁶ states would take.
        var level = TestLevels.Make([1, 2, 3], [2, 3, 4], CostKind.HalfMse, beta1: ParameterRule.Fixed(1), alphaMin: 1e-9, alphaMax: 1, budget: 1_000_000, tolerance: 1e-6);
        Descent.Run(level, new Choice(0.5, 9, 1)); // warm up the JIT so its allocations are not counted

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Descent.Run(level, new Choice(1e-9, 9, 1));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Outcome.OutOfSteps, result.Outcome);
        Assert.Equal(1_000_000, result.Steps);
        Assert.Equal(0, result.Score);
        Assert.InRange(result.Gap, 31, 32);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_million_step_run_streams_to_a_digest()
    {
        // The same run fed to the digest: it sees 1,000,001 states (k = 0 … 10⁶) and still keeps no trajectory.
        var level = TestLevels.Make([1, 2, 3], [2, 3, 4], CostKind.HalfMse, beta1: ParameterRule.Fixed(1), alphaMin: 1e-9, alphaMax: 1, budget: 1_000_000, tolerance: 1e-6);
        var counter = new Counter();
        using var digest = new RunDigest("ada", "2026-11-26T10:15:00Z");

        var result = Descent.Run(level, new Choice(1e-9, 9, 1), new Both(digest, counter));

        Assert.Equal(1_000_001, counter.Count);
        Assert.Equal(1_000_000, result.Steps);
        Assert.Matches("^[0-9a-f]{64}$", digest.Finish());
    }

    [Fact]
    public void Refused_choices_are_refused_in_words_and_never_run()
    {
        var level = TestLevels.Make([1, 2, 3], [2, 3, 5], alphaMin: 0.001, alphaMax: 0.1, beta0: ParameterRule.Range(-1, 1), beta1: ParameterRule.Range(-2, 2), tolerance: 0.01);
        Assert.Contains("[0.001, 0.1]", level.CheckChoice(new Choice(double.NaN, 0, 0)), StringComparison.Ordinal);
        Assert.Contains("[0.001, 0.1]", level.CheckChoice(new Choice(0.2, 0, 0)), StringComparison.Ordinal);
        Assert.Contains("[-1, 1]", level.CheckChoice(new Choice(0.01, 1.5, 0)), StringComparison.Ordinal);
        Assert.Contains("[-2, 2]", level.CheckChoice(new Choice(0.01, 0, double.PositiveInfinity)) + level.CheckChoice(new Choice(0.01, 0, 3)), StringComparison.Ordinal);

        // (1/3, 1.5) is the valley floor itself (hand-derived in ArticleNumbersTests): already in the goal.
        Assert.Contains("already in the goal", level.CheckChoice(new Choice(0.01, 1.0 / 3, 1.5)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Descent.Run(level, new Choice(0.2, 0, 0)));
    }

    private sealed class Counter : IRunObserver
    {
        public int Count { get; private set; }

        public void OnState(in RunState state) => Count++;
    }

    private sealed class Both(IRunObserver a, IRunObserver b) : IRunObserver
    {
        public void OnState(in RunState state)
        {
            a.OnState(state);
            b.OnState(state);
        }
    }
}
