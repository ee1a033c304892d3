using System.Runtime.CompilerServices;

namespace LittleRedDot.Engine;

/// <summary>
/// The valley of a level: the data's statistics, taken once, and the closed forms of RULES.md §5 that
/// give the gap, J and the gradient at any (β0, β1) in O(1), whatever N is. Every expression below is
/// evaluated exactly as §5 writes it (left-to-right sums in data order, a·b·c as (a·b)·c, parentheses
/// as written) so that saved runs reproduce bit for bit on any machine.
/// </summary>
public sealed class Valley
{
    private readonly bool free0;
    private readonly bool free1;
    private readonly double k;
    private readonly double h;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Valley(DataSet data, CostKind cost, ParameterRule beta0, ParameterRule beta1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(beta0);
        ArgumentNullException.ThrowIfNull(beta1);
        if (LevelRules.CheckFree(beta0, beta1) is { } problem)
        {
            throw new ArgumentException(problem, nameof(beta1));
        }

        Cost = cost;
        free0 = beta0.IsFree;
        free1 = beta1.IsFree;
        k = cost == CostKind.Mse ? 2.0 : 1.0;
        h = k / 2.0;

        var xs = data.X;
        var ys = data.Y;
        double n = xs.Length;
        N = xs.Length;

        double sumX = 0, sumY = 0, q = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            sumX += xs[i];
            sumY += ys[i];
            q += xs[i] * xs[i];
        }

        var xbar = sumX / n;
        var ybar = sumY / n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var dx = xs[i] - xbar;
            sxx += dx * dx;
            sxy += dx * (ys[i] - ybar);
        }

        XBar = xbar;
        YBar = ybar;
        Sxx = sxx;
        Sxy = sxy;
        Q = q;
        V = sxx / n;
        M2 = q / n;
        RequireFinite("the data's statistics (Σx, Σy, Σx², Sxx, Sxy)", sumX, sumY, q, sxx, sxy, xbar, ybar);

        double b0, b1;
        if (free0 && free1)
        {
            if (!HasTwoDistinct(xs) || !(sxx > 0))
            {
                throw new DegenerateDataException("Every x is the same, so with both β0 and β1 free no single line is best: the valley has no floor. Give the data two distinct x values, or fix one parameter.");
            }

            b1 = sxy / sxx;
            b0 = ybar - (b1 * xbar);
        }
        else if (free1)
        {
            if (!(q > 0))
            {
                // Q = Σ x² is 0 either because every x is 0 or because each x² underflows (|x| below about 1e-154):
                // say which, since "every x is 0" is false for the second (issue 14).
                throw new DegenerateDataException(xs.IndexOfAnyExcept(0.0) >= 0
                    ? "The x values are so close to 0 that their squares underflow to 0 in doubles, so with β0 fixed the valley has no floor the engine can compute. Scale x up (the level's xScale)."
                    : "Every x is 0, so with β0 fixed the slope β1 changes nothing: the valley has no floor. Give the data some x ≠ 0.");
            }

            var c = beta0.Value;
            double sum = 0;
            for (var i = 0; i < xs.Length; i++)
            {
                sum += xs[i] * (ys[i] - c);
            }

            b1 = sum / q;
            b0 = c;
        }
        else
        {
            var m = beta1.Value;
            double sum = 0;
            for (var i = 0; i < xs.Length; i++)
            {
                sum += ys[i] - (m * xs[i]);
            }

            b0 = sum / n;
            b1 = m;
        }

        var s = cost == CostKind.Mse ? 1.0 : 0.5;
        double sr = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var r = (b0 + (b1 * xs[i])) - ys[i];
            sr += r * r;
        }

        Beta0Star = b0;
        Beta1Star = b1;
        MinimumCost = (s * sr) / n;
        RequireFinite("the valley (β*, J*)", b0, b1, MinimumCost);
    }

    public CostKind Cost { get; }

    public int N { get; }

    public bool IsBeta0Free => free0;

    public bool IsBeta1Free => free1;

    public double XBar { get; }

    public double YBar { get; }

    public double Sxx { get; }

    public double Sxy { get; }

    /// <summary>Q = Σ x².</summary>
    public double Q { get; }

    /// <summary>v = Sxx / N, the variance of x.</summary>
    public double V { get; }

    /// <summary>m2 = Q / N, the mean of x².</summary>
    public double M2 { get; }

    /// <summary>β0* of the valley floor (the fixed value when β0 is fixed).</summary>
    public double Beta0Star { get; }

    /// <summary>β1* of the valley floor (the fixed value when β1 is fixed).</summary>
    public double Beta1Star { get; }

    /// <summary>J* = J(β*), the lowest cost the free parameters can reach.</summary>
    public double MinimumCost { get; }

    /// <summary>The curvature factor k of RULES.md §5: 2 for mse, 1 for half-mse.</summary>
    public double CurvatureFactor => k;

    /// <summary>g(β) = J(β) − J*, computed without cancellation (RULES.md §5).</summary>
    public double Gap(double beta0, double beta1)
    {
        var e0 = free0 ? beta0 - Beta0Star : 0.0;
        var e1 = free1 ? beta1 - Beta1Star : 0.0;
        return GapOfOffsets(e0, e1);
    }

    /// <summary>J(β) = J* + g(β).</summary>
    public double CostAt(double beta0, double beta1) => MinimumCost + Gap(beta0, beta1);

    /// <summary>(∂J/∂β0, ∂J/∂β1) at (β0, β1); a fixed parameter's component is 0.</summary>
    public (double G0, double G1) Gradient(double beta0, double beta1)
    {
        var e0 = free0 ? beta0 - Beta0Star : 0.0;
        var e1 = free1 ? beta1 - Beta1Star : 0.0;
        return GradientOfOffsets(e0, e1);
    }

    /// <summary>The gap at offsets e = β − β* (fixed offsets must be 0).</summary>
    internal double GapOfOffsets(double e0, double e1)
    {
        if (free0 && free1)
        {
            var u = e0 + (XBar * e1);
            return h * ((u * u) + (V * (e1 * e1)));
        }

        return free1 ? h * (M2 * (e1 * e1)) : h * (e0 * e0);
    }

    internal (double G0, double G1) GradientOfOffsets(double e0, double e1)
    {
        if (free0 && free1)
        {
            var u = e0 + (XBar * e1);
            return (k * u, k * ((XBar * e0) + ((V + (XBar * XBar)) * e1)));
        }

        return free1 ? (0.0, k * (M2 * e1)) : (k * e0, 0.0);
    }

    private static bool HasTwoDistinct(ReadOnlySpan<double> xs)
    {
        var first = xs[0];
        foreach (var x in xs)
        {
            if (x != first)
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireFinite(string what, params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new DegenerateDataException($"The numbers are too large: {what} overflow a double. Scale the data down (xScale, yScale).");
            }
        }
    }
}
