using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>The window around the screens: sizes, the keys that work everywhere, the title screen, colour and glyph fallbacks.</summary>
public sealed class WindowTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void The_title_screen_names_the_game_and_lists_packs_and_levels()
    {
        using var game = new GameHarness(levels);
        var screen = game.Screen();
        Shows(screen, "The Little Red Dot");
        Shows(screen, "First steps"); // 1-first/pack.json
        Shows(screen, "  Room "); // 2-room/pack.json
        Shows(screen, "player ada");
        Shows(screen, "1. Slope only");
        Shows(screen, "2. Two knobs");
        game.Press(Key.CursorRight);
        Shows(game.Screen(), "Levels of Room (workshop: no hints)"); // 2-room/pack.json is marked "workshop": true
    }

    [Fact]
    public void The_chooser_shows_saved_stars_and_best_score()
    {
        // A best run saved before the game starts: α = 0.04 from β1 = −4 reaches at step 2, score 9666, 3 stars (TestLevels.Slope, by hand).
        var fileSystem = new FileSystem();
        var library = new LevelLibrary(fileSystem, levels.Levels);
        var level = library.Find("t-01-slope")!;
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var store = new ProgressStore(fileSystem, levels.Data, "ada", clock);
        Assert.True(store.Offer(level, RunRecorder.Record(level, new Choice(0.04, 0, -4), "ada", clock.Now)));

        using var game = new GameHarness(levels);
        var screen = game.Screen();
        Shows(screen, "★★★   9666");
        Shows(screen, "3/6★"); // three of the pack's two levels × 3 stars
        Shows(screen, "Your best: 2 steps, score 9666, 0 bounces, α = 0.04");
    }

    [Fact]
    public void Another_player_has_progress_of_their_own()
    {
        var fileSystem = new FileSystem();
        var level = new LevelLibrary(fileSystem, levels.Levels).Find("t-01-slope")!;
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        new ProgressStore(fileSystem, levels.Data, "ada", clock).Offer(level, RunRecorder.Record(level, new Choice(0.04, 0, -4), "ada", clock.Now));

        using var game = new GameHarness(levels, player: "grace");
        DoesNotShow(game.Screen(), "9666");
    }

    [Fact]
    public void Without_a_player_the_game_asks_for_a_name_once_and_keeps_it_in_the_settings()
    {
        using (var game = new GameHarness(levels, player: null))
        {
            var screen = game.Screen();
            Shows(screen, "What name should your runs carry?");
            Assert.IsType<PromptView>(game.Window.Overlay);

            // The field starts empty (the OS user's name is only suggested), so what is typed is the name.
            game.Type("Ada Lovelace").Press(Key.Enter);
            Assert.Null(game.Window.Overlay);
            Shows(game.Screen(), "player Ada Lovelace");
        }

        Assert.Contains("\"Player\": \"Ada Lovelace\"", File.ReadAllText(levels.SettingsFile), StringComparison.Ordinal);
        using var again = new GameHarness(levels, player: null);
        Assert.Null(again.Window.Overlay); // asked once: the settings file has the name now
        Shows(again.Screen(), "player Ada Lovelace");
    }

    [Fact]
    public void A_name_that_breaks_the_rules_is_refused_with_the_reason()
    {
        using var game = new GameHarness(levels, player: null);
        game.Type(new string('x', 41)).Press(Key.Enter);

        // RULES.md §7: 1 to 40 Unicode scalar values (PlayerName.Check words it).
        Shows(game.Screen(), "the player name has 41 characters; at most 40 are allowed");
        Assert.IsType<PromptView>(game.Window.Overlay);
    }

    [Fact]
    public void A_tiny_terminal_shows_the_size_message_and_a_larger_one_the_game_again()
    {
        using var game = new GameHarness(levels, width: 50, height: 12);
        var screen = game.Screen();
        Shows(Inside(screen, new System.Drawing.Rectangle(0, 0, 50, 12)), "Please make the window bigger: the game needs at least 80×22; this one is 50×12.");
        Assert.True(game.Window.TooSmall);

        game.Resize(100, 30);
        screen = game.Screen();
        Assert.False(game.Window.TooSmall);
        Shows(screen, "1. Slope only");
        DoesNotShow(screen, "make the window bigger");
    }

    [Fact]
    public void Resizing_the_level_screen_redraws_it_for_the_new_size()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter);
        game.Resize(160, 48);
        var screen = game.Screen();
        var rows = screen.Split('\n');
        Assert.True(rows.Length >= 48);
        Shows(rows[0], "player ada");
        Assert.True(rows[0].TrimEnd().Length > 100); // the header spans the wider terminal
        Shows(screen, "cost mse · budget 30 · par 3"); // the taller choice panel's extra line
    }

    [Fact]
    public void Ctrl_q_quits_with_0_from_anywhere()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter, Key.Q.WithCtrl);
        Assert.True(game.Window.Quitting);
        Assert.Equal(0, game.Window.ExitCode);
    }

    [Fact]
    public void Ctrl_c_quits_with_130_but_not_inside_a_text_field()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter, Key.A, Key.C.WithCtrl);
        Assert.False(game.Window.Quitting); // typing α: Ctrl+C belongs to the field

        game.Press(Key.Esc, Key.C.WithCtrl);
        Assert.True(game.Window.Quitting);
        Assert.Equal(130, game.Window.ExitCode);
    }

    [Fact]
    public void Esc_backs_out_of_a_screen_and_Terminal_Gui_no_longer_quits_on_it()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter);
        Assert.NotNull(game.Window.Overlay); // the story
        game.Press(Key.Esc);
        Assert.Null(game.Window.Overlay);
        Assert.NotNull(game.Window.Level);
        game.Press(Key.Esc);
        Assert.Null(game.Window.Level);
        Assert.False(game.Window.Quitting);
        game.Press(Key.Esc);
        Assert.False(game.Window.Quitting); // a first Esc on the title screen asks…
        Shows(game.Screen(), "Press Esc again to quit");
        game.Press(Key.CursorDown, Key.Esc);
        Assert.False(game.Window.Quitting); // …any other key in between stays…
        game.Press(Key.Esc);
        Assert.True(game.Window.Quitting); // …and a second one backs out of the game
        Assert.Equal(0, game.Window.ExitCode);
    }

    [Fact]
    public void F1_shows_the_keys_and_the_rules_in_short()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.F1);
        var screen = game.Screen();
        Shows(screen, "Keys and rules");
        Shows(screen, "THE GAME");
        Shows(Squeezed(screen), "β ← β − α·∂J/∂β");
    }

    [Fact]
    public void Without_colour_the_dot_keeps_a_glyph_of_its_own()
    {
        using var game = new GameHarness(levels, traits: new TerminalTraits(Color: false, Unicode: true));
        game.Press(Key.Enter, Key.Enter);
        var screen = game.Screen();
        Shows(screen, "◉"); // GlyphSet: the monochrome dot
        DoesNotShow(screen, "●");
    }

    [Fact]
    public void Without_unicode_everything_on_screen_is_ascii()
    {
        using var game = new GameHarness(levels, traits: new TerminalTraits(Color: false, Unicode: false));
        game.Press(Key.Enter, Key.Enter);
        var screen = game.Screen();
        Shows(screen, "@"); // GlyphSet: the ASCII dot
        Shows(screen, "Enter launch");
        Assert.All(screen, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} on an ASCII screen"));
    }

    [Fact]
    public void Without_unicode_typing_and_the_finished_run_keep_their_keys_ascii_and_whole()
    {
        // The oracle: GlyphSet spells ⏎ "Enter" without unicode; every key the panel names must fit its 80-column row.
        using var game = new GameHarness(levels, traits: new TerminalTraits(Color: false, Unicode: false));
        game.Press(Key.Enter, Key.Enter, Key.A);
        var typing = game.Screen();
        Shows(typing, "Enter keep  Tab next  Esc cancel");
        Assert.All(typing, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} while typing on an ASCII screen"));

        game.Press(Key.Esc, Key.Enter, Key.End);
        Shows(game.Screen(), "Enter again  T story  H hint  L learn");
    }

    [Fact]
    public void Theme_detection_honours_no_color_and_the_locale()
    {
        // https://no-color.org: present and not empty… or any value: the convention is "set".
        Assert.False(TerminalTraits.Detect(v => v == "NO_COLOR" ? "1" : null).Color);
        Assert.True(TerminalTraits.Detect(_ => null).Color);
        Assert.False(TerminalTraits.Detect(v => v == "LANG" ? "C" : null).Unicode);
        Assert.True(TerminalTraits.Detect(v => v == "LANG" ? "en_GB.UTF-8" : null).Unicode);
        Assert.False(TerminalTraits.Detect(v => v == "LANG" ? "en_GB.UTF-8" : null, "ascii").Unicode);
    }

    [Fact]
    public void The_runs_folder_is_chosen_in_the_game_and_kept_in_the_settings()
    {
        var runs = Path.Combine(levels.Root, "shared");
        using (var game = new GameHarness(levels))
        {
            game.Press(Key.R);
            Shows(Squeezed(game.Screen()), "or save it also into a folder");
            game.Type(runs).Press(Key.Enter);
            Assert.Null(game.Window.Overlay);
            // A long path goes on a line of its own above the key bar (the chooser's message rows).
            Shows(Inside(game.Screen(), new System.Drawing.Rectangle(0, 20, 80, 3)), $"Every run is also saved to {runs} (R to change)");
        }

        using var again = new GameHarness(levels);
        Assert.Equal(runs, again.Services.RunsFolder); // read back from the settings file
    }

    [Fact]
    public void Runs_are_also_saved_to_the_runs_folder()
    {
        var runs = Path.Combine(levels.Root, "room-share");
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.Enter, Key.Enter, Key.Enter);
        var file = Assert.Single(Directory.GetFiles(runs, "*.run.json"));

        // The file verifies against its level like any saved run (RULES.md §7).
        var library = new LevelLibrary(new FileSystem(), levels.Levels);
        Assert.True(new RunFileChecker(new FileSystem(), library.Find).Check(file).Verified);
        game.Press(Key.End);
        Shows(game.Screen(), "Saved to");
    }
}
