using CsCheck;
using LittleRedDot.Engine.Tests.Oracles;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearRegression;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// The valley β* of RULES.md §5 is the least-squares line. Oracles: MathNet.Numerics — Fit.Line and a QR
/// solve of the design matrix [1, x] for both free; Fit.LineThroughOrigin on y − c for β0 fixed at c (a
/// one-parameter fit); the mean of y − m·x for β1 fixed at m. Tolerances: 1e-9 relative to |β1| + mean|y|/σx
/// for β1 (rounding y by eps·|y| moves a slope by about eps·|y|/σx, and the two algorithms round differently);
/// β0 = ȳ − β1·x̄ loses digits to cancellation when x̄ is far from 0, and rounding y moves it by about
/// eps·|y|·(1 + |x̄|/σx), so its tolerance is 1e-9 relative to |ȳ| + |β1·x̄| + mean|y|·(1 + |x̄|/σx).
/// </summary>
public sealed class LeastSquaresTests
{
    private static readonly ParameterRule Free = ParameterRule.Range(-1e12, 1e12);

    [Fact]
    public void Both_free_the_valley_is_the_least_squares_line()
    {
        Gen.Select(Generators.Data(), Gen.OneOf(CostKind.Mse, CostKind.HalfMse)).Holds(
            (data, cost) =>
            {
                var valley = TestLevels.Make(data.X, data.Y, cost).Valley;
                var (b0, b1) = ClosedForm.Valley(data.X, data.Y, Free, Free);
                var design = Matrix<double>.Build.Dense(data.X.Length, 2, (i, j) => j == 0 ? 1.0 : data.X[i]);
                var qr = MultipleRegression.QR(design, Vector<double>.Build.DenseOfArray(data.Y));

                var sigma = Math.Sqrt(Generators.Variance(data.X));
                var b0Scale = Math.Abs(data.Y.Average()) + Math.Abs(b1 * data.X.Average()) + (data.Y.Average(Math.Abs) * (1 + (Math.Abs(data.X.Average()) / sigma)));
                var b1Scale = Math.Abs(b1) + (data.Y.Average(Math.Abs) / sigma);
                foreach (var (o0, o1, oracle) in new[] { (b0, b1, "Fit.Line"), (qr[0], qr[1], "QR") })
                {
                    Assert.True(Math.Abs(valley.Beta1Star - o1) <= 1e-9 * b1Scale, $"β1*: {valley.Beta1Star:R} vs {oracle} {o1:R}");
                    Assert.True(Math.Abs(valley.Beta0Star - o0) <= 1e-9 * b0Scale, $"β0*: {valley.Beta0Star:R} vs {oracle} {o0:R}");
                }

                // J* is J at the least-squares line: per-point §1 oracle, 1e-9 of J* plus the summed terms' size.
                var jAtFit = PerPoint.Cost(data.X, data.Y, cost, b0, b1);
                var scale = PerPoint.TermScale(data.X, data.Y, b0, b1).Cost;
                Assert.True(Math.Abs(valley.MinimumCost - jAtFit) <= 1e-9 * (jAtFit + scale), $"J*: {valley.MinimumCost:R} vs {jAtFit:R}");
            },
            iter: 200,
            seed: 1011);
    }

    [Fact]
    public void Beta0_fixed_the_valley_is_the_fit_through_the_fixed_intercept()
    {
        Gen.Select(Generators.Data(), Gen.Double[-100, 100]).Holds(
            (data, c) =>
            {
                var rule = ParameterRule.Fixed(c);
                var valley = TestLevels.Make(data.X, data.Y, beta0: rule).Valley;
                var (b0, b1) = ClosedForm.Valley(data.X, data.Y, rule, Free);
                Assert.Equal(c, valley.Beta0Star);
                Assert.Equal(c, b0);
                Assert.True(TestLevels.Relative(b1, valley.Beta1Star) <= 1e-9, $"β1*: {valley.Beta1Star:R} vs Fit.LineThroughOrigin {b1:R}");
            },
            iter: 200,
            seed: 1012);
    }

    [Fact]
    public void Beta1_fixed_the_valley_is_the_mean_offset()
    {
        Gen.Select(Generators.Data(), Gen.Double[-50, 50]).Holds(
            (data, m) =>
            {
                var rule = ParameterRule.Fixed(m);
                var valley = TestLevels.Make(data.X, data.Y, beta1: rule).Valley;
                var (b0, _) = ClosedForm.Valley(data.X, data.Y, Free, rule);
                var scale = data.Y.Average(Math.Abs) + data.X.Average(x => Math.Abs(m * x));
                Assert.Equal(m, valley.Beta1Star);
                Assert.True(Math.Abs(b0 - valley.Beta0Star) <= 1e-12 * scale, $"β0*: {valley.Beta0Star:R} vs mean(y − m·x) {b0:R}");
            },
            iter: 200,
            seed: 1013);
    }
}
