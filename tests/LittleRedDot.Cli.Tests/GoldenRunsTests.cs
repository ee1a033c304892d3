using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli.Tests;

/// <summary>
/// Golden runs (issue 4): saved runs for every shipped level, replayed bit for bit. A change of arithmetic,
/// rules or level data makes them fail until rulesVersion is bumped and they are regenerated with
/// <c>LITTLEREDDOT_REGENERATE_GOLDEN=1 dotnet test --filter GoldenRuns</c> (see the README). The oracle is
/// the run as it was saved: nothing here recomputes the expectation from the code under test. Regenerating
/// is never also the check: in that mode the checks fail, so the new files are checked by a second run.
/// </summary>
public sealed class GoldenRunsTests
{
    private const string RegenerateVariable = "LITTLEREDDOT_REGENERATE_GOLDEN";
    private static readonly DateTimeOffset SavedAt = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly FileSystem fs = new();

    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RunsFolder, "*.run.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LittleRedDot.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("the repository root (LittleRedDot.sln) is not above the test output");
        }
    }

    private static string LevelsRoot => Path.Combine(RepositoryRoot, "levels");

    private static string RunsFolder => Path.Combine(RepositoryRoot, "tests", "LittleRedDot.Cli.Tests", "runs");

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void GoldenRuns_replay_verified(string name)
    {
        NotRegenerating();
        var library = new LevelLibrary(fs, LevelsRoot);
        var verdict = new RunFileChecker(fs, library.Find).Check(Path.Combine(RunsFolder, name));
        Assert.True(verdict.Verified, $"{name}: {verdict.Message}");
    }

    [Fact]
    public void GoldenRuns_cover_every_shipped_level_and_every_outcome()
    {
        NotRegenerating();
        var library = new LevelLibrary(fs, LevelsRoot);
        var runs = Directory.GetFiles(RunsFolder, "*.run.json").Select(f => RunFileReader.Read(File.ReadAllBytes(f), f)).ToArray();
        var ids = library.Catalog.Packs().SelectMany(p => p.LevelFiles).Select(f => library.Loader.ReadSpec(f).Id).ToArray();
        Assert.NotEmpty(ids);
        Assert.Empty(ids.Except(runs.Select(r => r.LevelId)));
        Assert.Equal(
            [Outcome.Reached, Outcome.Diverged, Outcome.OutOfSteps],
            runs.Select(r => r.Result!.Outcome).Distinct().Order());
    }

    /// <summary>Writes the golden runs afresh when asked to (and only then; skipped, visibly, otherwise).</summary>
    [SkippableFact]
    public void GoldenRuns_regenerate_when_asked()
    {
        Skip.IfNot(Regenerating, $"set {RegenerateVariable}=1 to write the golden runs afresh");
        var count = Regenerate();
        Assert.Fail($"wrote {count} golden runs; run the tests again without {RegenerateVariable} to check them");
    }

    private static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    private static void NotRegenerating() =>
        Assert.False(Regenerating, $"{RegenerateVariable}=1 writes the golden runs; checking what was just written would prove nothing: run again without it");

    /// <summary>
    /// For every shipped level: the solver's best choice, and α at each end of its range from the start
    /// farthest from the floor — between them the three outcomes of RULES.md §3.
    /// </summary>
    private int Regenerate()
    {
        var count = 0;
        foreach (var stale in Directory.GetFiles(RunsFolder, "*.run.json"))
        {
            File.Delete(stale);
        }

        var library = new LevelLibrary(fs, LevelsRoot);
        foreach (var file in library.Catalog.Packs().SelectMany(p => p.LevelFiles))
        {
            var level = library.Loader.Load(file);
            var rules = level.Level.Rules;
            var far = FarthestStart(level.Level);
            var choices = new List<(string Name, Choice Choice)>
            {
                ("alpha-min", new Choice(rules.AlphaMin, far.Beta0, far.Beta1)),
                ("alpha-max", new Choice(rules.AlphaMax, far.Beta0, far.Beta1)),
            };
            if (Solver.Solve(level.Level).Best is { } best)
            {
                choices.Insert(0, ("best", best));
            }

            foreach (var (name, choice) in choices)
            {
                var run = RunRecorder.Record(level, choice, "golden", SavedAt);
                AtomicFile.Write(fs, Path.Combine(RunsFolder, $"{level.Id}.{name}.run.json"), RunFileWriter.ToBytes(run));
                count++;
            }
        }

        return count;
    }

    private static (double Beta0, double Beta1) FarthestStart(Level level)
    {
        var r = level.Rules;
        var corners =
            from b0 in new[] { r.Beta0.Min, r.Beta0.Max }
            from b1 in new[] { r.Beta1.Min, r.Beta1.Max }
            select (b0, b1);
        return corners.MaxBy(c => level.Valley.Gap(c.b0, c.b1));
    }
}
