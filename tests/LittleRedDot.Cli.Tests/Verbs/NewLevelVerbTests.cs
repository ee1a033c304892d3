using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Verbs;

/// <summary>`littlereddot new-level` in-process (RULES.md §8): what it writes passes check-levels, or it exits 1.</summary>
public sealed class NewLevelVerbTests : IDisposable
{
    private readonly LevelsFolder levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void A_new_level_passes_check_levels_under_the_levels_root()
    {
        var file = levels.Combine("levels", "pack", "fresh.level.json");

        var made = InProcess.Run("new-level", "--seed", "3", "--out", file, "--levels", levels.Root);
        var checkedLevels = InProcess.Run("check-levels", file, "--levels", levels.Root); // compared with every id under the root

        Assert.Equal(0, made.Exit);
        Assert.True(checkedLevels.Exit == 0, checkedLevels.ToString());
    }

    [Fact]
    public void An_id_already_used_under_the_levels_root_is_refused_and_nothing_is_written()
    {
        // Oracle: §6 "level ids are unique under a levels root" — check-levels calls both files invalid (exit 1), so
        // §8's new-level is "unable to make a valid level" (exit 1) with this id.
        var file = levels.Combine("levels", "pack", "copy.level.json");

        var result = InProcess.Run("new-level", "--seed", "3", "--id", "t-01", "--out", file, "--levels", levels.Root);

        Assert.Equal(1, result.Exit);
        Assert.Contains("the id \"t-01\" is already used by", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        InProcess.AssertPlainErrors(result);
    }

    [Fact]
    public void The_same_id_outside_the_levels_root_is_fine()
    {
        var file = levels.Combine("elsewhere", "t-01.level.json");

        var result = InProcess.Run("new-level", "--seed", "3", "--out", file, "--levels", levels.Root);

        Assert.Equal(0, result.Exit);
        Assert.Equal(0, InProcess.Run("check-levels", file, "--levels", levels.Root).Exit);
    }
}
