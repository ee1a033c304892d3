using System.IO.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Content.Tests.Progress;

/// <summary>A temp folder with one small level (β0 fixed, β1 free) and a data folder for progress.</summary>
public sealed class ProgressFixture : IDisposable
{
    // Data (1,2.2) (2,3.9) (3,6.1) (4,8.2) (5,9.8), mse, β0 fixed at 0. By hand (RULES.md §5): m2 = 11, λ = 22;
    // from β1 = −4, α = 0.04 multiplies e by 0.12 a step → reached at step 2, score ⌊10000·29/30⌋ = 9666;
    // α = 0.02 multiplies e by 0.56 → gap 396·0.56^(2k) ≤ 0.5 first at k = 6 → score ⌊10000·25/30⌋ = 8333.
    public const string LevelJson = """
        {
          "id": "p-01",
          "title": "Progress level",
          "cost": "mse",
          "data": { "points": [[1, 2.2], [2, 3.9], [3, 6.1], [4, 8.2], [5, 9.8]] },
          "beta0": { "fixed": 0 },
          "beta1": { "min": -4, "max": -1 },
          "alpha": { "min": 0.001, "max": 0.15 },
          "budget": 30,
          "tolerance": 0.5,
          "par": 3
        }
        """;

    public ProgressFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "lrd-progress-" + Guid.NewGuid().ToString("N"));
        Levels = Path.Combine(Root, "levels");
        Data = Path.Combine(Root, "data");
        Directory.CreateDirectory(Path.Combine(Levels, "pack"));
        LevelFile = Path.Combine(Levels, "pack", "p-01.level.json");
        File.WriteAllText(LevelFile, LevelJson);
        Level = new LevelLibrary(FileSystem, Levels).Find("p-01")!;
    }

    public IFileSystem FileSystem { get; } = new FileSystem();

    public string Root { get; }

    public string Levels { get; }

    public string Data { get; }

    public string LevelFile { get; }

    public LevelDefinition Level { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 10, 15, 0, TimeSpan.Zero));

    /// <summary>The level as loaded again from its file (after a test changed it).</summary>
    public LevelDefinition Reload() => new LevelLibrary(FileSystem, Levels).Find("p-01")!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
