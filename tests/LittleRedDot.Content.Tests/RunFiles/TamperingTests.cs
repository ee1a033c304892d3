using System.Globalization;
using System.Text.Json.Nodes;
using LittleRedDot.Content.Tests.TestSupport;

namespace LittleRedDot.Content.Tests.RunFiles;

/// <summary>
/// Replay never trusts a run file (RULES.md §7): each field of a saved run is edited in turn and the
/// edit is caught with the right reason; editing the level's rules or data is caught too, its title,
/// story, hints and credits are not.
/// </summary>
public sealed class TamperingTests : IDisposable
{
    private readonly RunFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void The_untouched_run_verifies()
    {
        var verdict = fixture.Check(fixture.RunPath);
        Assert.True(verdict.Verified, verdict.Message);
        Assert.Equal(VerifyReason.Verified, fixture.Check(fixture.RunJson()).Reason); // and so does a re-serialised copy
    }

    public static TheoryData<string, Action<JsonObject>, VerifyReason, string?> Edits => new()
    {
        { "α within its range", r => r["choice"]!["alpha"] = 0.05, VerifyReason.ResultDiffers, null },
        // One ulp of α ends on the same final doubles here, but the path between differs: the digest catches it.
        { "α by one ulp", r => r["choice"]!["alpha"] = Math.BitIncrement(0.1), VerifyReason.DigestDiffers, "digest" },
        { "α out of its range", r => r["choice"]!["alpha"] = 0.5, VerifyReason.ChoiceOutOfRange, null },
        { "initial β0", r => r["choice"]!["beta0"] = 1, VerifyReason.ResultDiffers, null },
        { "initial β1", r => r["choice"]!["beta1"] = -1, VerifyReason.ResultDiffers, null },
        { "initial β1 out of range", r => r["choice"]!["beta1"] = 11, VerifyReason.ChoiceOutOfRange, null },
        { "outcome", r => r["result"]!["outcome"] = "diverged", VerifyReason.ResultDiffers, "result.outcome" },
        { "steps", r => r["result"]!["steps"] = (int)r["result"]!["steps"]! + 1, VerifyReason.ResultDiffers, "result.steps" },
        { "bounces", r => r["result"]!["bounces"] = (int)r["result"]!["bounces"]! + 1, VerifyReason.ResultDiffers, "result.bounces" },
        { "final β0", r => r["result"]!["beta0"] = Ulp((double)r["result"]!["beta0"]!), VerifyReason.ResultDiffers, "result.beta0" },
        { "final β1", r => r["result"]!["beta1"] = Ulp((double)r["result"]!["beta1"]!), VerifyReason.ResultDiffers, "result.beta1" },
        { "final cost", r => r["result"]!["cost"] = Ulp((double)r["result"]!["cost"]!), VerifyReason.ResultDiffers, "result.cost" },
        { "final gap", r => r["result"]!["gap"] = Ulp((double)r["result"]!["gap"]!), VerifyReason.ResultDiffers, "result.gap" },
        { "final gap as NaN", r => r["result"]!["gap"] = "NaN", VerifyReason.ResultDiffers, "result.gap" },
        { "score", r => r["result"]!["score"] = 10000, VerifyReason.ResultDiffers, "result.score" },
        { "stars", r => r["result"]!["stars"] = (int)r["result"]!["stars"]! - 1, VerifyReason.ResultDiffers, "result.stars" },
        { "player", r => r["player"] = "eve", VerifyReason.DigestDiffers, "digest" },
        { "player with an escape sequence", r => r["player"] = "ada\u001b[2J", VerifyReason.PlayerNotAllowed, null },
        { "player with a bidi override", r => r["player"] = "ada\u202Eevil", VerifyReason.PlayerNotAllowed, null },
        { "player of 41 characters", r => r["player"] = new string('a', 41), VerifyReason.PlayerNotAllowed, null },
        { "empty player", r => r["player"] = string.Empty, VerifyReason.PlayerNotAllowed, null },
        { "savedAt", r => r["savedAt"] = "2026-11-26T10:15:01Z", VerifyReason.DigestDiffers, "digest" },
        { "savedAt not RFC 3339", r => r["savedAt"] = "26/11/2026", VerifyReason.Malformed, null },
        { "digest", r => r["digest"] = FlipFirst((string)r["digest"]!), VerifyReason.DigestDiffers, "digest" },
        { "digest not hex", r => r["digest"] = "xyz", VerifyReason.Malformed, null },
        // Oracle: §7's "64 lower-case hex digits" and "RFC 3339" are whole-string forms; a trailing newline or a non-ASCII digit breaks the schema (exit 2), it is no mismatch.
        { "digest with a final newline", r => r["digest"] = (string)r["digest"]! + "\n", VerifyReason.Malformed, null },
        { "level sha256 with a final newline", r => r["level"]!["sha256"] = (string)r["level"]!["sha256"]! + "\n", VerifyReason.Malformed, null },
        { "savedAt with a final newline", r => r["savedAt"] = (string)r["savedAt"]! + "\n", VerifyReason.Malformed, null },
        { "savedAt in full-width digits", r => r["savedAt"] = "２０２６-11-26T10:15:00Z", VerifyReason.Malformed, null },
        { "level id", r => r["level"]!["id"] = "t-99", VerifyReason.LevelNotFound, null },
        { "level sha256", r => r["level"]!["sha256"] = FlipFirst((string)r["level"]!["sha256"]!), VerifyReason.LevelChanged, "level.sha256" },
        { "rulesVersion 2", r => r["rulesVersion"] = 2, VerifyReason.OtherRules, null },
        { "rulesVersion 0", r => r["rulesVersion"] = 0, VerifyReason.OtherRules, null },
        // Oracle: §7 "files of other versions are reported as made under other rules" — another version's schema may differ.
        { "rulesVersion 2 with a key of its own", r => { r["rulesVersion"] = 2; r["seed"] = 7; }, VerifyReason.OtherRules, null },
        { "rulesVersion 2 without a choice", r => { r["rulesVersion"] = 2; r.Remove("choice"); }, VerifyReason.OtherRules, null },
        { "rulesVersion 2 with a choice of another shape", r => { r["rulesVersion"] = 2; r["choice"]!["gamma"] = 1; }, VerifyReason.OtherRules, null },
        { "format", r => r["format"] = "somebody-else", VerifyReason.Malformed, null },
        { "result removed", r => r.Remove("result"), VerifyReason.Malformed, null },
        { "an extra key", r => r["bonus"] = 100, VerifyReason.Malformed, null },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_edit_of_a_saved_run_is_caught_with_the_right_reason(string what, Action<JsonObject> edit, VerifyReason reason, string? field)
    {
        var run = fixture.RunJson();
        edit(run);

        var verdict = fixture.Check(run);

        Refused(verdict, reason, what);
        if (field is not null)
        {
            Assert.Equal(field, verdict.Field);
            Assert.NotEqual(verdict.Stored, verdict.Recomputed);
            Assert.Contains(field.StartsWith("result.", StringComparison.Ordinal) ? field : field == "digest" ? "digest differs" : "level changed", verdict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_result_field_edit_reports_stored_and_recomputed_values()
    {
        var run = fixture.RunJson();
        var steps = (int)run["result"]!["steps"]!;
        run["result"]!["steps"] = steps + 1;

        var verdict = fixture.Check(run);

        Assert.Equal((steps + 1).ToString(CultureInfo.InvariantCulture), verdict.Stored);
        Assert.Equal(steps.ToString(CultureInfo.InvariantCulture), verdict.Recomputed);
        Assert.Equal($"result.steps differs: stored {steps + 1}, recomputed {steps}", verdict.Message);
    }

    [Fact]
    public void A_hostile_player_name_is_never_repeated_raw()
    {
        var run = fixture.RunJson();
        run["player"] = "\u001b]0;pwned\u0007";
        var verdict = fixture.Check(run);
        Assert.DoesNotContain('\u001b', verdict.Message);
        Assert.DoesNotContain('\u0007', verdict.Message);
    }

    public static TheoryData<string, Action<JsonObject>> LevelRuleEdits => new()
    {
        { "budget", l => l["budget"] = 60 },
        { "par", l => l["par"] = 11 },
        { "tolerance", l => l["tolerance"] = 0.02 },
        { "α max", l => l["alpha"]!["max"] = 0.3 },
        { "β0 range", l => l["beta0"]!["min"] = -11 },
        { "cost", l => l["cost"] = "half-mse" },
        { "a point", l => l["data"]!["points"]![2]![1] = 5.5 },
        { "a point added", l => l["data"]!["points"]!.AsArray().Add(new JsonArray(4, 7)) },
        { "a shift", l => l["data"]!["yShift"] = 0.5 },
    };

    [Theory]
    [MemberData(nameof(LevelRuleEdits))]
    public void Editing_the_levels_rules_or_data_invalidates_the_run(string what, Action<JsonObject> edit)
    {
        fixture.WriteLevel(LevelJson.With(edit));
        var verdict = Refused(fixture.Check(fixture.RunPath), VerifyReason.LevelChanged, what);
        Assert.Contains("level changed", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renaming_the_level_loses_it()
    {
        fixture.WriteLevel(LevelJson.With(l => l["id"] = "t-02"));
        Refused(fixture.Check(fixture.RunPath), VerifyReason.LevelNotFound, "the level renamed");
    }

    public static TheoryData<string, Action<JsonObject>> CosmeticLevelEdits => new()
    {
        { "title", l => l["title"] = "A new title" },
        { "story", l => l["story"] = "Once upon a time" },
        { "hints", l => l["hints"] = new JsonArray("try a smaller α") },
        { "credits", l => l.Remove("credits") },
        { "key order", l => { var budget = l["budget"]!.DeepClone(); l.Remove("budget"); l["budget"] = budget; } },
    };

    [Theory]
    [MemberData(nameof(CosmeticLevelEdits))]
    public void Editing_title_story_hints_credits_or_layout_keeps_the_run_verified(string what, Action<JsonObject> edit)
    {
        fixture.WriteLevel(LevelJson.With(edit));
        var verdict = fixture.Check(fixture.RunPath);
        Assert.True(verdict.Verified, $"{what}: {verdict.Message}");
    }

    [Fact]
    public void Reformatting_the_level_file_keeps_the_run_verified()
    {
        fixture.WriteLevel("\uFEFF" + LevelJson.Text.ReplaceLineEndings("\r\n").Replace("  ", "\t", StringComparison.Ordinal));
        Assert.True(fixture.Check(fixture.RunPath).Verified);
    }

    [Fact]
    public void A_malformed_level_reports_the_run_as_level_not_found_in_words()
    {
        fixture.WriteLevel(LevelJson.With(l => l["data"]!["points"] = JsonNode.Parse("[[1, 1], [1, 2]]")));
        var verdict = Refused(fixture.Check(fixture.RunPath), VerifyReason.LevelNotFound, "a malformed level");
        Assert.Contains("cannot be loaded", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_empty_and_non_json_files_are_unreadable_or_malformed()
    {
        Refused(fixture.Check(fixture.Temp.Combine("runs", "none.run.json")), VerifyReason.Unreadable, "a missing file");
        Refused(fixture.Check(fixture.Temp.Combine("runs")), VerifyReason.Unreadable, "a folder");
        Refused(fixture.Check(fixture.Temp.Write("runs/empty.run.json", string.Empty)), VerifyReason.Malformed, "an empty file");
        Refused(fixture.Check(fixture.Temp.Write("runs/array.run.json", "[]")), VerifyReason.Malformed, "a JSON array");
        Refused(fixture.Check(fixture.Temp.Write("runs/cut.run.json", File.ReadAllText(fixture.RunPath)[..100])), VerifyReason.Malformed, "a cut file");
        var huge = fixture.RunJson();
        huge["choice"]!["alpha"] = JsonNode.Parse("1e400");
        Refused(fixture.Check(huge), VerifyReason.Malformed, "α of 1e400");
    }

    [Fact]
    public void A_run_of_other_rules_is_read_as_far_as_it_can_be_and_never_verified()
    {
        var run = fixture.RunJson();
        run["rulesVersion"] = 7;
        run["result"] = "from the future";
        var verdict = Refused(fixture.Check(run), VerifyReason.OtherRules, "rules version 7");
        Assert.Contains("rules version 7", verdict.Message, StringComparison.Ordinal);
        Assert.NotNull(verdict.Run); // its choice is what the game re-scores
    }

    [Fact]
    public void A_folder_is_searched_once_even_with_a_symbolic_link_loop_in_it()
    {
        var runs = fixture.Temp.Combine("runs");
        Directory.CreateDirectory(Path.Combine(runs, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(runs, "sub", "up"), runs);

        var files = new RunFileChecker(new System.IO.Abstractions.FileSystem(), _ => null).Expand([runs]).ToArray();

        Assert.Equal([fixture.RunPath], files);
    }

    /// <summary>The file is refused — not verified — and for the expected reason.</summary>
    private static Verification Refused(Verification verdict, VerifyReason reason, string what)
    {
        Assert.True(reason == verdict.Reason, $"{what}: expected {reason}, got {verdict.Reason}: {verdict.Message}");
        Assert.False(verdict.Verified, $"{what}: verified, but should be refused ({reason})");
        Assert.False(string.IsNullOrWhiteSpace(verdict.Message), $"{what}: refused without a word of why");
        return verdict;
    }

    private static double Ulp(double value) => Math.BitIncrement(value);

    private static string FlipFirst(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];
}
