using System.Text.Json;
using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>
/// `littlereddot board PACK RUNS` in-process (RULES.md §8, issue 6). The order follows §4 from the runs'
/// scores: from (β0, β1) = (0, 1), near t-01's floor (1/3, 3/2), ada at α = 0.1 reaches in 2 steps (score
/// ⌊10000·49/50⌋ = 9800) and bob at α = 0.05 in 4 (9400), as `littlereddot run … --json` reports.
/// </summary>
public sealed class BoardVerbTests : IDisposable
{
    private readonly LevelsFolder levels = new();
    private readonly string runs;

    public BoardVerbTests()
    {
        runs = levels.Combine("runs");
        Directory.CreateDirectory(runs);
        Save("ada", "0.1", "ada");
        Save("bob", "0.05", "bob");

        // Tampered: bob's file claiming ada's score. Foreign: a level of another pack. Hostile: an ESC in the name.
        File.WriteAllText(Path.Combine(runs, "bob-tampered.run.json"), File.ReadAllText(Path.Combine(runs, "bob.run.json")).Replace("\"score\": ", "\"score\": 1", StringComparison.Ordinal));
        levels.Write("levels/other/elsewhere.level.json", LevelsFolder.Level.Replace("\"t-01\"", "\"elsewhere\"", StringComparison.Ordinal));
        Assert.Equal(0, InProcess.Run("run", "elsewhere", "--levels", levels.Root, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", Path.Combine(runs, "cy-elsewhere.run.json"), "--player", "cy").Exit);
        File.WriteAllText(Path.Combine(runs, "evil.run.json"), File.ReadAllText(Path.Combine(runs, "ada.run.json")).Replace("\"player\": \"ada\"", "\"player\": \"\\u001b]0;pwned\\u0007eve\"", StringComparison.Ordinal));
    }

    public void Dispose() => levels.Dispose();

    [Fact]
    public void The_table_ranks_verified_runs_and_lists_every_rejected_file_with_its_reason()
    {
        var result = InProcess.Run("board", "pack", runs, "--levels", levels.Root);

        Assert.Equal(0, result.Exit); // §8: board exits 0 once it prints, rejected files listed
        var lines = result.Out.Split('\n');
        var ada = Array.FindIndex(lines, l => l.Contains(" ada ", StringComparison.Ordinal));
        var bob = Array.FindIndex(lines, l => l.Contains(" bob ", StringComparison.Ordinal));
        Assert.True(ada > 0 && bob > ada, result.ToString());
        Assert.Contains("bob-tampered.run.json: result.score differs", result.Out, StringComparison.Ordinal);
        Assert.Contains("cy-elsewhere.run.json: level not found", result.Out, StringComparison.Ordinal);
        Assert.Contains("evil.run.json: player name not allowed", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", result.Out, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Json_has_the_players_and_rejected_of_issue_6()
    {
        var result = InProcess.Run("board", levels.Combine("levels", "pack"), runs, "--format", "json", "--levels", levels.Root);

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var players = json.RootElement.GetProperty("players").EnumerateArray().ToArray();
        Assert.Equal(["ada", "bob"], players.Select(p => p.GetProperty("player").GetString()));
        Assert.Equal([1, 2], players.Select(p => p.GetProperty("rank").GetInt32()));
        Assert.Equal([9800L, 9400L], players.Select(p => p.GetProperty("score").GetInt64()));
        foreach (var p in players)
        {
            // One level played each: the total is that level's score.
            Assert.Equal(p.GetProperty("score").GetInt64(), p.GetProperty("levels").GetProperty("t-01").GetInt64());
            Assert.True(p.TryGetProperty("stars", out _) && p.TryGetProperty("bounces", out _));
        }

        Assert.Equal(3, json.RootElement.GetProperty("rejected").GetArrayLength());
    }

    [Fact]
    public void Csv_is_a_clean_table_with_the_rejected_files_on_standard_error()
    {
        var result = InProcess.Run("board", "pack", runs, "--format", "csv", "--levels", levels.Root);

        Assert.Equal(0, result.Exit);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal("rank,player,score,stars,bounces,t-01,t-fixed,t-point", lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
        Assert.Equal(3, result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("rejected: ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("no-such-pack", "runs")]
    [InlineData("pack", "no-such-folder")]
    public void A_missing_pack_or_runs_folder_is_bad_input(string pack, string folder)
    {
        var result = InProcess.Run("board", pack, levels.Combine(folder), "--levels", levels.Root);

        Assert.Equal(2, result.Exit);
        InProcess.AssertPlainErrors(result);
    }

    private void Save(string player, string alpha, string name) =>
        Assert.Equal(0, InProcess.Run("run", "t-01", "--levels", levels.Root, "--alpha", alpha, "--beta0", "0", "--beta1", "1", "--save", Path.Combine(runs, name + ".run.json"), "--player", player).Exit);
}
