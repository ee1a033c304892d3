using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Benchmarks;

/// <summary>The solver over each shipped pack: what check-levels does per level, without the file reading.</summary>
public class SolverBenchmarks
{
    private Dictionary<string, Level[]> packs = null!;

    public IEnumerable<string> PackNames() => Load().Keys;

    [ParamsSource(nameof(PackNames))]
    public string Pack { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => packs = Load();

    [Benchmark(Description = "solve every level of a pack")]
    public int SolvePack()
    {
        var valid = 0;
        foreach (var level in packs[Pack])
        {
            valid += Solver.Solve(level).IsValid ? 1 : 0;
        }

        return valid;
    }

    private static Dictionary<string, Level[]> Load()
    {
        var library = new LevelLibrary(new FileSystem(), Fixtures.ShippedLevels());
        return library.Catalog.Packs().ToDictionary(p => p.Name, p => p.LevelFiles.Select(f => library.Loader.Load(f).Level).ToArray());
    }
}
