using System.Globalization;
using System.Text.Json;
using LittleRedDot.Cli.Tests.TestSupport;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>`littlereddot run` in-process (RULES.md §8): output, trace, save, exit codes and error lines.</summary>
public sealed class RunVerbTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    private InProcess.Result Run(params string[] args) => InProcess.Run(["run", .. args, "--levels", levels.Root]);

    [Fact]
    public void Json_prints_exactly_the_section_8_fields_with_the_values_of_the_engine()
    {
        var result = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--json");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Out);
        var o = json.RootElement;
        Assert.Equal(
            ["level", "levelSha256", "alpha", "beta0", "beta1", "outcome", "steps", "bounces", "finalBeta0", "finalBeta1", "finalCost", "minimumCost", "gap", "score", "stars", "par", "budget"],
            o.EnumerateObject().Select(p => p.Name));

        // Cross-check: the same level and choice through the engine directly.
        var level = levels.Load("t-01");
        var r = Descent.Run(level.Level, new Choice(0.1, 0, 0));
        Assert.Equal("t-01", o.GetProperty("level").GetString());
        Assert.Equal(level.Sha256, o.GetProperty("levelSha256").GetString());
        Assert.Equal(0.1, o.GetProperty("alpha").GetDouble());
        Assert.Equal(0.0, o.GetProperty("beta0").GetDouble());
        Assert.Equal(0.0, o.GetProperty("beta1").GetDouble());
        Assert.Equal(OutcomeNames.Name(r.Outcome), o.GetProperty("outcome").GetString());
        Assert.Equal(r.Steps, o.GetProperty("steps").GetInt32());
        Assert.Equal(r.Bounces, o.GetProperty("bounces").GetInt32());
        SameBits(r.FinalBeta0, o.GetProperty("finalBeta0").GetDouble());
        SameBits(r.FinalBeta1, o.GetProperty("finalBeta1").GetDouble());
        SameBits(r.FinalCost, o.GetProperty("finalCost").GetDouble());
        SameBits(level.Level.Valley.MinimumCost, o.GetProperty("minimumCost").GetDouble());
        SameBits(r.Gap, o.GetProperty("gap").GetDouble());
        Assert.Equal(r.Score, o.GetProperty("score").GetInt64());
        Assert.Equal(r.Stars, o.GetProperty("stars").GetInt32());
        Assert.Equal(10, o.GetProperty("par").GetInt32());
        Assert.Equal(50, o.GetProperty("budget").GetInt32());

        // J* = 1/18 by hand (engine ArticleNumbersTests); 1e-15 relative.
        Assert.Equal(1.0 / 18, o.GetProperty("minimumCost").GetDouble(), 1e-15);
        Assert.Equal("reached", o.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Text_output_ends_with_the_lesson_the_game_shows()
    {
        var result = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0");

        // Oracle: Content's Lesson for the same level and choice — the one the game's outcome panel shows.
        var level = levels.Load("t-01");
        var (_, lesson) = LittleRedDot.Content.Lessons.Lesson.Run(level.Level, new Choice(0.1, 0, 0), workshop: false);
        Assert.Equal(0, result.Exit);
        Assert.EndsWith(lesson.Text, result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_writes_non_finite_numbers_as_strings()
    {
        levels.Write("levels/pack/nan.level.json", """
            { "id": "nan", "title": "Overflow", "cost": "mse", "data": { "points": [[1, 0], [3, 0]] },
              "beta0": { "min": -10, "max": 10 }, "beta1": { "min": -10, "max": 10 },
              "alpha": { "min": 0.001, "max": 1.7e308 }, "budget": 10, "tolerance": 0.01, "par": 5 }
            """);

        // The overflow-to-NaN run (engine BlowUpTests): β0 = −∞, β1 = +∞, J = NaN after one step.
        var result = Run("nan", "--alpha", "1.7e308", "--beta0", "5", "--beta1", "-2.2", "--json");

        Assert.Equal(0, result.Exit); // a run that misses the valley is still a successful command
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("diverged", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("-Infinity", json.RootElement.GetProperty("finalBeta0").GetString());
        Assert.Equal("Infinity", json.RootElement.GetProperty("finalBeta1").GetString());
        Assert.Equal("NaN", json.RootElement.GetProperty("finalCost").GetString());
    }

    [Fact]
    public void Trace_prints_the_header_and_a_row_per_state_with_the_gradient()
    {
        var result = Run(levels.LevelPath, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--trace");

        Assert.Equal(0, result.Exit);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("step,beta0,beta1,cost,grad0,grad1", lines[0]);
        var steps = Descent.Run(levels.Load("t-01").Level, new Choice(0.1, 0, 0)).Steps;
        Assert.Equal(steps + 1, lines.Length - 1);

        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(Enumerable.Range(0, steps + 1).Select(k => (double)k), rows.Select(r => r[0]));

        // Row 0 by hand: at (0, 0), r = −2, −3, −5; J = 38/3; ∂J/∂β0 = (2/3)(−10) = −20/3; ∂J/∂β1 = (2/3)(−23) = −46/3.
        // Tolerance 1e-14 relative.
        Assert.Equal([0, 0, 0], rows[0][..3]); // step 0 at (0, 0)
        Assert.Equal(38.0 / 3, rows[0][3], 1e-13);
        Assert.Equal(-20.0 / 3, rows[0][4], 1e-14);
        Assert.Equal(-46.0 / 3, rows[0][5], 1e-14);

        // Row 1: β ← β − 0.1·g = (2/3, 23/15), by hand.
        Assert.Equal(2.0 / 3, rows[1][1], 1e-14);
        Assert.Equal(23.0 / 15, rows[1][2], 1e-14);
    }

    [Fact]
    public void Trace_of_a_fixed_parameter_shows_no_gradient_for_it()
    {
        var result = Run("t-fixed", "--alpha", "0.05", "--beta1", "0", "--trace");
        Assert.Equal(0, result.Exit);
        var rows = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r => Assert.Equal("0", r[1])); // β0 stays at its fixed value
        Assert.All(rows, r => Assert.Equal("0", r[4])); // and has no gradient to follow
    }

    [Fact]
    public void Text_output_says_how_the_run_went()
    {
        var result = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0");
        Assert.Equal(0, result.Exit);
        Assert.Contains("reached the valley in", result.Out, StringComparison.Ordinal);
        Assert.Contains("Three points (t-01)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_writes_a_run_file_that_replay_verifies()
    {
        var file = levels.Combine("runs", "ada.run.json");

        var saved = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", file, "--player", "Zoë");

        Assert.Equal(0, saved.Exit);
        Assert.Contains("saved", saved.Error, StringComparison.Ordinal);
        var run = RunFileReader.Read(File.ReadAllBytes(file), file);
        Assert.Equal("Zoë", run.Player);
        Assert.Equal("2026-11-26T10:15:00Z", run.SavedAt); // from the injected clock

        var replay = InProcess.Run("replay", file, "--levels", levels.Root);
        Assert.Equal(0, replay.Exit);
        Assert.Contains(": verified", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_without_player_uses_the_configured_name()
    {
        var file = levels.Combine("runs", "default.run.json");
        Assert.Equal(0, Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", file).Exit);
        Assert.Equal("ada", RunFileReader.Read(File.ReadAllBytes(file), file).Player);
    }

    [Fact]
    public void A_single_value_start_range_needs_no_option()
    {
        Assert.Equal(0, Run("t-point", "--alpha", "0.1", "--beta0", "0").Exit);
    }

    [Fact]
    public void A_fixed_parameter_may_be_given_at_its_value()
    {
        Assert.Equal(0, Run("t-fixed", "--alpha", "0.05", "--beta0", "0", "--beta1", "0").Exit);
        Assert.Equal(0, Run("t-fixed", "--alpha", "0.05", "--beta0", "0.0", "--beta1", "0").Exit);
    }

    public static TheoryData<string[], string> BadChoices => new()
    {
        { ["--alpha", "NaN", "--beta0", "0", "--beta1", "0"], "--alpha: NaN is not a finite number" },
        { ["--alpha", "-0.1", "--beta0", "0", "--beta1", "0"], "[0.001, 0.2]" },
        { ["--alpha", "0", "--beta0", "0", "--beta1", "0"], "[0.001, 0.2]" },
        { ["--alpha", "Infinity", "--beta0", "0", "--beta1", "0"], "not a finite number" },
        { ["--alpha", "-Infinity", "--beta0", "0", "--beta1", "0"], "not a finite number" },
        { ["--alpha", "1e400", "--beta0", "0", "--beta1", "0"], "not a finite number" },
        { ["--alpha", "abc", "--beta0", "0", "--beta1", "0"], "--alpha: \"abc\" is not a number" },
        { ["--alpha", "0,1", "--beta0", "0", "--beta1", "0"], "is not a number" },
        { ["--alpha", "0.5", "--beta0", "0", "--beta1", "0"], "α = 0.5 is outside this level's range [0.001, 0.2]" },
        { ["--alpha", "0.1", "--beta0", "11", "--beta1", "0"], "β0 = 11 is outside this level's start range [-10, 10]" },
        { ["--alpha", "0.1", "--beta0", "0", "--beta1", "-10.5"], "β1 = -10.5 is outside this level's start range [-10, 10]" },
        { ["--alpha", "0.1", "--beta0", "NaN", "--beta1", "0"], "--beta0: NaN is not a finite number" },
        { ["--alpha", "0.1", "--beta0", "0"], "--beta1 is required" },
        { ["--alpha", "0.1", "--beta1", "0"], "--beta0 is required" },
        { ["--beta0", "0", "--beta1", "0"], "--alpha" },
        { ["--alpha", "0.1", "--beta0", "0.3333333333333333", "--beta1", "1.5"], "already in the goal" },
        { ["--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--json", "--trace"], "cannot be used together" },
        { ["--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--force"], "--force replaces an existing --save file" },
        { ["--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--colour", "red"], "--colour" },
    };

    [Theory]
    [MemberData(nameof(BadChoices))]
    public void A_bad_choice_or_option_exits_2_with_a_plain_message(string[] args, string message)
    {
        var result = Run(["t-01", .. args]);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out.Trim());
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void An_option_for_a_fixed_parameter_that_differs_exits_2()
    {
        var result = Run("t-fixed", "--alpha", "0.05", "--beta0", "1", "--beta1", "0");
        Assert.Equal(2, result.Exit);
        Assert.Contains("--beta0: β0 is fixed at 0 in this level", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void An_unknown_option_exits_2_not_1()
    {
        var result = InProcess.Run("run", "t-01", "--alpha", "0.1", "--nope", "--levels", levels.Root);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--nope", result.Error, StringComparison.Ordinal);
        Assert.Contains("littlereddot run --help", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);

        var unknownVerb = InProcess.Run("fly", "--levels", levels.Root);
        Assert.Equal(2, unknownVerb.Exit);
    }

    [Theory]
    [InlineData("run", "", "--alpha", "0.1")]
    [InlineData("run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", "")]
    [InlineData("run", "t-01", "--alpha", "", "--beta0", "0", "--beta1", "0")]
    [InlineData("replay", "")]
    [InlineData("levels", "--levels", "")]
    public void An_empty_value_exits_2_with_a_plain_line(params string[] args)
    {
        var result = InProcess.Run(args);
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("is empty", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_missing_level_file_exits_2_naming_it()
    {
        var missing = levels.Combine("nowhere", "gone.level.json");
        var result = Run(missing, "--alpha", "0.1", "--beta0", "0", "--beta1", "0");
        Assert.Equal(2, result.Exit);
        Assert.Contains("gone.level.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void An_unknown_level_id_exits_2()
    {
        var result = Run("no-such-level", "--alpha", "0.1", "--beta0", "0", "--beta1", "0");
        Assert.Equal(2, result.Exit);
        Assert.Contains("no-such-level", result.Error, StringComparison.Ordinal);
        Assert.Contains("no level with this id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_level_exits_2_naming_file_and_place()
    {
        var bad = levels.Write("elsewhere/bad.level.json", LevelsFolder.Level.Replace("\"budget\": 50", "\"budget\": 50.0", StringComparison.Ordinal));
        var result = Run(bad, "--alpha", "0.1", "--beta0", "0", "--beta1", "0");
        Assert.Equal(2, result.Exit);
        Assert.Contains("bad.level.json: $.budget: expected the budget (a whole number written without a fraction or exponent), found 50.0", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Saving_onto_a_folder_exits_2_and_says_not_saved()
    {
        var folder = levels.Combine("runs-folder");
        Directory.CreateDirectory(folder);
        var result = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", folder);
        Assert.Equal(2, result.Exit);
        Assert.Contains("is a folder", result.Error, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Saving_under_a_file_exits_2_and_leaves_the_file()
    {
        var file = levels.Write("plain.txt", "keep me");
        var result = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", Path.Combine(file, "x.run.json"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("could not be saved", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(file));
        InProcess.AssertPlainErrors(result);
    }

    [Theory]
    [InlineData("ada\u001b[31m", "control or format character (U+001B)")]
    [InlineData("ada\u202eevil", "control or format character (U+202E)")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "41 characters; at most 40")]
    [InlineData("", "empty")]
    public void A_player_name_that_breaks_section_7_exits_2(string player, string message)
    {
        var file = levels.Combine("runs", "x.run.json");
        var result = Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", file, "--player", player);
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Forty_characters_of_any_script_are_a_fine_name()
    {
        var file = levels.Combine("runs", "x.run.json");
        var name = string.Concat(Enumerable.Repeat("🦊", 40)); // 40 scalar values, 80 UTF-16 units
        Assert.Equal(0, Run("t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", file, "--player", name).Exit);
    }

    [Fact]
    public void The_levels_root_comes_from_configuration_when_not_given()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LittleRedDot:Levels"] = levels.Root })
            .Build();
        var context = new CliContext(output, error, new System.IO.Abstractions.FileSystem(), TimeProvider.System, configuration);
        Assert.Equal(0, new CliApp(context).Run(["run", "t-01", "--alpha", "0.1", "--beta0", "0", "--beta1", "0"]));
    }

    private static void SameBits(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
}
