using System.Text.Json;
using System.Text.Json.Nodes;
using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>`littlereddot replay` in-process (RULES.md §7, §8; issue 4): a line per file, a summary, exit 0/1/2.</summary>
public sealed class ReplayVerbTests : IDisposable
{
    private readonly LevelsFolder levels = new();
    private readonly string good;

    public ReplayVerbTests()
    {
        good = levels.Combine("runs", "good.run.json");
        var saved = InProcess.Run("run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", good, "--levels", levels.Root);
        Assert.Equal(0, saved.Exit);
    }

    public void Dispose() => levels.Dispose();

    private InProcess.Result Replay(params string[] args) => InProcess.Run(["replay", .. args, "--levels", levels.Root]);

    private string Edited(string name, Action<JsonObject> edit)
    {
        var run = JsonNode.Parse(File.ReadAllText(good))!.AsObject();
        edit(run);
        return levels.Write($"runs/{name}.run.json", run.ToJsonString());
    }

    [Fact]
    public void A_verified_run_exits_0()
    {
        var result = Replay(good);
        Assert.Equal(0, result.Exit);
        Assert.EndsWith("good.run.json: verified", result.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("1 files: 1 verified, 0 did not verify, 0 unreadable or malformed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_run_exits_1_naming_the_field()
    {
        var steps = JsonNode.Parse(File.ReadAllText(good))!["result"]!["steps"]!.GetValue<int>();
        var tampered = Edited("tampered", r => r["result"]!["steps"] = steps - 1);

        var result = Replay(tampered);

        Assert.Equal(1, result.Exit);
        Assert.Contains($"result.steps differs: stored {steps - 1}, recomputed {steps}", result.Out, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_run_of_other_rules_exits_1()
    {
        var result = Replay(Edited("old", r => r["rulesVersion"] = 2));
        Assert.Equal(1, result.Exit);
        Assert.Contains("made under other rules", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_choice_is_out_of_range_exits_2()
    {
        // Oracle: §8 lists "a choice out of range" under exit 2, and the highest of 2, 1, 0 wins.
        var result = Replay(good, Edited("wide", r => r["choice"]!["alpha"] = 1e6));
        Assert.Equal(2, result.Exit);
        Assert.Contains("choice out of range", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_of_an_unknown_level_exits_1()
    {
        var result = Replay(Edited("lost", r => r["level"]!["id"] = "no-such-level"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("level not found", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_player_name_exits_2_and_is_never_printed_raw()
    {
        // Oracle: §7's player rule is part of the run file's schema; §8: a file that breaks it exits 2 (highest wins over 1).
        var result = Replay(Edited("hostile", r => r["player"] = "\u001b[2J\u001b]0;owned\u0007"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("player name not allowed", result.Out, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not-json", "this is not JSON" },
        { "array", "[1, 2, 3]" },
        { "truncated", "{ \"format\": \"littlereddot-run\", \"rulesVersion\": 1, \"level\": {" },
        { "empty", string.Empty },
        { "huge-number", "{ \"format\": \"littlereddot-run\", \"rulesVersion\": 1e400 }" },
        { "wrong-types", "{ \"format\": 1, \"rulesVersion\": \"one\" }" },
        { "unknown-format", "{ \"format\": \"someone-elses-run\", \"rulesVersion\": 1 }" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_file_that_is_not_a_run_exits_2_and_the_others_are_still_checked(string name, string text)
    {
        var bad = levels.Write($"runs/{name}.run.json", text);
        var tampered = Edited("tampered", r => r["player"] = "eve");

        var result = Replay(good, bad, tampered);

        Assert.True(result.Exit == 2, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // one line per file, then the summary
        Assert.EndsWith(": verified", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{name}.run.json: ", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("verified", lines[1], StringComparison.Ordinal);
        Assert.Contains("digest differs", lines[2], StringComparison.Ordinal);
        Assert.Equal("3 files: 1 verified, 1 did not verify, 1 unreadable or malformed", lines[3]);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var result = Replay(levels.Combine("runs", "nope.run.json"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("file not found", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_searched_for_run_files()
    {
        Edited("second", r => { });
        var result = Replay(levels.Combine("runs"));
        Assert.Equal(0, result.Exit);
        Assert.Contains("2 files: 2 verified", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_prints_an_object_per_file_with_file_verified_reason_field_stored_recomputed()
    {
        var tampered = Edited("tampered", r => r["result"]!["score"] = 1);
        var bad = levels.Write("runs/bad.run.json", "[]");

        var result = Replay(good, tampered, bad, "--json");

        Assert.Equal(2, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        foreach (var item in items)
        {
            foreach (var key in new[] { "file", "verified", "reason", "field", "stored", "recomputed" })
            {
                Assert.True(item.TryGetProperty(key, out _), $"missing \"{key}\" in {item}");
            }
        }

        Assert.Equal(good, items[0].GetProperty("file").GetString());
        Assert.True(items[0].GetProperty("verified").GetBoolean());
        Assert.Equal("verified", items[0].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("field").ValueKind);

        Assert.False(items[1].GetProperty("verified").GetBoolean());
        Assert.Equal("result differs", items[1].GetProperty("reason").GetString());
        Assert.Equal("result.score", items[1].GetProperty("field").GetString());
        Assert.Equal("1", items[1].GetProperty("stored").GetString());
        Assert.Equal(JsonNode.Parse(File.ReadAllText(good))!["result"]!["score"]!.ToJsonString(), items[1].GetProperty("recomputed").GetString());

        Assert.Equal("malformed", items[2].GetProperty("reason").GetString());
    }

    [Fact]
    public void Editing_the_level_title_keeps_runs_verified_and_its_data_does_not()
    {
        levels.Write("levels/pack/t-01.level.json", LevelsFolder.Level.Replace("Three points", "Renamed", StringComparison.Ordinal));
        Assert.Equal(0, Replay(good).Exit);

        levels.Write("levels/pack/t-01.level.json", LevelsFolder.Level.Replace("[3, 5]", "[3, 6]", StringComparison.Ordinal));
        var changed = Replay(good);
        Assert.Equal(1, changed.Exit);
        Assert.Contains("level changed", changed.Out, StringComparison.Ordinal);
    }
}
