using BenchmarkDotNet.Attributes;
using LittleRedDot.Engine;

namespace LittleRedDot.Benchmarks;

/// <summary>
/// One descent step at N = 10², 10⁴, 10⁶ points: the statistics are taken once per level, so a step
/// costs the same whatever N is (RULES.md §5). Measured as a 1,000-step run that runs out of steps.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    private const int Steps = 1000;
    private Level level = null!;

    [Params(100, 10_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = new LevelRules(CostKind.Mse, ParameterRule.Range(-5, 5), ParameterRule.Range(-5, 5), 1e-9, 1, Steps, 1e-12, Steps);
        level = new Level(rules, Fixtures.Line(N));
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "one step")]
    public RunResult Step() => Descent.Run(level, new Choice(1e-6, -5, -5));
}
