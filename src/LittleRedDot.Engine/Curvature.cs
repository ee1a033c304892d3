using MathNet.Numerics.LinearAlgebra;

namespace LittleRedDot.Engine;

/// <summary>
/// The curvature of J over the free parameters (RULES.md §1): the Hessian H = k·[[1, x̄], [x̄, m2]]
/// (free rows and columns only) and what its eigenvalues teach about α. These figures teach and
/// guide the solver; they never decide a run.
/// </summary>
public sealed record Curvature(double LambdaMin, double LambdaMax)
{
    /// <summary>
    /// The unit vector (in β0, β1 coordinates) of the steepest direction, the eigenvector of λmax; the shallowest is
    /// it turned a quarter (−y, x). With one free parameter it is that parameter's axis.
    /// </summary>
    public (double Beta0, double Beta1) SteepDirection { get; init; } = (0.0, 1.0);

    /// <summary>
    /// What one step does to the distance from the floor along a direction of curvature λ: e ← (1 − α·λ)·e, exactly in
    /// real arithmetic (RULES.md §1: J is quadratic). Positive: the dot stays on its side; negative: it crosses the floor;
    /// of size above 1: it lands farther out than it started.
    /// </summary>
    public static double StepFactor(double alpha, double lambda) => 1.0 - (alpha * lambda);

    /// <summary>Above 1/λmax the dot overshoots the floor along the steepest direction each step.</summary>
    public double BounceAlpha => 1.0 / LambdaMax;

    /// <summary>Every α below 2/λmax converges; above it the dot flies off.</summary>
    public double StableAlpha => 2.0 / LambdaMax;

    /// <summary>The best fixed α, 2/(λmin + λmax): both extreme directions shrink at the same rate.</summary>
    public double BestAlpha => 2.0 / (LambdaMin + LambdaMax);

    /// <summary>κ = λmax / λmin: how long and narrow the valley is.</summary>
    public double Condition => LambdaMax / LambdaMin;

    /// <summary>
    /// |1 − α·λ|: the factor one step of learning rate <paramref name="alpha"/> multiplies the offset from the
    /// floor by, along a direction of curvature <paramref name="lambda"/> (below 1 it shrinks, above 1 it grows;
    /// the gap, quadratic in the offset, goes by its square).
    /// </summary>
    public static double Contraction(double alpha, double lambda) => Math.Abs(StepFactor(alpha, lambda));

    /// <summary>The contraction of the slower of the two extreme directions: max over λmin and λmax of |1 − α·λ|.</summary>
    public double Contraction(double alpha) => Math.Max(Contraction(alpha, LambdaMin), Contraction(alpha, LambdaMax));

    public static Curvature Of(Valley valley)
    {
        ArgumentNullException.ThrowIfNull(valley);
        var k = valley.CurvatureFactor;
        if (valley.IsBeta0Free && valley.IsBeta1Free)
        {
            var hessian = Matrix<double>.Build.DenseOfArray(new[,]
            {
                { k, k * valley.XBar },
                { k * valley.XBar, k * valley.M2 },
            });
            var evd = hessian.Evd(Symmetricity.Symmetric);
            var eigen = evd.EigenValues;
            var steep = eigen[0].Real >= eigen[1].Real ? 0 : 1;
            var lambdaMax = eigen[steep].Real;
            var (q0, q1) = (evd.EigenVectors[0, steep], evd.EigenVectors[1, steep]);

            // det H = k²·v exactly, so λmin = det/λmax: the smaller eigenvalue straight from the
            // decomposition loses its digits to cancellation when the valley is long and narrow.
            // The direction's sign is a convention: β0's component is made non-negative.
            return new Curvature((k * k * valley.V) / lambdaMax, lambdaMax)
            {
                SteepDirection = q0 < 0 || (q0 == 0 && q1 < 0) ? (-q0, -q1) : (q0, q1),
            };
        }

        var lambda = valley.IsBeta1Free ? k * valley.M2 : k;
        return new Curvature(lambda, lambda) { SteepDirection = valley.IsBeta1Free ? (0.0, 1.0) : (1.0, 0.0) };
    }
}
