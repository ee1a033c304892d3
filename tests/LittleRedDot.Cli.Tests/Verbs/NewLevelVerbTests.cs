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

    [Fact]
    public void A_level_from_a_facilitators_csv_writes_the_data_beside_it_and_plays()
    {
        // Far-away x (years) and a filter: the designer must centre the data for the valley to be playable.
        var csv = levels.Write("today.csv", "year,sales,shop\n2001,10.5,a\n2002,12.1,a\n2003,13.9,a\n2004,16.2,a\n2005,17.8,a\n2003,99,b\n");
        var file = levels.Combine("levels", "today", "sales.level.json");

        var made = InProcess.Run("new-level", "--from-csv", csv, "--x", "year", "--y", "sales", "--where", "shop=a", "--both-free", "--out", file, "--levels", levels.Root);

        Assert.True(made.Exit == 0, made.ToString());
        Assert.True(File.Exists(levels.Combine("levels", "today", "sales.csv"))); // NAME.level.json's data is NAME.csv
        var report = InProcess.Run("check-levels", file, "--json", "--levels", levels.Root);
        Assert.Equal(0, report.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(report.Out);
        var level = json.RootElement[0];
        Assert.Equal(5, level.GetProperty("points").GetInt32()); // the five rows of shop a
        var best = level.GetProperty("best");
        var run = InProcess.Run(
            "run", file, "--json", "--levels", levels.Root,
            "--alpha", best.GetProperty("alpha").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--beta0", best.GetProperty("beta0").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--beta1", best.GetProperty("beta1").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"outcome\": \"reached\"", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--x", "year")] // neither --from nor --seed
    [InlineData("--seed", "1", "--from-csv", "x.csv")] // both
    public void Giving_neither_or_both_data_sources_is_bad_usage(params string[] args)
    {
        var result = InProcess.Run(["new-level", .. args, "--out", levels.Combine("x.level.json")]);

        Assert.Equal(2, result.Exit);
        InProcess.AssertPlainErrors(result);
    }
}
