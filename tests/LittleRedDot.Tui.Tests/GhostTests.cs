using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Views;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Any run file can be opened as the ghost (issue 5) — if it verifies against the level on screen as replay
/// would (RULES.md §7); otherwise the prompt says why, and nothing is drawn.
/// </summary>
public sealed class GhostTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void A_friends_run_file_becomes_the_ghost()
    {
        // Oracle: TestLevels.Slope by hand — α = 0.04 from β1 = −4 reaches at step 2, score 9666.
        var file = SaveRun("t-01-slope", new Choice(0.04, 0, -4), "grace");
        using var game = OpenSlope();
        Assert.Null(game.Level.Session.Ghost); // ada has no best run yet

        game.Press(Key.O);
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Assert.Equal("Ghost from a run file", prompt.PromptTitle);
        game.Type(file).Press(Key.Enter);

        Assert.Null(game.Window.Overlay);
        var session = game.Level.Session;
        Assert.Equal(2, session.Ghost![^1].Step);
        Assert.Equal(-4.0, session.Ghost[0].Beta1); // the ghost starts where grace's run started
        Assert.Equal("grace's run", session.GhostLabel);
        Shows(game.Screen(), "Ghost: grace's run, reached the valley at step 2, score 9666 (grace.run.json)");
    }

    [Fact]
    public void The_valley_says_what_its_marks_mean_and_names_the_ghost_only_when_it_is_drawn()
    {
        // Issue 11: the legend sits in the valley picture's bottom edge at 80×24, in the glyphs GlyphSet gives (Unicode, colour).
        var file = SaveRun("t-01-slope", new Choice(0.04, 0, -4), "grace");
        using var game = OpenSlope();
        Shows(game.Screen(), "● dot ○ start × lowest • path ─");
        DoesNotShow(game.Screen(), "∘ ghost");

        game.Press(Key.O).Type(file).Press(Key.Enter);
        Shows(game.Screen(), "● dot ○ start × lowest • path ∘ ghost ─");
    }

    [Fact]
    public void The_ghost_from_a_file_stays_when_the_players_own_best_changes()
    {
        var file = SaveRun("t-01-slope", new Choice(0.04, 0, -4), "grace");
        using var game = OpenSlope();
        game.Press(Key.O).Type(file).Press(Key.Enter);

        // ada's own run (α = 0.001: out of steps after 30, TestLevels.Slope) becomes her best, but the opened ghost stays.
        game.Press(Key.A).Type("0.001").Press(Key.Enter, Key.Enter, Key.End);
        Assert.NotNull(game.Level.Session.Best);
        Assert.Equal(2, game.Level.Session.Ghost![^1].Step);
        Assert.True(game.Level.Session.GhostFromFile);
    }

    [Fact]
    public void A_tampered_run_file_is_refused_with_the_reason_and_draws_nothing()
    {
        var file = SaveRun("t-01-slope", new Choice(0.04, 0, -4), "grace");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"grace\"", "\"mallory\"", StringComparison.Ordinal));
        using var game = OpenSlope();
        game.Press(Key.O).Type(file).Press(Key.Enter);

        // RunVerifier: a renamed player breaks the digest (RULES.md §7).
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Assert.Contains("digest differs", prompt.Refusal, StringComparison.Ordinal);
        Shows(Squeezed(game.Screen()), "grace.run.json: digest differs");
        Assert.Null(game.Level.Session.Ghost);
    }

    [Fact]
    public void A_run_on_another_level_is_refused_by_name()
    {
        // TestLevels.Both: α = 0.09 from (−6, −2) reaches at step 28 (checked with `littlereddot run`); any verified run will do.
        var file = SaveRun("t-02-both", new Choice(0.09, -6, -2), "grace");
        using var game = OpenSlope();
        game.Press(Key.O).Type(file).Press(Key.Enter);
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Assert.Equal("grace.run.json: that run was played on the level \"t-02-both\", not on this one (\"t-01-slope\")", prompt.Refusal);
    }

    [Fact]
    public void A_path_with_escape_sequences_is_shown_escaped()
    {
        // A key press cannot type ESC into the field (it is the Esc key), so the path comes as --ghost gives it.
        using var game = OpenSlope();
        game.Level.OpenGhost(Path.Combine(levels.Root, "x\u001b[2J.run.json"));
        var screen = game.Screen();
        Shows(screen, "Ghost not shown: x\\u001B[2J.run.json: file not found"); // TextSafety: ESC as a visible \u001B
        Assert.DoesNotContain('\u001b', screen);
        Assert.Null(game.Level.Session.Ghost);
    }

    [Fact]
    public void A_typed_path_may_be_quoted_or_start_at_home()
    {
        var fs = new FileSystem();
        Assert.Equal("/home/ada/runs/a.run.json", GhostFile.Resolve(fs, "~/runs/a.run.json", "/home/ada"));
        Assert.Equal("/tmp/with space.run.json", GhostFile.Resolve(fs, " '/tmp/with space.run.json' ", "/home/ada"));
        Assert.Null(GhostFile.Resolve(fs, "   ", "/home/ada"));
    }

    [Theory]
    [InlineData(0)] // TestLevels.Slope: one free dial
    [InlineData(1)] // TestLevels.Both: two free dials, the start moved with the arrows
    public void The_80_column_key_bar_names_the_ghost_keys_and_the_way_back(int down)
    {
        // Oracle: the ghost file key has no other place on screen (F1 names G and O one by one), and the second newcomer
        // play-test looked for the way back to the levels on a two-dial level's key bar and found it gone.
        using var game = new GameHarness(levels);
        for (var i = 0; i < down; i++)
        {
            game.Press(Key.CursorDown);
        }

        game.Press(Key.Enter, Key.Enter); // open the level, close its story
        var keys = game.Screen().Split('\n')[23];
        Shows(keys, "predict");
        Shows(keys, "G/O ghost");
        Shows(keys, "F1 help");
        Shows(keys, "Esc levels");
    }

    private string SaveRun(string levelId, Choice choice, string player) =>
        levels.SaveRun(levelId, choice, player, Path.Combine(levels.Root, player + RunFileChecker.RunSuffix));

    private GameHarness OpenSlope()
    {
        var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter); // open the first level, close its story
        return game;
    }
}
