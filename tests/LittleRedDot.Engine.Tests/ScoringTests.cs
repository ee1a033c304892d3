namespace LittleRedDot.Engine.Tests;

/// <summary>
/// Score and stars of RULES.md §4. Oracle: each case computed by hand; score = ⌊10000·(B − k + 1)/B⌋ in
/// 64-bit integers (exact, no tolerance).
/// </summary>
public sealed class ScoringTests
{
    [Theory]
    [InlineData(50, 12, 7800)]             // 10000·39/50 = 7800 exactly (the RULES.md §7 example)
    [InlineData(1, 1, 10000)]              // 10000·1/1
    [InlineData(3, 2, 6666)]               // 20000/3 = 6666.67 → floor 6666
    [InlineData(7, 1, 10000)]              // 70000/7 = 10000
    [InlineData(7, 7, 1428)]               // 10000/7 = 1428.57 → 1428
    [InlineData(1_000_000, 1, 10000)]      // 10000·10⁶ = 10¹⁰ overflows 32 bits; 64-bit gives 10000
    [InlineData(1_000_000, 2, 9999)]       // 10000·999999/10⁶ = 9999.99 → 9999
    [InlineData(1_000_000, 1_000_000, 0)]  // 10000/10⁶ = 0.01 → 0
    [InlineData(999_999, 500_000, 5000)]   // 10000·500000/999999 = 5000.005 → 5000
    public void Score_of_a_reached_run_is_the_floor_of_the_formula(int budget, int steps, long score) =>
        Assert.Equal(score, Scoring.Score(Outcome.Reached, steps, budget));

    [Theory]
    [InlineData(Outcome.Diverged)]
    [InlineData(Outcome.OutOfSteps)]
    public void A_run_that_does_not_reach_scores_nothing(Outcome outcome)
    {
        Assert.Equal(0, Scoring.Score(outcome, 3, 50));
        Assert.Equal(0, Scoring.Stars(outcome, 3, 8));
    }

    [Theory]
    [InlineData(1, 8, 3)]   // k ≤ P
    [InlineData(8, 8, 3)]   // k = P
    [InlineData(9, 8, 2)]   // P < k ≤ 2P
    [InlineData(16, 8, 2)]  // k = 2P
    [InlineData(17, 8, 1)]  // k > 2P
    [InlineData(1_000_000, 1, 1)]
    [InlineData(1_000_000, 500_000, 2)]
    [InlineData(1_000_000, 1_000_000, 3)]
    public void Stars_follow_par(int steps, int par, int stars) =>
        Assert.Equal(stars, Scoring.Stars(Outcome.Reached, steps, par));

    [Fact]
    public void A_run_result_carries_the_score_and_stars_of_its_steps()
    {
        // 1-D half-mse level (λ = 1), y = x + 1 with β1 fixed at 1: β0* = 1, J* = 0. From β0 = 9 at α = 0.5,
        // e_k = 8·2^−k and gap ½e² ≤ 1e-6 first at k = 13 (by hand, see DescentPropertyTests). Budget 20, par 10:
        // score ⌊10000·8/20⌋ = 4000, stars 2 (10 < 13 ≤ 20).
        var level = Oracles.TestLevels.Make([1, 2, 3], [2, 3, 4], CostKind.HalfMse, beta1: ParameterRule.Fixed(1), budget: 20, tolerance: 1e-6, par: 10);
        var result = Descent.Run(level, new Choice(0.5, 9, 1));
        Assert.Equal((Outcome.Reached, 13, 4000L, 2), (result.Outcome, result.Steps, result.Score, result.Stars));
    }

    /// <summary>
    /// RULES.md §4's order, key by key. Oracle: the rule's wording; each row differs from the first in one key
    /// only (the keys before it equal), so the sign says that key decides in the stated direction.
    /// </summary>
    [Fact]
    public void Runs_rank_by_score_then_bounces_then_gap_then_savedAt_then_path()
    {
        var at = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var best = Key(7800, 0, 0.1, at, "a");
        Assert.True(Scoring.Compare(best, Key(7799, 0, 0.1, at, "a")) < 0);              // higher score first
        Assert.True(Scoring.Compare(best, Key(7800, 1, 0.1, at, "a")) < 0);              // fewer bounces first
        Assert.True(Scoring.Compare(best, Key(7800, 0, 0.2, at, "a")) < 0);              // smaller gap first
        Assert.True(Scoring.Compare(best, Key(7800, 0, double.NaN, at, "a")) < 0);       // a NaN gap last
        Assert.True(Scoring.Compare(best, Key(7800, 0, 0.1, at.AddSeconds(1), "a")) < 0); // earlier savedAt first
        Assert.True(Scoring.Compare(best, Key(7800, 0, 0.1, at, "b")) < 0);              // path, ordinal
        Assert.True(Scoring.Compare(Key(7800, 0, 0.1, at, "B"), best) < 0);              // ordinal: 'B' (66) before 'a' (97)
        Assert.Equal(0, Scoring.Compare(best, Key(7800, 0, 0.1, at, "a")));
        Assert.True(Scoring.Compare(Key(0, 0, double.NaN, at, "a"), Key(0, 0, double.NaN, at, "b")) < 0); // two NaN gaps tie on the gap

        static RankKey Key(long score, int bounces, double gap, DateTimeOffset savedAt, string path) =>
            new(new RunResult(Outcome.Reached, 12, bounces, 0, 0, 0, gap, score, 3), savedAt, path);
    }
}
