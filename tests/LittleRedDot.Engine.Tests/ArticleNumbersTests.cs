using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// The article's formulas (RULES.md §1) on a data set small enough to work by hand.
///
/// Data: (1, 2), (2, 3), (3, 5); N = 3. At (β0, β1) = (0.5, 1):
///   ŷ = 1.5, 2.5, 3.5      r = ŷ − y = −0.5, −0.5, −1.5
///   Σ r² = 0.25 + 0.25 + 2.25 = 2.75     Σ r = −2.5     Σ r·x = −0.5 − 1 − 4.5 = −6
///   mse:      J = 2.75/3 = 11/12        ∂J/∂β0 = (2/3)(−2.5) = −5/3    ∂J/∂β1 = (2/3)(−6) = −4
///   half-mse: J = 2.75/6 = 11/24        ∂J/∂β0 = (1/3)(−2.5) = −5/6    ∂J/∂β1 = (1/3)(−6) = −2
/// The valley (both free): x̄ = 2, ȳ = 10/3, Sxx = 1 + 0 + 1 = 2,
///   Sxy = (−1)(2 − 10/3) + 0 + (1)(5 − 10/3) = 4/3 + 5/3 = 3, so β1* = 3/2, β0* = 10/3 − 3 = 1/3.
///   At β*: ŷ = 11/6, 10/3, 29/6; r = −1/6, 1/3, −1/6; Σ r² = 1/36 + 4/36 + 1/36 = 1/6,
///   so J* = 1/18 (mse), 1/36 (half-mse), and the gap at (0.5, 1) is 11/12 − 1/18 = 31/36 (mse).
/// Tolerance: these fractions are not exact doubles; a few ulps, 1e-14 relative.
/// </summary>
public sealed class ArticleNumbersTests
{
    private static readonly double[] X = [1, 2, 3];
    private static readonly double[] Y = [2, 3, 5];
    private const double Tolerance = 1e-14;

    [Theory]
    [InlineData(CostKind.Mse, 11.0 / 12, -5.0 / 3, -4.0)]
    [InlineData(CostKind.HalfMse, 11.0 / 24, -5.0 / 6, -2.0)]
    public void Cost_and_gradient_at_a_point_match_the_hand_derivation(CostKind cost, double j, double g0, double g1)
    {
        var level = TestLevels.Make(X, Y, cost);
        var valley = level.Valley;

        AssertClose(j, valley.CostAt(0.5, 1));
        var (a0, a1) = valley.Gradient(0.5, 1);
        AssertClose(g0, a0);
        AssertClose(g1, a1);

        // The per-point oracle is itself checked against the hand derivation.
        AssertClose(j, PerPoint.Cost(X, Y, cost, 0.5, 1));
        var (p0, p1) = PerPoint.Gradient(X, Y, cost, 0.5, 1);
        AssertClose(g0, p0);
        AssertClose(g1, p1);
    }

    [Theory]
    [InlineData(CostKind.Mse, 1.0 / 18, 31.0 / 36)]
    [InlineData(CostKind.HalfMse, 1.0 / 36, 31.0 / 72)]
    public void Valley_floor_and_gap_match_the_hand_derivation(CostKind cost, double jStar, double gap)
    {
        var valley = TestLevels.Make(X, Y, cost).Valley;

        AssertClose(1.0 / 3, valley.Beta0Star);
        AssertClose(1.5, valley.Beta1Star);
        AssertClose(jStar, valley.MinimumCost);
        AssertClose(gap, valley.Gap(0.5, 1));
        AssertClose(2.0, valley.XBar);
        AssertClose(2.0, valley.Sxx);
        AssertClose(3.0, valley.Sxy);
        AssertClose(14.0 / 3, valley.M2);
    }

    [Fact]
    public void The_gradient_vanishes_on_the_valley_floor()
    {
        // Hand derivation: Σ r = −1/6 + 1/3 − 1/6 = 0 and Σ r·x = −1/6 + 2/3 − 1/2 = 0 at β*.
        // Absolute tolerance 1e-14: β* = (1/3, 3/2) is itself rounded.
        var (g0, g1) = TestLevels.Make(X, Y).Valley.Gradient(1.0 / 3, 1.5);
        Assert.InRange(g0, -1e-14, 1e-14);
        Assert.InRange(g1, -1e-14, 1e-14);
    }

    [Fact]
    public void Beta0_fixed_matches_the_hand_derivation()
    {
        // β0 fixed at 0: β1* = Σ x·y / Σ x² = (2 + 6 + 15) / 14 = 23/14.
        // J(0, 1) by hand: r = −1, −1, −2; Σ r² = 6; J = 2 (mse); ∂J/∂β1 = (2/3)(−1 − 2 − 6) = −6; ∂J/∂β0 is not used (0).
        var valley = TestLevels.Make(X, Y, beta0: ParameterRule.Fixed(0)).Valley;

        AssertClose(23.0 / 14, valley.Beta1Star);
        Assert.Equal(0.0, valley.Beta0Star);
        AssertClose(2.0, valley.CostAt(0, 1));
        var (g0, g1) = valley.Gradient(0, 1);
        Assert.Equal(0.0, g0);
        AssertClose(-6.0, g1);
    }

    [Fact]
    public void Beta1_fixed_matches_the_hand_derivation()
    {
        // β1 fixed at 1: β0* = mean(y − x) = (1 + 1 + 2)/3 = 4/3.
        // J(0, 1) by hand: r = −1, −1, −2; J = 2 (mse); ∂J/∂β0 = (2/3)(−4) = −8/3.
        var valley = TestLevels.Make(X, Y, beta1: ParameterRule.Fixed(1)).Valley;

        AssertClose(4.0 / 3, valley.Beta0Star);
        AssertClose(2.0, valley.CostAt(0, 1));
        var (g0, g1) = valley.Gradient(0, 1);
        AssertClose(-8.0 / 3, g0);
        Assert.Equal(0.0, g1);
    }

    [Fact]
    public void One_step_updates_both_parameters_from_the_same_point()
    {
        // From (0.5, 1) with α = 0.1 (mse), by hand: β0 ← 0.5 − 0.1·(−5/3) = 2/3 and β1 ← 1 − 0.1·(−4) = 1.4.
        // (The published-demo bug — β1 from the already-updated β0 = 2/3 — would give r = −1/3, −1/3, −4/3,
        // ∂J/∂β1 = (2/3)(−5) = −10/3 and β1 = 4/3 instead.)
        var recorder = new TestLevels.Recorder();
        Descent.Run(TestLevels.Make(X, Y, budget: 1), new Choice(0.1, 0.5, 1), recorder);

        Assert.Equal(2, recorder.States.Count);
        AssertClose(2.0 / 3, recorder.States[1].Beta0);
        AssertClose(1.4, recorder.States[1].Beta1);
        AssertClose(PerPoint.Cost(X, Y, CostKind.Mse, 2.0 / 3, 1.4), recorder.States[1].Cost);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(TestLevels.Relative(expected, actual) <= Tolerance, $"expected {expected:R}, got {actual:R}");
}
