using System.IO.Abstractions;
using LittleRedDot.Content;

namespace LittleRedDot.Content.Tests.Levels;

public sealed class LevelCheckerTests : IDisposable
{
    private const string Points = "[[0.4, 0.6], [0.8, 0.6], [1.2, 1.42], [1.6, 1.3], [2.0, 1.94], [2.4, 1.9], [2.8, 2.82], [3.2, 3.05], [3.6, 3.27], [4.0, 3.89]]";
    private readonly string root = Directory.CreateTempSubdirectory("lrd-checker-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_good_level_is_valid()
    {
        var report = Check(Write("pack/good.level.json", Level("good", "{ \"min\": -10, \"max\": -4 }", 8)));
        Assert.True(report.IsValid, string.Join("\n", report.Errors));
    }

    [Fact]
    public void A_start_box_touching_the_goal_is_invalid_at_the_tolerance()
    {
        // β1* ≈ 0.94 lies inside [−5, 5]: the minimum starting gap is 0 ≤ τ (RULES.md §3).
        var report = Check(Write("pack/ingoal.level.json", Level("ingoal", "{ \"min\": -5, \"max\": 5 }", 8)));
        Assert.True(report.IsWellFormed);
        Assert.False(report.IsValid);
        Assert.Equal(0.0, report.Solution!.MinStartGap);
        var error = Assert.Single(report.Errors);
        Assert.Equal("$.tolerance", error.Location);
        Assert.Contains("already in the goal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_par_no_choice_can_make_is_invalid_at_par()
    {
        // α ≤ 0.002 against λ = 12.32: far too slow to reach in 2 steps, however the start is chosen.
        var report = Check(Write("pack/slowpar.level.json", Level("slowpar", "{ \"min\": -10, \"max\": -4 }", 2, alphaMax: 0.002)));
        Assert.False(report.IsValid);
        var error = Assert.Single(report.Errors);
        Assert.Equal("$.par", error.Location);
        Assert.False(report.Solution!.ParAchievable);
    }

    [Fact]
    public void A_malformed_level_is_reported_with_every_error_and_no_solution()
    {
        var report = Check(Write("pack/bad.level.json", "{ \"id\": \"Bad\", \"budget\": 50.0 }"));
        Assert.False(report.IsWellFormed);
        Assert.Null(report.Solution);
        Assert.Contains(report.Errors, e => e.Location == "$.id");
        Assert.Contains(report.Errors, e => e.Location == "$.budget");
    }

    [Fact]
    public void Duplicate_ids_under_the_root_are_errors_on_both_files()
    {
        var a = Write("p1/a.level.json", Level("same", "{ \"min\": -10, \"max\": -4 }", 8));
        var b = Write("p2/b.level.json", Level("same", "{ \"min\": -10, \"max\": -4 }", 8));
        var checker = new LevelChecker(new FileSystem(), root);

        // Checking only one of them still finds its twin under the root.
        var one = Assert.Single(checker.Check([a]));
        Assert.Contains(one.Errors, e => e.Location == "$.id" && e.Message.Contains(b, StringComparison.Ordinal));
        Assert.All(checker.Check(checker.FindLevelFiles([], out _)), r => Assert.False(r.IsValid));
    }

    [Fact]
    public void Missing_paths_are_reported_and_folders_are_searched_recursively()
    {
        Write("p1/deep/er/a.level.json", Level("a", "{ \"min\": -10, \"max\": -4 }", 8));
        var checker = new LevelChecker(new FileSystem(), root);
        var files = checker.FindLevelFiles([Path.Combine(root, "p1"), Path.Combine(root, "nope.level.json")], out var missing);
        Assert.Single(files);
        Assert.Single(missing);
    }

    private static string Level(string id, string beta1, int par, double alphaMax = 0.1) =>
        $$"""
        { "id": "{{id}}", "title": "T", "cost": "mse", "data": { "points": {{Points}} },
          "beta0": { "fixed": 0 }, "beta1": {{beta1}},
          "alpha": { "min": 0.001, "max": {{alphaMax.ToString(System.Globalization.CultureInfo.InvariantCulture)}} },
          "budget": 50, "tolerance": 0.5, "par": {{par}} }
        """;

    private LevelReport Check(string file) => Assert.Single(new LevelChecker(new FileSystem(), root).Check([file]));

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
