using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Benchmarks;

/// <summary>Verifying 10,000 saved runs, as `replay` and the workshop board do: each level loaded once.</summary>
public class ReplayBenchmarks
{
    private const int Runs = 10_000;
    private readonly FileSystem fileSystem = new();
    private string runsFolder = null!;
    private string levelsRoot = null!;

    [GlobalSetup]
    public void Setup()
    {
        levelsRoot = Fixtures.ShippedLevels();
        var library = new LevelLibrary(fileSystem, levelsRoot);
        var levels = library.Catalog.Packs().SelectMany(p => p.LevelFiles).Select(library.Loader.Load).ToArray();
        runsFolder = Fixtures.TempFolder("runs");
        foreach (var stale in Directory.GetFiles(runsFolder))
        {
            File.Delete(stale);
        }

        var random = new Random(5);
        for (var i = 0; i < Runs; i++)
        {
            var level = levels[i % levels.Length];
            var rules = level.Level.Rules;
            var choice = new Choice(
                rules.AlphaMin + (random.NextDouble() * (rules.AlphaMax - rules.AlphaMin)),
                rules.Beta0.IsFixed ? rules.Beta0.Value : rules.Beta0.Min,
                rules.Beta1.IsFixed ? rules.Beta1.Value : rules.Beta1.Min);
            if (level.Level.CheckChoice(choice) is not null)
            {
                continue;
            }

            var run = RunRecorder.Record(level, choice, $"player{i % 100}", DateTimeOffset.UnixEpoch.AddSeconds(i));
            File.WriteAllBytes(Path.Combine(runsFolder, $"run{i:D5}.run.json"), RunFileWriter.ToBytes(run));
        }
    }

    [Benchmark(Description = "verify 10,000 saved runs")]
    public int VerifyAll()
    {
        var library = new LevelLibrary(fileSystem, levelsRoot);
        var checker = new RunFileChecker(fileSystem, library.Find);
        var verified = 0;
        foreach (var file in checker.Expand([runsFolder]))
        {
            verified += checker.Check(file).Verified ? 1 : 0;
        }

        return verified;
    }
}
