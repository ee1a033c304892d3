using LittleRedDot.Engine;

namespace LittleRedDot.Engine.Tests.Oracles;

/// <summary>Small helpers to build engine levels in tests.</summary>
public static class TestLevels
{
    public static Level Make(
        double[] x,
        double[] y,
        CostKind cost = CostKind.Mse,
        ParameterRule? beta0 = null,
        ParameterRule? beta1 = null,
        double alphaMin = 1e-12,
        double alphaMax = 1e6,
        int budget = 1000,
        double tolerance = 1e-9,
        int? par = null)
    {
        var rules = new LevelRules(
            cost,
            beta0 ?? ParameterRule.Range(-1e12, 1e12),
            beta1 ?? ParameterRule.Range(-1e12, 1e12),
            alphaMin,
            alphaMax,
            budget,
            tolerance,
            par ?? Math.Max(1, budget / 4));
        return new Level(rules, new DataSet((double[])x.Clone(), (double[])y.Clone()));
    }

    /// <summary>Relative distance |a − b| / max(|a|, |b|, tiny).</summary>
    public static double Relative(double a, double b) =>
        a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), double.Epsilon);

    /// <summary>Collects every state of a run.</summary>
    public sealed class Recorder : IRunObserver
    {
        public List<RunState> States { get; } = [];

        public void OnState(in RunState state) => States.Add(state);
    }
}
