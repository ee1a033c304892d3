using CsCheck;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>Starting offsets from the valley: each in ±[0.05, 1] so that a start is never already at the floor.</summary>
public static class Starts
{
    public static Gen<double> Offset { get; } =
        Gen.Select(Gen.Double[0.05, 1], Gen.Bool, (d, negative) => negative ? -d : d);

    /// <summary>A start (β0, β1) around β*, offset by d·(1 + |β*|) in each free parameter; fixed ones at their value.</summary>
    public static (double B0, double B1) Around(Valley valley, ParameterRule r0, ParameterRule r1, double d0, double d1) =>
        (r0.IsFixed ? r0.Value : valley.Beta0Star + (d0 * (1 + Math.Abs(valley.Beta0Star))),
         r1.IsFixed ? r1.Value : valley.Beta1Star + (d1 * (1 + Math.Abs(valley.Beta1Star))));
}
