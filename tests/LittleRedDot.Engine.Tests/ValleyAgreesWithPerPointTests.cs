using CsCheck;
using LittleRedDot.Engine.Tests.Oracles;

namespace LittleRedDot.Engine.Tests;

/// <summary>
/// RULES.md §5 promises that its canonical arithmetic equals §1's per-point sums in real arithmetic.
/// Oracle: <see cref="PerPoint"/>, the literal §1 sums. Tolerance: 1e-12 relative to the size of the
/// terms being summed (<see cref="PerPoint.TermScale"/>) — the per-point sums themselves round to a few
/// eps times that, so nothing tighter is meaningful; on data far from the origin (x ≈ 2000, y ≈ 1e5)
/// the residuals are tiny next to the numbers they are made from.
/// </summary>
public sealed class ValleyAgreesWithPerPointTests
{
    private const double Relative = 1e-12;
    private static readonly ParameterRule BothFree = ParameterRule.Range(0, 1);

    [Theory]
    [InlineData(Generators.Freedom.Both)]
    [InlineData(Generators.Freedom.Beta0Fixed)]
    [InlineData(Generators.Freedom.Beta1Fixed)]
    public void Cost_and_gradient_agree_with_the_per_point_sums(Generators.Freedom freedom)
    {
        Gen.Select(Generators.Data(), Gen.Double[-1, 1], Gen.Double[-1, 1], Gen.Double[-2, 2], Gen.OneOf(CostKind.Mse, CostKind.HalfMse))
            .Holds(
                (data, d0, d1, fixedFactor, cost) =>
                {
                    var (fit0, fit1) = ClosedForm.Valley(data.X, data.Y, BothFree, BothFree);
                    var fixedValue = freedom == Generators.Freedom.Beta0Fixed ? fit0 * fixedFactor : fit1 * fixedFactor;
                    var (r0, r1) = Generators.Rules(freedom, fixedValue);
                    var valley = TestLevels.Make(data.X, data.Y, cost, r0, r1).Valley;

                    // A point around the data's own fit: offsets of up to ±(1 + |β|) in each free parameter.
                    var beta0 = r0.IsFixed ? r0.Value : fit0 + (d0 * (1 + Math.Abs(fit0)));
                    var beta1 = r1.IsFixed ? r1.Value : fit1 + (d1 * (1 + Math.Abs(fit1)));

                    var scale = PerPoint.TermScale(data.X, data.Y, beta0, beta1);
                    var j = PerPoint.Cost(data.X, data.Y, cost, beta0, beta1);
                    var (g0, g1) = PerPoint.Gradient(data.X, data.Y, cost, beta0, beta1);
                    var (a0, a1) = valley.Gradient(beta0, beta1);

                    Within(j, valley.CostAt(beta0, beta1), j + scale.Cost, "J");
                    if (r0.IsFree)
                    {
                        Within(g0, a0, scale.G0, "∂J/∂β0");
                    }
                    else
                    {
                        Assert.Equal(0.0, a0); // a fixed parameter has no gradient to follow
                    }

                    if (r1.IsFree)
                    {
                        Within(g1, a1, scale.G1, "∂J/∂β1");
                    }
                    else
                    {
                        Assert.Equal(0.0, a1);
                    }
                },
                iter: 300,
                seed: 1015);
    }

    [Fact]
    public void Far_from_the_origin_a_plain_example_agrees()
    {
        // x ≈ 2000, y ≈ 1e5: the example issue 2 names. Same oracle and tolerance as above.
        double[] x = [1998.5, 1999.25, 2000, 2001.5, 2003];
        double[] y = [99_990.5, 100_002.25, 100_010, 100_041, 100_065.5];
        foreach (var cost in new[] { CostKind.Mse, CostKind.HalfMse })
        {
            var valley = TestLevels.Make(x, y, cost).Valley;
            foreach (var (b0, b1) in new[] { (0.0, 50.0), (-1e5, 100.0), (valley.Beta0Star + 3, valley.Beta1Star - 0.001) })
            {
                var scale = PerPoint.TermScale(x, y, b0, b1);
                var j = PerPoint.Cost(x, y, cost, b0, b1);
                var (g0, g1) = PerPoint.Gradient(x, y, cost, b0, b1);
                var (a0, a1) = valley.Gradient(b0, b1);
                Within(j, valley.CostAt(b0, b1), j + scale.Cost, "J");
                Within(g0, a0, scale.G0, "∂J/∂β0");
                Within(g1, a1, scale.G1, "∂J/∂β1");
            }
        }
    }

    private static void Within(double expected, double actual, double scale, string what) =>
        Assert.True(
            Math.Abs(expected - actual) <= Relative * scale,
            $"{what}: per-point {expected:R}, canonical {actual:R}, difference {Math.Abs(expected - actual):R} > {Relative:R} × {scale:R}");
}
