namespace LittleRedDot.Engine;

/// <summary>
/// The closed form of a run in real arithmetic, for the solver only (never the scoring path, RULES.md §5).
/// J is quadratic, so along the Hessian's orthonormal eigenvectors q_i the offset e = β − β* shrinks
/// independently: e_k = (I − αH)^k e_0, and the gap g_k = ½ e_kᵀ H e_k = Σ a_i·(1 − αλ_i)^(2k) with
/// a_i = ½·λ_i·(q_i·e_0)². Each term is convex in k and in α, so g_k is too: that makes the first step
/// with g_k ≤ τ a binary search instead of a run.
/// </summary>
internal sealed class Forecast
{
    private readonly bool free0;
    private readonly bool free1;
    private readonly double beta0Star;
    private readonly double beta1Star;

    // Mode 0 is the steepest direction (λmax), mode 1 the shallowest; a one-parameter level has one mode.
    private readonly double q0x;
    private readonly double q0y;

    public Forecast(Valley valley)
    {
        ArgumentNullException.ThrowIfNull(valley);
        free0 = valley.IsBeta0Free;
        free1 = valley.IsBeta1Free;
        beta0Star = valley.Beta0Star;
        beta1Star = valley.Beta1Star;
        var k = valley.CurvatureFactor;
        if (free0 && free1)
        {
            // H = k·[[1, x̄], [x̄, v + x̄²]] (RULES.md §1, written as §5's gradient writes it). Its
            // determinant is k²·v exactly, so λmin = det/λmax avoids the cancellation of the textbook
            // formula when the valley is long and narrow (x far from 0).
            var p = k;
            var r = k * (valley.V + (valley.XBar * valley.XBar));
            var off = k * valley.XBar;
            var mean = (p + r) / 2.0;
            var half = (p - r) / 2.0;
            LambdaMax = mean + Math.Sqrt((half * half) + (off * off));
            LambdaMin = (k * k * valley.V) / LambdaMax;

            // Two formulas for the λmax eigenvector; take the longer (the better conditioned).
            var (ax, ay) = (LambdaMax - r, off);
            var (bx, by) = (off, LambdaMax - p);
            var (vx, vy) = Math.Abs(ax) + Math.Abs(ay) >= Math.Abs(bx) + Math.Abs(by) ? (ax, ay) : (bx, by);
            var norm = Math.Sqrt((vx * vx) + (vy * vy));
            (q0x, q0y) = norm > 0 ? (vx / norm, vy / norm) : (1.0, 0.0);
            Modes = 2;
        }
        else
        {
            LambdaMax = free1 ? k * valley.M2 : k;
            LambdaMin = LambdaMax;
            (q0x, q0y) = free1 ? (0.0, 1.0) : (1.0, 0.0);
            Modes = 1;
        }
    }

    public int Modes { get; }

    public double LambdaMax { get; }

    public double LambdaMin { get; }

    public double Lambda(int mode) => mode == 0 ? LambdaMax : LambdaMin;

    /// <summary>The unit eigenvector of a mode in (β0, β1) coordinates.</summary>
    public (double X, double Y) Direction(int mode) => mode == 0 ? (q0x, q0y) : (-q0y, q0x);

    /// <summary>ln a_i for a start: the natural log of each mode's share of the starting gap (−∞ for none).</summary>
    public (double Mode0, double Mode1) LogWeights(double beta0, double beta1)
    {
        var e0 = free0 ? beta0 - beta0Star : 0.0;
        var e1 = free1 ? beta1 - beta1Star : 0.0;
        var c0 = (q0x * e0) + (q0y * e1);
        var w0 = Math.Log(0.5 * LambdaMax) + (2.0 * Math.Log(Math.Abs(c0)));
        if (Modes == 1)
        {
            return (w0, double.NegativeInfinity);
        }

        var c1 = (-q0y * e0) + (q0x * e1);
        return (w0, Math.Log(0.5 * LambdaMin) + (2.0 * Math.Log(Math.Abs(c1))));
    }

    /// <summary>ln |1 − αλ_i| per mode: how much one step keeps of each mode's offset.</summary>
    public (double Mode0, double Mode1) LogRates(double alpha) =>
        (Math.Log(Curvature.Contraction(alpha, LambdaMax)), Modes == 1 ? 0.0 : Math.Log(Curvature.Contraction(alpha, LambdaMin)));

    /// <summary>g_k in real arithmetic from log weights and log rates.</summary>
    public static double GapAfter(double k, (double Mode0, double Mode1) weights, (double Mode0, double Mode1) rates) =>
        Term(weights.Mode0, rates.Mode0, k) + Term(weights.Mode1, rates.Mode1, k);

    /// <summary>
    /// The first step k ≥ 1 with g_k ≤ <paramref name="tolerance"/>, searched up to <paramref name="horizon"/>;
    /// null when the gap never gets there (too slow, or the dot flies off first). g_k is convex in k, so it
    /// falls to its lowest at some k_min and rises after; a run can only reach on the falling side, and
    /// there g_k ≤ g_0, so divergence (g_k &gt; 10⁶·g_0, RULES.md §3) can never come first.
    /// </summary>
    public static int? StepsToReach((double Mode0, double Mode1) weights, (double Mode0, double Mode1) rates, double tolerance, int horizon)
    {
        if (GapAfter(1, weights, rates) <= tolerance)
        {
            return 1;
        }

        var lowest = horizon;
        if (rates.Mode0 > 0 || rates.Mode1 > 0)
        {
            // Some mode grows: the first k where g stops falling (differences of a convex sequence rise).
            int lo = 1, hi = horizon;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                if (GapAfter(mid + 1, weights, rates) >= GapAfter(mid, weights, rates))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            lowest = lo;
        }

        if (!(GapAfter(lowest, weights, rates) <= tolerance))
        {
            return null;
        }

        // g falls on [1, lowest]: the first k there with g_k ≤ τ.
        int a = 2, b = lowest;
        while (a < b)
        {
            var mid = a + ((b - a) / 2);
            if (GapAfter(mid, weights, rates) <= tolerance)
            {
                b = mid;
            }
            else
            {
                a = mid + 1;
            }
        }

        return a;
    }

    /// <summary>
    /// The α in [<paramref name="alphaMin"/>, <paramref name="alphaMax"/>] with the smallest g_k from a start.
    /// g_k(α) = Σ a_i·(1 − αλ_i)^(2k) is convex in α, so the sign of its derivative, −2k·Σ a_i·λ_i·(1 − αλ_i)^(2k−1),
    /// changes once: bisect on it (in log α, as the range may span decades).
    /// </summary>
    public double BestAlphaAt(int k, (double Mode0, double Mode1) weights, double alphaMin, double alphaMax)
    {
        if (Falling(alphaMax, k, weights))
        {
            return alphaMax;
        }

        if (!Falling(alphaMin, k, weights))
        {
            return alphaMin;
        }

        double lo = Math.Log(alphaMin), hi = Math.Log(alphaMax);
        for (var i = 0; i < 80 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2.0;
            if (Falling(Math.Exp(mid), k, weights))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Clamp(Math.Exp((lo + hi) / 2.0), alphaMin, alphaMax);
    }

    private static double Term(double logWeight, double logRate, double k)
    {
        if (double.IsNegativeInfinity(logWeight))
        {
            return 0.0;
        }

        // A rate of exactly 0 (α = 1/λ) clears the mode in one step: 0·(−∞) must not become NaN.
        return double.IsNegativeInfinity(logRate) ? 0.0 : Math.Exp(logWeight + (2.0 * k * logRate));
    }

    /// <summary>Whether g_k(α) still falls as α grows.</summary>
    private bool Falling(double alpha, int k, (double Mode0, double Mode1) weights)
    {
        // Σ a_i·λ_i·s_i·|1 − αλ_i|^(2k−1), each term in logs and scaled by the largest so nothing overflows.
        Span<double> logs = stackalloc double[2];
        Span<double> signs = stackalloc double[2];
        var top = double.NegativeInfinity;
        for (var mode = 0; mode < Modes; mode++)
        {
            var weight = mode == 0 ? weights.Mode0 : weights.Mode1;
            var lambda = Lambda(mode);
            var rate = 1.0 - (alpha * lambda);
            signs[mode] = Math.Sign(rate);
            logs[mode] = double.IsNegativeInfinity(weight) || rate == 0
                ? double.NegativeInfinity
                : weight + Math.Log(lambda) + (((2.0 * k) - 1.0) * Math.Log(Math.Abs(rate)));
            top = Math.Max(top, logs[mode]);
        }

        if (double.IsNegativeInfinity(top))
        {
            return false;
        }

        double sum = 0;
        for (var mode = 0; mode < Modes; mode++)
        {
            if (!double.IsNegativeInfinity(logs[mode]))
            {
                sum += signs[mode] * Math.Exp(logs[mode] - top);
            }
        }

        return sum > 0;
    }
}
