using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>RULES.md §8: `--version` prints the program and rules versions; `--help` works on every verb.</summary>
public sealed class HelpAndVersionTests
{
    [Fact]
    public void Version_prints_the_program_and_rules_versions()
    {
        var result = InProcess.Run("--version");
        Assert.Equal(0, result.Exit);
        Assert.Matches(@"^littlereddot \d+\.\d+\.\d+ \(rules version 1\)\s*$", result.Out);
    }

    // Oracle: §8 "--version prints the program and rules versions", read as the brief's checker reads it — on every verb,
    // even one whose required options are missing (as --help does).
    [Theory]
    [InlineData("run")]
    [InlineData("replay")]
    [InlineData("check-levels")]
    [InlineData("board")]
    [InlineData("levels")]
    [InlineData("new-level")]
    [InlineData("play")]
    [InlineData("room")]
    public void Version_works_on_every_verb(string verb)
    {
        var result = InProcess.Run(verb, "--version");
        Assert.Equal(0, result.Exit);
        Assert.Matches(@"^littlereddot \d+\.\d+\.\d+ \(rules version 1\)\s*$", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("replay", "--help")]
    [InlineData("levels", "--help")]
    [InlineData("board", "--help")]
    [InlineData("room", "--help")]
    [InlineData("-h")]
    public void Help_works_for_every_verb(params string[] args)
    {
        var result = InProcess.Run(args);
        Assert.Equal(0, result.Exit);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("--levels", result.Out, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void Run_help_names_its_options()
    {
        var result = InProcess.Run("run", "--help");
        foreach (var option in new[] { "--alpha", "--beta0", "--beta1", "--save", "--submit", "--player", "--json", "--trace" })
        {
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Room_help_says_where_the_admin_token_comes_from()
    {
        var result = InProcess.Run("room", "--help");
        Assert.Contains("--admin-token", result.Out, StringComparison.Ordinal);
        Assert.Contains("LittleRedDot:AdminToken", result.Out, StringComparison.Ordinal);
        Assert.Contains("LITTLEREDDOT__ADMINTOKEN", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_help_says_where_the_logs_go()
    {
        Assert.Contains("Logs go to", InProcess.Run("--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_lists_packs_and_their_levels()
    {
        using var levels = new LevelsFolder();
        var result = InProcess.Run("levels", "--levels", levels.Root);
        Assert.Equal(0, result.Exit);
        Assert.Contains("t-01", result.Out, StringComparison.Ordinal);
        Assert.Contains("t-fixed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_json_writes_format_characters_from_a_file_as_escapes()
    {
        // Oracle: §8 "text that came from a file never reaches the terminal with control characters or escape sequences";
        // §7 counts bidirectional overrides (U+202E, Cf) among them. JSON's own \u escape keeps the title's value intact.
        using var levels = new LevelsFolder();
        levels.Write("levels/pack/t-01.level.json", LevelsFolder.Level.Replace("Three points", "Zoë \\u202Eevil\\u001b[2J", StringComparison.Ordinal));

        var result = InProcess.Run("levels", "--json", "--levels", levels.Root);

        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain('\u202E', result.Out);
        Assert.Contains("Zoë \\u202Eevil\\u001B[2J", result.Out, StringComparison.Ordinal);
        var title = System.Text.Json.JsonDocument.Parse(result.Out).RootElement[0].GetProperty("levels")[0].GetProperty("title").GetString();
        Assert.Equal("Zoë \u202Eevil\u001b[2J", title);
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void A_missing_levels_folder_exits_2()
    {
        var result = InProcess.Run("levels", "--levels", "/no/such/folder");
        Assert.Equal(2, result.Exit);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        InProcess.AssertPlainErrors(result);
    }
}
