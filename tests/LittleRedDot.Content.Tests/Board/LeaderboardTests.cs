using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LittleRedDot.Content.Tests.Board;

/// <summary>
/// The workshop leaderboard (RULES.md §4, §8; issue 6): only verified runs count, each player's best run
/// per level, players ranked by total score, stars, bounces, name. Expected orders are worked out by hand
/// from §4 in the comments; scores are §4's formula applied to the step counts the engine reports.
/// </summary>
public sealed class LeaderboardTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly string root = Directory.CreateTempSubdirectory("lrd-board-").FullName;
    private readonly FileSystem fs = new();
    private readonly string runs;
    private readonly LevelLibrary library;

    public LeaderboardTests()
    {
        // Pack "room": two one-parameter levels on y = 2x (β0 fixed at 0, β1* = 2, λ = 2·m2 = 2·14/3).
        WriteLevel("room", "slope-a", budget: 50, par: 5);
        WriteLevel("room", "slope-b", budget: 40, par: 4);
        File.WriteAllText(Path.Combine(root, "room", "pack.json"), """{ "title": "Room", "workshop": true }""");

        // Another pack's level: runs for it are not in the room's pack.
        WriteLevel("other", "elsewhere", budget: 50, par: 5);
        runs = Directory.CreateDirectory(Path.Combine(root, "runs")).FullName;
        library = new LevelLibrary(fs, root);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Ranks_players_by_their_best_verified_runs_and_lists_what_it_rejects()
    {
        // λ = 28/3 ≈ 9.33, so α = 0.1 ≈ 1/λ lands near the floor at once; α = 0.02 crawls.
        var adaFast = Save("ada", "slope-a", 0.1, "ada-a1");
        Save("ada", "slope-a", 0.02, "ada-a2"); // worse: must not count, ada's best is adaFast
        var adaB = Save("ada", "slope-b", 0.1, "ada-b");
        var bobA = Save("bob", "slope-a", 0.05, "bob-a");
        var bobB = Save("bob", "slope-b", 0.05, "bob-b");
        var cyA = Save("cy", "slope-a", 0.25, "cy-a"); // above 2/λ ≈ 0.214: flies off, score 0

        // A tampered copy of bob's run claiming fewer steps; a run on another pack's level; a name with ESC.
        var tampered = Path.Combine(runs, "bob-tampered.run.json");
        File.WriteAllText(tampered, File.ReadAllText(Path.Combine(runs, "bob-a.run.json")).Replace($"\"steps\": {bobA.Steps}", "\"steps\": 1", StringComparison.Ordinal));
        Save("dee", "elsewhere", 0.1, "dee-elsewhere");
        var evil = Path.Combine(runs, "evil.run.json");
        File.WriteAllText(evil, File.ReadAllText(Path.Combine(runs, "ada-b.run.json")).Replace("\"player\": \"ada\"", "\"player\": \"\\u001b[31mmallory\"", StringComparison.Ordinal));

        var board = Board().Refresh(runs);

        // Totals (§4): ada = score(a1) + score(b); bob = score(a) + score(b); cy = 0 (diverged).
        Assert.Equal(["ada", "bob", "cy"], board.Players.Select(p => p.Player));
        Assert.Equal([1, 2, 3], board.Players.Select(p => p.Rank));
        var ada = board.Players[0];
        Assert.Equal(Scoring.Score(Outcome.Reached, adaFast.Steps, 50) + Scoring.Score(Outcome.Reached, adaB.Steps, 40), ada.Score);
        Assert.Equal(adaFast.Stars + adaB.Stars, ada.Stars);
        Assert.Equal(Scoring.Score(Outcome.Reached, bobA.Steps, 50), board.Players[1].Levels["slope-a"]);
        Assert.Equal(Scoring.Score(Outcome.Reached, bobB.Steps, 40), board.Players[1].Levels["slope-b"]);
        Assert.Equal(Outcome.Diverged, cyA.Outcome);
        Assert.Equal(0, board.Players[2].Score);
        Assert.False(board.Players[2].Levels.ContainsKey("slope-b"));

        var reasons = board.Rejected.ToDictionary(r => Path.GetFileName(r.File), r => r.Reason);
        Assert.Equal(3, reasons.Count);
        Assert.StartsWith("result.steps differs", reasons["bob-tampered.run.json"], StringComparison.Ordinal);
        Assert.StartsWith("level not found", reasons["dee-elsewhere.run.json"], StringComparison.Ordinal);
        Assert.StartsWith("player name not allowed", reasons["evil.run.json"], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', reasons["evil.run.json"]);
        Assert.DoesNotContain("mallory", reasons["evil.run.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void Players_with_equal_totals_rank_by_stars_then_bounces_then_name()
    {
        var run = Save("ada", "slope-a", 0.1, "base");
        var file = RunFileReader.Read(File.ReadAllBytes(Path.Combine(runs, "base.run.json")), "base");
        RankedRun Make(string player, string level, long score, int stars, int bounces) =>
            new(player + level, file with { Player = player, LevelId = level }, run with { Score = score, Stars = stars, Bounces = bounces });

        // By hand (§4): all total 9000. kim has 4 stars, the others 3 → kim first. Of the rest, lou has
        // 1 bounce in total, max and ann 2 → lou next. max and ann tie on everything → ann, then max (ordinal).
        var rows = Leaderboard.Rank(
            [
                Make("max", "slope-a", 9000, 3, 2),
                Make("ann", "slope-a", 4500, 2, 1), Make("ann", "slope-b", 4500, 1, 1),
                Make("lou", "slope-a", 9000, 3, 1),
                Make("kim", "slope-a", 4500, 2, 5), Make("kim", "slope-b", 4500, 2, 5),
            ],
            ["slope-a", "slope-b"]);

        Assert.Equal(["kim", "lou", "ann", "max"], rows.Select(r => r.Player));
        Assert.Equal([4L, 3L, 3L, 3L], rows.Select(r => r.Stars));
        Assert.Equal([10L, 1L, 2L, 2L], rows.Select(r => r.Bounces));
        Assert.Equal(["slope-a", "slope-b"], rows[0].Levels.Keys);
    }

    [Fact]
    public void Run_ranking_follows_score_bounces_gap_time_and_path()
    {
        var run = Save("ada", "slope-a", 0.1, "base");
        var file = RunFileReader.Read(File.ReadAllBytes(Path.Combine(runs, "base.run.json")), "base");
        RankedRun Make(long score, int bounces, double gap, string savedAt, string path) =>
            new(path, file with { SavedAt = savedAt }, run with { Score = score, Bounces = bounces, Gap = gap });

        var best = Make(9000, 0, 0.1, "2026-11-26T10:00:00Z", "b");
        var ranked = new[]
        {
            Make(8000, 0, 0.0, "2026-11-26T09:00:00Z", "a"),       // lower score loses first
            Make(9000, 1, 0.0, "2026-11-26T09:00:00Z", "a"),       // then more bounces
            Make(9000, 0, double.NaN, "2026-11-26T09:00:00Z", "a"), // a NaN gap ranks after any number
            Make(9000, 0, 0.2, "2026-11-26T09:00:00Z", "a"),       // then a larger gap
            Make(9000, 0, 0.1, "2026-11-26T11:00:00Z", "a"),       // then a later savedAt
            Make(9000, 0, 0.1, "2026-11-26T10:00:00Z", "c"),       // then the path, ordinal
            best,
        }.Order(RunRanking.Instance).ToArray();

        Assert.Same(best, ranked[0]);
        Assert.Equal(["b", "c", "a", "a", "a", "a", "a"], ranked.Select(r => r.File));
        Assert.Equal([0.1, 0.1, 0.1, 0.2, double.NaN, 0.0, 0.0], ranked.Select(r => r.Result.Gap));
        Assert.Equal(8000, ranked[^1].Result.Score);
    }

    [Fact]
    public void A_half_written_file_is_pending_until_it_settles_then_rejected()
    {
        Save("ada", "slope-a", 0.1, "ada");
        var partial = Path.Combine(runs, "partial.run.json");
        File.WriteAllText(partial, "{ \"format\": \"littlereddot-run\", ");
        var written = File.GetLastWriteTimeUtc(partial);
        var clock = new FakeTimeProvider(new DateTimeOffset(written).AddSeconds(1));
        var board = new Leaderboard(fs, clock, library.Catalog.FindPack("room")!, library.Loader);

        var early = board.Refresh(runs);
        Assert.Equal(1, early.Pending);
        Assert.Empty(early.Rejected);

        clock.Advance(Leaderboard.SettleTime + TimeSpan.FromSeconds(1));
        var late = board.Refresh(runs);
        Assert.Equal(0, late.Pending);
        Assert.Single(late.Rejected);
        Assert.Single(late.Players);
    }

    [Fact]
    public void A_one_shot_board_rejects_a_just_written_malformed_file_at_once()
    {
        // Oracle: §8 "board exits 0 once it prints, rejected files listed" — a board printed once cannot wait for a file to settle.
        Save("ada", "slope-a", 0.1, "ada");
        var partial = Path.Combine(runs, "partial.run.json");
        File.WriteAllText(partial, "{ \"format\": \"littlereddot-run\", ");
        var clock = new FakeTimeProvider(new DateTimeOffset(File.GetLastWriteTimeUtc(partial)));
        var board = new Leaderboard(fs, clock, library.Catalog.FindPack("room")!, library.Loader, TimeSpan.Zero);

        var snapshot = board.Refresh(runs);

        Assert.Equal(0, snapshot.Pending);
        Assert.Equal(partial, Assert.Single(snapshot.Rejected).File);
        Assert.Single(snapshot.Players);
    }

    [Fact]
    public void A_pack_given_by_its_path_needs_no_levels_root()
    {
        // Oracle: §8 "PACK a pack folder path or a pack folder name under the root" — only the name needs the root.
        var catalog = new LevelCatalog(fs, Path.Combine(root, "no-such-root"));

        var pack = catalog.FindPack(Path.Combine(root, "room"));

        Assert.NotNull(pack);
        Assert.Equal("Room", pack.Title);
        Assert.Null(catalog.FindPack("room"));
    }

    [Fact]
    public void A_file_edited_between_refreshes_is_verified_again()
    {
        var run = Save("ada", "slope-a", 0.1, "ada");
        var board = Board();
        Assert.Single(board.Refresh(runs).Players);

        var path = Path.Combine(runs, "ada.run.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace($"\"bounces\": {run.Bounces}", $"\"bounces\": {run.Bounces + 7}", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

        var after = board.Refresh(runs);
        Assert.Empty(after.Players);
        Assert.StartsWith("result.bounces differs", Assert.Single(after.Rejected).Reason, StringComparison.Ordinal);
    }

    private Leaderboard Board() =>
        new(fs, new FakeTimeProvider(Noon.AddDays(1)), library.Catalog.FindPack("room")!, library.Loader);

    private RunResult Save(string player, string levelId, double alpha, string name)
    {
        var level = library.Find(levelId)!;
        var file = RunRecorder.Record(level, new Choice(alpha, 0, -4), player, Noon);
        File.WriteAllBytes(Path.Combine(runs, name + ".run.json"), RunFileWriter.ToBytes(file));
        return file.Result!;
    }

    private void WriteLevel(string pack, string id, int budget, int par)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, pack)).FullName;
        File.WriteAllText(Path.Combine(folder, id + ".level.json"), $$"""
            { "id": "{{id}}", "title": "{{id}}", "cost": "mse",
              "data": { "points": [[1, 2], [2, 4], [3, 6]] },
              "beta0": { "fixed": 0 }, "beta1": { "min": -5, "max": -4 },
              "alpha": { "min": 0.001, "max": 0.3 }, "budget": {{budget}}, "tolerance": 0.001, "par": {{par}} }
            """);
    }
}
