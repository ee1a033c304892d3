using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Levels;

public class ShippedLevelsTests(ShippedLevels shipped) : IClassFixture<ShippedLevels>
{
    [Theory]
    [MemberData(nameof(ShippedLevels.RelativeFiles), MemberType = typeof(ShippedLevels))]
    public void Every_shipped_level_loads_is_valid_and_its_par_is_achievable(string file)
    {
        // Oracle: LevelChecker, the same logic as `check-levels` (RULES.md §3, §6); its best choice is an engine run.
        var report = shipped.Reports.Single(r => r.Path == Path.Combine(shipped.Root, file));
        Assert.True(report.IsWellFormed, string.Join("\n", report.Errors));
        Assert.Empty(report.Errors);
        Assert.True(report.Solution!.StartsOutsideGoal, $"minStartGap {report.Solution.MinStartGap} ≤ τ");
        Assert.True(report.Solution.ParAchievable, $"best {report.Solution.BestRun?.Steps} steps > par {report.Definition!.Level.Rules.Par}");
        Assert.True(report.IsValid);

        // The confirmed best really is what the engine does with that choice (exact, by record equality).
        Assert.Equal(report.Solution.BestRun, Descent.Run(report.Definition!.Level, report.Solution.Best!.Value));
    }

    [Theory]
    [MemberData(nameof(ShippedLevels.RelativeFiles), MemberType = typeof(ShippedLevels))]
    public void Every_shipped_level_has_a_title_a_story_and_one_to_three_hints(string file)
    {
        var spec = shipped.Reports.Single(r => r.Path == Path.Combine(shipped.Root, file)).Definition!.Spec;
        Assert.False(string.IsNullOrWhiteSpace(spec.Title));
        Assert.False(string.IsNullOrWhiteSpace(spec.Story));
        Assert.InRange(spec.Hints.Count, 1, 3);
        Assert.Equal(RulesVersion.Current, spec.RulesVersion);
        if (spec.Data.Csv is not null)
        {
            // Real data carries its provenance (shared/data/README.md).
            Assert.False(string.IsNullOrWhiteSpace(spec.Credits));
        }
    }

    [Fact]
    public void The_packs_are_at_least_four_with_sixteen_levels_and_a_workshop_of_five()
    {
        var packs = new LevelCatalog(new FileSystem(), shipped.Root).Packs();
        Assert.True(packs.Count >= 4, $"{packs.Count} packs");
        Assert.True(packs.Sum(p => p.LevelFiles.Count) >= 16);
        Assert.All(packs, p => Assert.True(File.Exists(Path.Combine(p.Folder, "pack.json")), $"{p.Name} has no pack.json"));
        Assert.Equal(["01-the-article", "02-two-dials", "03-real-data", "04-workshop"], packs.Select(p => p.Name).Take(4));
        var workshop = Assert.Single(packs, p => p.Workshop);
        Assert.Equal(5, workshop.LevelFiles.Count);
        Assert.Equal(shipped.Files.Count, packs.Sum(p => p.LevelFiles.Count));
    }

    [Fact]
    public void Workshop_pars_reward_the_alpha_read_from_the_curvature()
    {
        // Oracle: the engine's run with α = 0.95·2/(λmin + λmax) (a careful reading, kept a hair below the best
        // fixed α) from the middle of the start box: it must earn par. That is the workshop pack's promise.
        var packs = new LevelCatalog(new FileSystem(), shipped.Root).Packs();
        foreach (var file in packs.Single(p => p.Workshop).LevelFiles)
        {
            var level = shipped.Reports.Single(r => r.Path == file).Definition!.Level;
            var rules = level.Rules;
            var alpha = Math.Clamp(0.95 * level.Curvature.BestAlpha, rules.AlphaMin, rules.AlphaMax);
            var b0 = Engine.Solver.GridStarts(rules.Beta0);
            var b1 = Engine.Solver.GridStarts(rules.Beta1);
            var run = Descent.Run(level, new Choice(alpha, b0[b0.Length / 2], b1[b1.Length / 2]));
            Assert.True(run.Outcome == Outcome.Reached && run.Steps <= rules.Par, $"{Path.GetFileName(file)}: {run.Outcome} in {run.Steps}, par {rules.Par}");
        }
    }
}
