using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>
/// RULES.md §1 written out literally, point by point: the test oracle for J and its partial
/// derivatives. Nothing here shares code with <see cref="Valley"/>; it is slow (O(N) per call) and
/// that is the point — it is the article's formula, not the canonical shortcut of §5.
/// </summary>
public static class PerPoint
{
    /// <summary>J(β0, β1): (1/N) Σ r² for mse, (1/(2N)) Σ r² for half-mse, r = (β0 + β1·x) − y.</summary>
    public static double Cost(double[] x, double[] y, CostKind cost, double beta0, double beta1)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = beta0 + (beta1 * x[i]) - y[i];
            sum += r * r;
        }

        return cost == CostKind.Mse ? sum / x.Length : sum / (2.0 * x.Length);
    }

    /// <summary>(∂J/∂β0, ∂J/∂β1): (2/N) Σ r and (2/N) Σ r·x for mse; (1/N) Σ r and (1/N) Σ r·x for half-mse.</summary>
    public static (double G0, double G1) Gradient(double[] x, double[] y, CostKind cost, double beta0, double beta1)
    {
        double s0 = 0, s1 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = beta0 + (beta1 * x[i]) - y[i];
            s0 += r;
            s1 += r * x[i];
        }

        var factor = cost == CostKind.Mse ? 2.0 : 1.0;
        return (factor * s0 / x.Length, factor * s1 / x.Length);
    }

    /// <summary>
    /// How large the summed terms are: (1/N) Σ M_i·w_i with M_i = |β0| + |β1·x_i| + |y_i|, the size of the
    /// numbers a residual is made of. Rounding in either implementation is a small multiple of eps times this,
    /// so agreement "to 1e-12 relative" is measured against it (with w_i = 1 for ∂J/∂β0, |x_i| for ∂J/∂β1,
    /// |r_i| for J). J's scale also carries 1e-16·M_i²: a residual that is exactly 0 in one
    /// implementation is of order eps·M_i in the other, and its square is what J then holds.
    /// </summary>
    public static (double Cost, double G0, double G1) TermScale(double[] x, double[] y, double beta0, double beta1)
    {
        double c = 0, g0 = 0, g1 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var m = Math.Abs(beta0) + Math.Abs(beta1 * x[i]) + Math.Abs(y[i]);
            var r = Math.Abs(beta0 + (beta1 * x[i]) - y[i]);
            c += (m * r) + (1e-16 * m * m);
            g0 += m;
            g1 += m * Math.Abs(x[i]);
        }

        return (c / x.Length, g0 / x.Length, g1 / x.Length);
    }
}
