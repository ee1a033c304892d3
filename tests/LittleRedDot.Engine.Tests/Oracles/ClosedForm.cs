using LittleRedDot.Engine;
using MathNet.Numerics;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>
/// Closed forms from outside the code under test: the valley by MathNet.Numerics least squares and
/// the eigenvalues of the 2×2 Hessian of RULES.md §1 by the quadratic formula.
/// </summary>
public static class ClosedForm
{
    /// <summary>β* by MathNet: Fit.Line for both free, Fit.LineThroughOrigin on y − c for β0 fixed at c, mean(y − m·x) for β1 fixed at m.</summary>
    public static (double B0, double B1) Valley(double[] x, double[] y, ParameterRule beta0, ParameterRule beta1)
    {
        if (beta0.IsFree && beta1.IsFree)
        {
            var (intercept, slope) = Fit.Line(x, y);
            return (intercept, slope);
        }

        if (beta1.IsFree)
        {
            var c = beta0.Value;
            return (c, Fit.LineThroughOrigin(x, y.Select(v => v - c).ToArray()));
        }

        var m = beta1.Value;
        return (MathNet.Numerics.Statistics.Statistics.Mean(y.Select((v, i) => v - (m * x[i]))), m);
    }

    /// <summary>
    /// (λmin, λmax) of H = k·[[1, x̄], [x̄, m2]] over the free parameters: for both free the roots of
    /// λ² − k(1 + m2)λ + k²(m2 − x̄²) = 0, λmin taken as det/λmax (no cancellation) with m2 − x̄² = var(x);
    /// k·m2 for β1 alone, k for β0 alone.
    /// </summary>
    public static (double Min, double Max) Eigenvalues(double[] x, CostKind cost, bool free0, bool free1)
    {
        var k = cost == CostKind.Mse ? 2.0 : 1.0;
        var n = x.Length;
        var mean = x.Average();
        var m2 = x.Sum(v => v * v) / n;
        var variance = x.Sum(v => (v - mean) * (v - mean)) / n;
        if (free0 && free1)
        {
            var trace = k * (1 + m2);
            var det = k * k * variance;
            var max = (trace + Math.Sqrt(((1 - m2) * (1 - m2) * k * k) + (4 * k * k * mean * mean))) / 2;
            return (det / max, max);
        }

        return free1 ? (k * m2, k * m2) : (k, k);
    }
}
