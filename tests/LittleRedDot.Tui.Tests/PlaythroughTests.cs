using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>What a newcomer met when playing the first pack at 80×24, fixed and kept fixed.</summary>
public sealed class PlaythroughTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void The_level_list_shows_a_pack_description_and_the_level_details_whole()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.CursorRight, Key.CursorRight); // the third pack, with a long description (TestLevels)
        // The level box starts at column 24 at 80 columns (ChooserScreen: the packs take 3/10 of the width, at least 22 + frame).
        var screen = game.Screen();
        Shows(Inside(screen, new System.Drawing.Rectangle(24, 4, 56, 2)), "Levels that set where the dot starts, so that only the learning rate is yours to choose.");
        Shows(Inside(screen, new System.Drawing.Rectangle(24, 17, 56, 2)), "β1 free, β0 fixed · 5 points · budget 30 steps · par 3 · goal gap ≤ 0.5"); // TestLevels.SetStart's rules, none cut
    }

    [Fact]
    public void A_level_that_sets_the_start_offers_only_alpha()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.CursorRight, Key.CursorRight, Key.Enter);
        var story = Assert.IsType<Views.PopupView>(game.Window.Overlay);
        Assert.Contains("pick the learning rate α (this level sets where the dot starts)", story.Body, StringComparison.Ordinal);
        game.Press(Key.Enter);
        var screen = game.Screen();
        Shows(screen, "β1   -4         start set by the level"); // TestLevels.SetStart: β1's start range is [-4, -4]
        DoesNotShow(screen, "start  "); // no start keys on the key bar
        Shows(screen, "A type");

        game.Press(Key.CursorRight);
        Shows(game.Screen(), "This level sets the start (β1 = -4): choose α (+ and - step it, A types it).");
        Assert.Equal(-4, game.Level.Session.Start1);
        game.Press(Key.B);
        Assert.Equal(Views.EditTarget.None, game.Level.Editing); // nothing to type
    }
}
