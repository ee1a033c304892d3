using System.IO.Abstractions;
using Microsoft.Extensions.Configuration;

namespace LittleRedDot.Cli.Tests.Play;

/// <summary>`play` and the bare command without a terminal, and its errors before any screen is touched (RULES.md §8).</summary>
public sealed class PlayVerbTests
{
    private static (int Exit, string Out, string Error) Run(bool terminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new FileSystem(), TimeProvider.System, new ConfigurationBuilder().Build())
        {
            HasTerminal = () => terminal,
        };
        var exit = new CliApp(context).Run(args);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("play")]
    [InlineData]
    public void Without_a_terminal_it_points_to_the_headless_verbs_and_exits_2(params string[] args)
    {
        var (exit, output, error) = Run(false, args);

        // RULES.md §8: `play` without a terminal is bad usage, exit 2.
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("needs a terminal", error, StringComparison.Ordinal);
        Assert.Contains("littlereddot run LEVEL", error, StringComparison.Ordinal);
        Assert.Contains("littlereddot levels", error, StringComparison.Ordinal);
        Assert.Contains("littlereddot replay", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_levels_folder_is_exit_2_before_the_screen_is_touched()
    {
        var (exit, _, error) = Run(true, "play", "--levels", Path.Combine(Path.GetTempPath(), "no-such-levels-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, exit);
        Assert.Contains("the levels folder does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_level_is_exit_2_before_the_screen_is_touched()
    {
        var file = Path.Combine(Path.GetTempPath(), "lrd-bad-" + Guid.NewGuid().ToString("N") + ".level.json");
        File.WriteAllText(file, "{ \"id\": \"x\" }");
        try
        {
            var (exit, _, error) = Run(true, "play", file);
            Assert.Equal(2, exit); // RULES.md §8: a malformed level for run/play
            Assert.Contains("missing required key", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
