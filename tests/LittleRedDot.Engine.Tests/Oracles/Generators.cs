using CsCheck;
using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>Varied data for the property tests: small and large N, centred data and data far from the origin.</summary>
public static class Generators
{
    /// <summary>A data set: x = xOffset + spread·u, y = yOffset + slope·(x − xOffset) + noise, u, noise uniform.</summary>
    public sealed record Points(double[] X, double[] Y)
    {
        public override string ToString() =>
            $"x = [{string.Join(", ", X.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}], y = [{string.Join(", ", Y.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
    }

    /// <summary>Offsets include the far-away cases of issue 2: x ≈ 2000 and y ≈ 1e5.</summary>
    public static Gen<Points> Data(bool farOffsets = true, int maxPoints = 40) =>
        from n in Gen.Int[2, maxPoints]
        from xOffset in farOffsets ? Gen.OneOf(0.0, 2000.0, -750.0, 1e4) : Gen.Const(0.0)
        from yOffset in farOffsets ? Gen.OneOf(0.0, 1e5, -3e3) : Gen.Const(0.0)
        from spread in Gen.Double[0.1, 50]
        from slope in Gen.Double[-20, 20]
        from noise in Gen.Double[0, 10]
        from u in Gen.Double[-1, 1].Array[n]
        from e in Gen.Double[-1, 1].Array[n]
        where Variance(u) > 0.01
        select Make(u, e, xOffset, yOffset, spread, slope, noise);

    /// <summary>Well-conditioned data near the origin, for runs that must converge in a few thousand steps.</summary>
    public static Gen<Points> Tame() =>
        from n in Gen.Int[3, 25]
        from slope in Gen.Double[-5, 5]
        from intercept in Gen.Double[-5, 5]
        from noise in Gen.Double[0, 2]
        from u in Gen.Double[-2, 2].Array[n]
        from e in Gen.Double[-1, 1].Array[n]
        where Variance(u) > 0.2
        select new Points(u, u.Select((v, i) => intercept + (slope * v) + (noise * e[i])).ToArray());

    /// <summary>Which parameters are free: both, β0 fixed, or β1 fixed (the fixed value drawn near the data's own fit).</summary>
    public enum Freedom
    {
        Both,
        Beta0Fixed,
        Beta1Fixed,
    }

    public static Gen<Freedom> Freedoms => Gen.OneOf(Freedom.Both, Freedom.Beta0Fixed, Freedom.Beta1Fixed);

    public static (ParameterRule B0, ParameterRule B1) Rules(Freedom freedom, double fixedValue) => freedom switch
    {
        Freedom.Beta0Fixed => (ParameterRule.Fixed(fixedValue), ParameterRule.Range(-1e12, 1e12)),
        Freedom.Beta1Fixed => (ParameterRule.Range(-1e12, 1e12), ParameterRule.Fixed(fixedValue)),
        _ => (ParameterRule.Range(-1e12, 1e12), ParameterRule.Range(-1e12, 1e12)),
    };

    public static double Variance(double[] v)
    {
        var mean = v.Average();
        return v.Sum(a => (a - mean) * (a - mean)) / v.Length;
    }

    private static Points Make(double[] u, double[] e, double xOffset, double yOffset, double spread, double slope, double noise)
    {
        var x = u.Select(v => xOffset + (spread * v)).ToArray();
        var y = u.Select((v, i) => yOffset + (slope * spread * v) + (noise * e[i])).ToArray();
        return new Points(x, y);
    }
}
