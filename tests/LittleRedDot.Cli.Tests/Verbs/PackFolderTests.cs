using System.Text;
using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>
/// RULES.md §8: `--levels` names a levels root or one pack folder (a folder holding level files), which is
/// then the only pack; and check-levels' "try:" line, typed as printed, runs the level it names.
/// </summary>
public sealed class PackFolderTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    /// <summary>The facilitator's `today/` of the README: level files straight in the folder, a space in its path.</summary>
    private string Today()
    {
        var today = levels.Combine("work shop", "today");
        levels.Write("work shop/today/pack.json", """{ "title": "Today", "workshop": true }""");
        levels.Write("work shop/today/t-01.level.json", LevelsFolder.Level);
        return today;
    }

    [Fact]
    public void A_pack_folder_as_levels_is_the_only_pack()
    {
        var result = InProcess.Run("levels", "--json", "--levels", Today());

        Assert.Equal(0, result.Exit);
        Assert.Contains("\"Today\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"t-01\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_and_board_find_levels_and_the_pack_in_a_pack_folder()
    {
        var today = Today();
        var runs = levels.Combine("runs");
        Assert.Equal(0, InProcess.Run("run", "t-01", "--levels", today, "--alpha", "0.1", "--beta0", "0", "--beta1", "0", "--save", Path.Combine(runs, "ada.run.json")).Exit);

        var board = InProcess.Run("board", "today", runs, "--levels", today);

        Assert.Equal(0, board.Exit);
        Assert.Contains("Leaderboard: Today", board.Out, StringComparison.Ordinal);
        Assert.Contains(" ada ", board.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_try_line_for_a_level_outside_the_default_root_names_levels_and_runs_as_printed()
    {
        var today = Today();

        // No --levels: the default root is the shipped one, and today/ is not under it.
        var check = InProcess.Run("check-levels", today);

        // (t-01's start box holds its floor, so check-levels calls it invalid; the solver's best choice is printed all the same.)
        var line = check.Out.Split('\n').Single(l => l.TrimStart().StartsWith("try: ", StringComparison.Ordinal));
        var words = ShellWords(line.TrimStart()["try: ".Length..]);
        Assert.Equal(["littlereddot", "run", "t-01", "--levels"], words[..4]);
        Assert.Equal(today, Path.GetFullPath(words[4]));

        var run = InProcess.Run(words[1..]);
        Assert.Equal(0, run.Exit);
        Assert.Contains("reached the valley in 1 steps", run.Out, StringComparison.Ordinal); // as check-levels said: "reaches in 1 step"
    }

    [Fact]
    public void The_try_line_for_a_level_under_the_default_root_has_no_levels_option()
    {
        // The shipped packs live inside the program (issue 13): read them through its overlay, as Program.cs does.
        var check = InProcess.Run(LittleRedDot.Shipped.ShippedLevels.Over(new System.IO.Abstractions.FileSystem()), "check-levels", Path.Combine(AppContext.BaseDirectory, "levels", "01-the-article", "01-the-little-red-dot.level.json"));

        var line = check.Out.Split('\n').Single(l => l.TrimStart().StartsWith("try: ", StringComparison.Ordinal));
        Assert.DoesNotContain("--levels", line, StringComparison.Ordinal);
    }

    /// <summary>Splits a line as a POSIX shell would for plain and single-quoted words (all check-levels writes).</summary>
    private static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line.Trim())
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
