using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Benchmarks;

/// <summary>Loading a level over a 1,000,000-row CSV (parse, statistics, valley, hash) and running a shipped level.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    private readonly FileSystem fileSystem = new();
    private string levelPath = null!;
    private LevelDefinition article = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Fixtures.TempFolder("csv");
        Fixtures.WriteCsv(Path.Combine(folder, "million.csv"), 1_000_000);
        levelPath = Path.Combine(folder, "million.level.json");
        File.WriteAllText(levelPath, """
            { "id": "million", "title": "A million points", "cost": "mse",
              "data": { "csv": "million.csv", "x": "x", "y": "y" },
              "beta0": { "min": -5, "max": 5 }, "beta1": { "min": -5, "max": 5 },
              "alpha": { "min": 1e-7, "max": 0.1 }, "budget": 2000, "tolerance": 1e-9, "par": 2000 }
            """);
        var library = new LevelLibrary(fileSystem, Fixtures.ShippedLevels());
        var first = library.Catalog.Packs()[0].LevelFiles[0];
        article = library.Loader.Load(first);
    }

    [Benchmark(Description = "load a level over a 1,000,000-row CSV, with its hash")]
    public string LoadMillionRowLevel() => new LevelLoader(fileSystem, null).Load(levelPath).Sha256;

    [Benchmark(Description = "a full run of the first shipped level at the best fixed α")]
    public RunResult RunShippedLevel()
    {
        var rules = article.Level.Rules;
        var alpha = Math.Clamp(article.Level.Curvature.BestAlpha, rules.AlphaMin, rules.AlphaMax);
        return Descent.Run(article.Level, new Choice(alpha, rules.Beta0.Min, rules.Beta1.Min));
    }
}
