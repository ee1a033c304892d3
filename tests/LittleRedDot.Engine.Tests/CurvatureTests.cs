using CsCheck;
using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// The curvature of RULES.md §1: H = k·[[1, x̄], [x̄, m2]] over the free parameters.
/// Oracles: the hand-worked 3-point set, and the quadratic formula for 2×2 eigenvalues (<see cref="ClosedForm.Eigenvalues"/>).
/// </summary>
public sealed class CurvatureTests
{
    /// <summary>
    /// Oracle: |1 − αλ| by hand on λmin = 1, λmax = 10 (exact in binary at these α): the slower direction
    /// decides — λmin below the best α, λmax above it — and at the best α = 2/11 both give 9/11.
    /// </summary>
    [Theory]
    [InlineData(0.05, 0.95)]      // |1 − 0.05| = 0.95 beats |1 − 0.5| = 0.5
    [InlineData(0.25, 1.5)]       // |1 − 2.5| = 1.5 beats |1 − 0.25| = 0.75: past 2/λmax = 0.2 it grows
    [InlineData(0.1, 0.9)]        // at 1/λmax the steep direction lands in one step (0); the shallow keeps 0.9
    public void The_contraction_is_the_slower_of_the_two_directions(double alpha, double expected)
    {
        var c = new Curvature(1, 10);
        Assert.Equal(expected, c.Contraction(alpha), 1e-15); // tolerance: one rounding of 1 − αλ
        Assert.Equal(9.0 / 11, c.Contraction(c.BestAlpha), 1e-15);
    }

    [Fact]
    public void The_three_point_set_matches_the_hand_derivation()
    {
        // x = 1, 2, 3: x̄ = 2, m2 = 14/3. H/k = [[1, 2], [2, 14/3]]: trace 17/3, det 14/3 − 4 = 2/3,
        // eigenvalues (17 ± √265)/6; for mse (k = 2): λ = (17 ± √265)/3.
        // BounceAlpha = 1/λmax = 3/(17 + √265), StableAlpha = 6/(17 + √265),
        // BestAlpha = 2/(λmin + λmax) = 2/(34/3) = 3/17, κ = (17 + √265)/(17 − √265).
        // Tolerance 1e-12 relative (a 2×2 eigen-solve of a well-conditioned matrix).
        var c = TestLevels.Make([1, 2, 3], [2, 3, 5]).Curvature;
        var root = Math.Sqrt(265);
        Close((17 + root) / 3, c.LambdaMax);
        Close((17 - root) / 3, c.LambdaMin);
        Close(3 / (17 + root), c.BounceAlpha);
        Close(6 / (17 + root), c.StableAlpha);
        Close(3.0 / 17, c.BestAlpha);
        Close((17 + root) / (17 - root), c.Condition);
    }

    [Fact]
    public void One_free_parameter_has_one_curvature()
    {
        // β0 fixed: H = k·m2 = 2·14/3 = 28/3 (mse). β1 fixed: H = k = 1 (half-mse). By hand; κ = 1.
        var beta1Only = TestLevels.Make([1, 2, 3], [2, 3, 5], beta0: ParameterRule.Fixed(0)).Curvature;
        Close(28.0 / 3, beta1Only.LambdaMax);
        Close(28.0 / 3, beta1Only.LambdaMin);
        Close(1.0, beta1Only.Condition);
        Close(3.0 / 28, beta1Only.BestAlpha); // 2/(2λ) = 1/λ

        var beta0Only = TestLevels.Make([1, 2, 3], [2, 3, 5], CostKind.HalfMse, beta1: ParameterRule.Fixed(1)).Curvature;
        Assert.Equal(1.0, beta0Only.LambdaMax);
        Assert.Equal(1.0, beta0Only.LambdaMin);
        Assert.Equal(2.0, beta0Only.StableAlpha);
        Assert.Equal(1.0, beta0Only.BounceAlpha);
    }

    [Fact]
    public void Eigenvalues_agree_with_the_closed_form()
    {
        // λmax to 1e-12 relative; λmin to 1e-12·λmax absolute — what any eigen-solver can promise for the
        // small eigenvalue of an ill-conditioned matrix (x̄ ≈ 1e4 makes κ ≈ 1e10).
        Gen.Select(Generators.Data(), Generators.Freedoms, Gen.OneOf(CostKind.Mse, CostKind.HalfMse)).Sample(
            (data, freedom, cost) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var c = TestLevels.Make(data.X, data.Y, cost, r0, r1).Curvature;
                var (min, max) = ClosedForm.Eigenvalues(data.X, cost, r0.IsFree, r1.IsFree);
                Assert.True(TestLevels.Relative(max, c.LambdaMax) <= 1e-12, $"λmax {c.LambdaMax:R} vs {max:R}");
                Assert.True(Math.Abs(min - c.LambdaMin) <= 1e-12 * max, $"λmin {c.LambdaMin:R} vs {min:R}");
                Assert.True(c.LambdaMin <= c.LambdaMax);
                Assert.Equal(1 / c.LambdaMax, c.BounceAlpha);
                Assert.Equal(2 / c.LambdaMax, c.StableAlpha);
                Assert.Equal(2 / (c.LambdaMin + c.LambdaMax), c.BestAlpha);
                Assert.Equal(c.LambdaMax / c.LambdaMin, c.Condition);
            },
            iter: 200,
            threads: 1);
    }

    [Fact]
    public void Half_mse_has_half_the_curvature_of_mse()
    {
        // k = 1 vs k = 2 (RULES.md §1): every eigenvalue halves, so every α figure doubles and κ stays.
        Gen.Select(Generators.Data(farOffsets: false), Generators.Freedoms).Sample(
            (data, freedom) =>
            {
                var (r0, r1) = Generators.Rules(freedom, 0.5);
                var mse = TestLevels.Make(data.X, data.Y, CostKind.Mse, r0, r1).Curvature;
                var half = TestLevels.Make(data.X, data.Y, CostKind.HalfMse, r0, r1).Curvature;
                Assert.True(TestLevels.Relative(mse.LambdaMax / 2, half.LambdaMax) <= 1e-14);
                Assert.True(TestLevels.Relative(mse.StableAlpha * 2, half.StableAlpha) <= 1e-14);
                Assert.True(TestLevels.Relative(mse.Condition, half.Condition) <= 1e-9);
            },
            iter: 100,
            threads: 1);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(TestLevels.Relative(expected, actual) <= 1e-12, $"expected {expected:R}, got {actual:R}");
}
