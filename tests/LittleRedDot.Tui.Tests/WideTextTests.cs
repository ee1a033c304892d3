using Terminal.Gui.Text;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Names and titles of emoji at 80×24: a player name of 22–40 emoji (RULES.md §7 allows 40 scalar values) crashed every
/// start when the chooser's header cut it inside a surrogate pair; a long title of emoji must stay inside the screen.
/// </summary>
public sealed class WideTextTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Theory]
    [InlineData(22)]
    [InlineData(40)]
    public void A_name_of_emoji_draws_whole_clusters_inside_80_columns(int count)
    {
        using var game = new GameHarness(levels, player: string.Concat(Enumerable.Repeat("😀", count)));

        AssertDrawnWithin80(game.Screen());
    }

    [Fact]
    public void A_title_of_60_emoji_draws_inside_80_columns_on_the_chooser_and_the_level()
    {
        var title = string.Concat(Enumerable.Repeat("🦊", 60));
        File.WriteAllText(Path.Combine(levels.Levels, "1-first", "01-slope.level.json"), TestLevels.Slope.Replace("Slope only", title, StringComparison.Ordinal));

        using var game = new GameHarness(levels);
        var chooser = game.Screen();
        AssertDrawnWithin80(chooser);
        Assert.Contains("🦊🦊🦊", chooser, StringComparison.Ordinal); // the title is shown, cut, not dropped

        using var level = new GameHarness(levels, levelId: "t-01-slope");
        AssertDrawnWithin80(level.Screen());
    }

    private static void AssertDrawnWithin80(string screen)
    {
        foreach (var row in screen.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            Assert.DoesNotContain('\uFFFD', row); // no cut surrogate shown as a replacement character
            Assert.True(row.TrimEnd().GetColumns() <= 80, $"a row of {row.TrimEnd().GetColumns()} columns: {row}");
        }
    }
}
