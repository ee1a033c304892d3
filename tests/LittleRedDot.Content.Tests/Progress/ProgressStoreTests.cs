using System.Text.Json.Nodes;
using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Progress;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly ProgressFixture f = new();

    public void Dispose() => f.Dispose();

    private ProgressStore Store(string player = "ada") => new(f.FileSystem, f.Data, player, f.Time);

    private RunFile Run(double alpha, string player = "ada") => RunRecorder.Record(f.Level, new Choice(alpha, 0, -4), player, f.Time.GetUtcNow());

    [Fact]
    public void The_best_run_is_kept_and_a_worse_one_is_not()
    {
        var store = Store();
        Assert.Null(store.Best(f.Level));

        // Scores by hand (ProgressFixture): α 0.02 → 8333, α 0.04 → 9666; RULES.md §4 ranks the higher score first.
        Assert.True(store.Offer(f.Level, Run(0.02)));
        Assert.Equal(8333, store.Best(f.Level)!.Result.Score);
        Assert.True(store.Offer(f.Level, Run(0.04)));
        Assert.Equal(9666, store.Best(f.Level)!.Result.Score);
        var kept = File.ReadAllBytes(store.PathFor("p-01"));
        Assert.False(store.Offer(f.Level, Run(0.02)));
        Assert.Equal(kept, File.ReadAllBytes(store.PathFor("p-01"))); // untouched
        Assert.Empty(store.TakeProblems());
    }

    [Fact]
    public void On_a_tie_the_earlier_run_stays()
    {
        var store = Store();
        Assert.True(store.Offer(f.Level, Run(0.04)));
        f.Time.Advance(TimeSpan.FromHours(1));

        // Same choice, same result: RULES.md §4 breaks the tie by savedAt, earlier first.
        Assert.False(store.Offer(f.Level, Run(0.04)));
        Assert.Equal("2026-11-26T10:15:00Z", store.Best(f.Level)!.Run.SavedAt);
    }

    [Fact]
    public void Each_player_has_a_folder_of_their_own()
    {
        Store("ada").Offer(f.Level, Run(0.04, "ada"));
        Assert.Null(Store("Ada").Best(f.Level)); // a player is the exact name (RULES.md §4)
        Assert.NotEqual(PlayerFolderName.Of("ada"), PlayerFolderName.Of("Ada"));
        Assert.Matches("^[a-z0-9-]+$", PlayerFolderName.Of("Ada ../\u202e\u0000 Lovelace"));
    }

    [Fact]
    public void A_corrupt_file_is_reported_and_moved_aside_never_a_crash()
    {
        var store = Store();
        var path = store.PathFor("p-01");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{ this is not json");

        Assert.Null(store.Best(f.Level));
        var problem = Assert.Single(store.TakeProblems());
        Assert.Contains("not a valid run file", problem.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(path + ".corrupt-20261126T101500Z", problem.MovedTo);
        Assert.Equal("{ this is not json", File.ReadAllText(problem.MovedTo!)); // kept, for the curious

        // The next run is saved as if nothing had happened.
        Assert.True(store.Offer(f.Level, Run(0.04)));
    }

    [Fact]
    public void A_tampered_file_is_moved_aside()
    {
        var store = Store();
        store.Offer(f.Level, Run(0.02));
        var path = store.PathFor("p-01");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["result"]!["score"] = 10000;
        File.WriteAllText(path, json.ToJsonString());

        Assert.Null(store.Best(f.Level));
        var problem = Assert.Single(store.TakeProblems());
        Assert.Contains("result.score differs", problem.Message, StringComparison.Ordinal); // RunVerifier's words
        Assert.NotNull(problem.MovedTo);
    }

    [Fact]
    public void A_run_made_under_other_rules_is_replayed_from_its_choice_and_rescored()
    {
        var store = Store();
        store.Offer(f.Level, Run(0.04));
        var path = store.PathFor("p-01");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["rulesVersion"] = 0;
        json["result"]!["score"] = 1; // whatever the old rules said
        File.WriteAllText(path, json.ToJsonString());

        var best = store.Best(f.Level)!;

        // Oracle: the same choice under the current rules — reached at step 2, score 9666 (ProgressFixture).
        Assert.True(best.Rescored);
        Assert.Equal(9666, best.Result.Score);
        Assert.Equal(new Choice(0.04, 0, -4), best.Run.Choice);
        Assert.Equal(RulesVersion.Current, best.Run.RulesVersion);
        Assert.Contains("re-scored", Assert.Single(store.TakeProblems()).Message, StringComparison.Ordinal);

        // Saved back: the next read verifies as it is.
        Assert.False(Store().Best(f.Level)!.Rescored);
    }

    [Fact]
    public void A_run_on_an_earlier_version_of_the_level_is_rescored_on_the_new_one()
    {
        var store = Store();
        store.Offer(f.Level, Run(0.04));
        File.WriteAllText(f.LevelFile, ProgressFixture.LevelJson.Replace("\"budget\": 30", "\"budget\": 40", StringComparison.Ordinal));
        var changed = f.Reload();

        var best = Store().Best(changed)!;

        // Reached at step 2 as before, scored against the new budget: ⌊10000·39/40⌋ = 9750.
        Assert.True(best.Rescored);
        Assert.Equal(9750, best.Result.Score);
        Assert.Equal(changed.Sha256, best.Run.LevelSha256);
    }

    [Fact]
    public void A_run_whose_choice_no_longer_fits_the_level_is_moved_aside()
    {
        Store().Offer(f.Level, Run(0.04));
        File.WriteAllText(f.LevelFile, ProgressFixture.LevelJson.Replace("\"max\": 0.15", "\"max\": 0.03", StringComparison.Ordinal));
        var store = Store();
        Assert.Null(store.Best(f.Reload()));
        var problem = Assert.Single(store.TakeProblems());
        Assert.Contains("no longer fits", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.MovedTo);
    }

    [Fact]
    public void Saves_are_atomic_no_temporary_file_is_left_and_a_failed_save_changes_nothing()
    {
        var store = Store();
        store.Offer(f.Level, Run(0.02));
        store.Offer(f.Level, Run(0.04));
        Assert.Equal("p-01.run.json", Path.GetFileName(Assert.Single(Directory.GetFiles(store.Folder))));

        // A folder where the file should go: the save fails with a message and the store keeps working.
        var other = Store("grace");
        Directory.CreateDirectory(other.PathFor("p-01"));
        var error = Assert.Throws<ContentException>(() => other.Offer(f.Level, Run(0.04, "grace")));
        Assert.Contains("is a folder", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(9666, store.Best(f.Level)!.Result.Score);
    }

    [Fact]
    public void The_runs_folder_gets_a_new_file_for_every_run()
    {
        var folder = new RunsFolder(f.FileSystem, Path.Combine(f.Root, "room"));
        var first = folder.Save(Run(0.04));
        var second = folder.Save(Run(0.04)); // the same second: a second name, nothing overwritten
        Assert.NotEqual(first, second);
        Assert.EndsWith(".run.json", second, StringComparison.Ordinal);
        var checker = new RunFileChecker(f.FileSystem, id => id == "p-01" ? f.Level : null);
        Assert.True(checker.Check(first).Verified);
        Assert.True(checker.Check(second).Verified);
    }
}
