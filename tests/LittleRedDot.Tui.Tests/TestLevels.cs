using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Small levels written into a temporary levels folder for each test (never the shipped ones), with
/// outcomes checked by hand below.
/// </summary>
public sealed class TestLevels : IDisposable
{
    // Slope level: data (1,2.2) (2,3.9) (3,6.1) (4,8.2) (5,9.8), β0 fixed at 0, mse.
    // By hand (RULES.md §5): Q = Σx² = 55, m2 = 11, Σx·y = 2.2 + 7.8 + 18.3 + 32.8 + 49 = 110.1, β1* = 110.1/55 = 2.00181…,
    // λ = k·m2 = 22, so the bounce threshold is 1/22 ≈ 0.0455 and the stability limit 2/22 ≈ 0.0909.
    // From β1 = −4 the gap is m2·e² ≈ 11·36.02 ≈ 396; each step multiplies e by (1 − 22α):
    //   α = 0.04  → e × 0.12 per step: gap 5.7 after 1 step, 0.08 after 2 → reached at step 2 (score ⌊10000·29/30⌋ = 9666, 3 stars, par 3);
    //   α = 0.15  → e × (−2.3): gap × 5.29 per step, past 10⁶·gap₀ when 5.29^k > 10⁶, k = 9 → diverged at step 9;
    //   α = 0.001 → e × 0.978: gap × 0.956 per step, 0.956^30 ≈ 0.26, far from 0.5/396 → out of steps after 30.
    public const string Slope = """
        {
          "id": "t-01-slope",
          "title": "Slope only",
          "story": "The toy car rolls farther the **harder** you push.\n\n- *Small* steps are safe.\n- Big ones bounce.",
          "hints": ["Try a `small` alpha first.", "Second hint."],
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

    // Both free: data x = 0…5, the valley is long and narrow (κ ≈ 33); checked with `littlereddot run`:
    // α = 0.09 from (−6, −2) reaches at step 28.
    public const string Both = """
        {
          "id": "t-02-both",
          "title": "Two knobs",
          "cost": "mse",
          "data": { "points": [[0, 1.1], [1, 2.9], [2, 5.2], [3, 6.8], [4, 9.1], [5, 11.0]] },
          "beta0": { "min": -6, "max": -2 },
          "beta1": { "min": -2, "max": 0 },
          "alpha": { "min": 0.001, "max": 0.12 },
          "budget": 120,
          "tolerance": 0.5,
          "par": 30
        }
        """;

    public const string Workshop = """
        {
          "id": "w-01-room",
          "title": "Room level",
          "hints": ["SECRET HINT"],
          "cost": "half-mse",
          "data": { "points": [[1, 3.0], [2, 4.1], [3, 4.9], [4, 6.2]] },
          "beta0": { "min": -5, "max": -1 },
          "beta1": { "fixed": 1 },
          "alpha": { "min": 0.01, "max": 2.5 },
          "budget": 20,
          "tolerance": 0.05,
          "par": 4
        }
        """;

    // The slope level with its start set by the level (a start range of one value): only α is the player's.
    public static readonly string SetStart = Slope
        .Replace("\"t-01-slope\"", "\"s-01-set\"", StringComparison.Ordinal)
        .Replace("\"Slope only\"", "\"Start set\"", StringComparison.Ordinal)
        .Replace("\"beta1\": { \"min\": -4, \"max\": -1 }", "\"beta1\": { \"min\": -4, \"max\": -4 }", StringComparison.Ordinal);

    public TestLevels()
    {
        Root = Path.Combine(Path.GetTempPath(), "lrd-tui-" + Guid.NewGuid().ToString("N"));
        Levels = Path.Combine(Root, "levels");
        Data = Path.Combine(Root, "data");
        Config = Path.Combine(Root, "config");
        Directory.CreateDirectory(Path.Combine(Levels, "1-first"));
        Directory.CreateDirectory(Path.Combine(Levels, "2-room"));
        File.WriteAllText(Path.Combine(Levels, "1-first", "pack.json"), """{ "title": "First steps", "description": "Meet the dot." }""");
        File.WriteAllText(Path.Combine(Levels, "1-first", "01-slope.level.json"), Slope);
        File.WriteAllText(Path.Combine(Levels, "1-first", "02-both.level.json"), Both);
        File.WriteAllText(Path.Combine(Levels, "2-room", "pack.json"), """{ "title": "Room", "workshop": true }""");
        File.WriteAllText(Path.Combine(Levels, "2-room", "01-room.level.json"), Workshop);
        Directory.CreateDirectory(Path.Combine(Levels, "3-set"));
        File.WriteAllText(Path.Combine(Levels, "3-set", "pack.json"), """{ "title": "Set starts", "description": "Levels that set where the dot starts, so that only the learning rate is yours to choose." }""");
        File.WriteAllText(Path.Combine(Levels, "3-set", "01-set.level.json"), SetStart);
    }

    public string Root { get; }

    /// <summary>The levels folder this repository ships (levels/ beside LittleRedDot.sln).</summary>
    public static string ShippedLevels()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LittleRedDot.sln")))
            {
                return Path.Combine(dir.FullName, "levels");
            }
        }

        throw new DirectoryNotFoundException($"no LittleRedDot.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Replaces the small test levels here with a copy of the shipped ones, so that playing them writes nothing into the repository.</summary>
    public TestLevels WithShippedLevels()
    {
        Directory.Delete(Levels, recursive: true);
        var from = ShippedLevels();
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(Levels, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return this;
    }

    public string Levels { get; }

    public string Data { get; }

    public string Config { get; }

    public string SettingsFile => Path.Combine(Config, "settings.json");

    /// <summary>
    /// Records <paramref name="player"/>'s run on a level here from <paramref name="choice"/> (the engine decides it)
    /// and saves it as a run file, dated an hour before <see cref="GameHarness"/>'s clock so that it is settled.
    /// </summary>
    public string SaveRun(string levelId, Choice choice, string player, string file)
    {
        var level = new LevelLibrary(new FileSystem(), Levels).Find(levelId)!;
        var run = RunRecorder.Record(level, choice, player, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        File.WriteAllBytes(file, RunFileWriter.ToBytes(run));
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 11, 26, 9, 15, 0, DateTimeKind.Utc));
        return file;
    }

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
