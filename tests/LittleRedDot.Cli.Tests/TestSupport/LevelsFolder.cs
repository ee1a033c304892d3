using System.IO.Abstractions;
using LittleRedDot.Content;

namespace LittleRedDot.Cli.Tests.TestSupport;

/// <summary>
/// A temporary levels root with a few levels:
/// t-01 — data (1, 2), (2, 3), (3, 5), mse, both free in [−10, 10], α in [0.001, 0.2], budget 50, τ 0.01, par 10
/// (its valley is hand-derived in the engine tests: β* = (1/3, 3/2), J* = 1/18);
/// t-fixed — the same data with β0 fixed at 0 and β1 in [−10, 10];
/// t-point — β1's start range is the single value 0, so --beta1 may be left out.
/// </summary>
public sealed class LevelsFolder : IDisposable
{
    public const string Level = """
        {
          "id": "t-01",
          "title": "Three points",
          "rulesVersion": 1,
          "cost": "mse",
          "data": { "points": [[1, 2], [2, 3], [3, 5]] },
          "beta0": { "min": -10, "max": 10 },
          "beta1": { "min": -10, "max": 10 },
          "alpha": { "min": 0.001, "max": 0.2 },
          "budget": 50,
          "tolerance": 0.01,
          "par": 10
        }
        """;

    public LevelsFolder()
    {
        Path = Directory.CreateTempSubdirectory("lrd-cli-").FullName;
        Root = System.IO.Path.Combine(Path, "levels");
        Write("levels/pack/t-01.level.json", Level);
        Write("levels/pack/t-fixed.level.json", Level.Replace("\"t-01\"", "\"t-fixed\"", StringComparison.Ordinal).Replace("\"beta0\": { \"min\": -10, \"max\": 10 }", "\"beta0\": { \"fixed\": 0 }", StringComparison.Ordinal));
        Write("levels/pack/t-point.level.json", Level.Replace("\"t-01\"", "\"t-point\"", StringComparison.Ordinal).Replace("\"beta1\": { \"min\": -10, \"max\": 10 }", "\"beta1\": { \"min\": 0, \"max\": 0 }", StringComparison.Ordinal));
    }

    public string Path { get; }

    /// <summary>The levels root, for --levels.</summary>
    public string Root { get; }

    public string LevelPath => Combine("levels", "pack", "t-01.level.json");

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Write(string relative, string text)
    {
        var full = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public LevelDefinition Load(string id) => new LevelLibrary(new FileSystem(), Root).Find(id)!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
