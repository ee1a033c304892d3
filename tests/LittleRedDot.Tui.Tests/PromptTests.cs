using LittleRedDot.Content;
using LittleRedDot.Tui.Views;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The name and runs-folder prompts start empty: typing is the answer, never appended to a pre-filled one;
/// the current value is shown as a suggestion that Enter alone keeps.
/// </summary>
public sealed class PromptTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void The_first_name_prompt_suggests_the_os_user_and_enter_alone_takes_it()
    {
        const string osUser = "grace"; // the oracle: the account the game is handed (UserAccount), not this machine's
        using var game = new GameHarness(levels, player: null, account: osUser);
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Assert.Equal(string.Empty, prompt.Field.Text);
        Shows(game.Screen(), $"⏎ alone keeps {osUser}");

        game.Press(Key.Enter);
        Assert.Null(game.Window.Overlay);
        Assert.Equal(osUser, game.Services.Player);
    }

    [Fact]
    public void The_first_name_prompt_refuses_esc_and_says_how_to_quit_instead()
    {
        // The oracle: the first prompt is required (PromptView), so Esc does nothing; the window quits on Ctrl+Q (issue 5).
        using var game = new GameHarness(levels, player: null);
        game.Press(Key.Esc);
        Assert.IsType<PromptView>(game.Window.Overlay);
        Shows(game.Screen(), "⏎ keep  Ctrl+Q quit");
    }

    [Fact]
    public void Typing_a_new_name_replaces_the_old_one_rather_than_adding_to_it()
    {
        using var game = new GameHarness(levels); // the player is "ada"
        game.Press(Key.P);
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Shows(game.Screen(), "⏎ alone keeps ada");

        game.Type("bob");
        Assert.Equal("bob", prompt.Field.Text);
        DoesNotShow(game.Screen(), "alone keeps"); // the suggestion goes once something is typed
        game.Press(Key.Enter);
        Assert.Equal("bob", game.Services.Player);
        Shows(game.Screen(), "player bob");
    }

    [Fact]
    public void Enter_alone_keeps_the_runs_folder_and_a_dash_clears_it()
    {
        var runs = Path.Combine(levels.Root, "room");
        using var game = new GameHarness(levels, runsFolder: runs);
        game.Press(Key.R);
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Assert.Equal(string.Empty, prompt.Field.Text);
        Shows(Squeezed(game.Screen()), "alone keeps /"); // the path follows, cut to the prompt's width
        Assert.Equal(runs, prompt.Suggestion);

        game.Press(Key.Enter);
        Assert.Null(game.Window.Overlay);
        Assert.Equal(runs, game.Services.RunsFolder);

        game.Press(Key.R).Type("-").Press(Key.Enter);
        Assert.Null(game.Services.RunsFolder);
        Shows(game.Screen(), "R sets a room or a runs folder");
    }

    [Fact]
    public void A_runs_folder_below_a_plain_file_is_refused_when_it_is_typed()
    {
        // The oracle: a plain file cannot hold a folder, so no run could ever be saved there.
        var blocker = Path.Combine(levels.Root, "a-file");
        File.WriteAllText(blocker, "x");
        using var game = new GameHarness(levels);
        game.Press(Key.R).Type(Path.Combine(blocker, "runs")).Press(Key.Enter);

        var prompt = Assert.IsType<PromptView>(game.Window.Overlay); // the prompt stays open
        Assert.Contains("is a file", prompt.Refusal, StringComparison.Ordinal);
        Assert.Null(game.Services.RunsFolder);
    }

    [Fact]
    public void After_a_refusal_typing_replaces_the_refused_answer()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.P).Type(new string('x', 41)).Press(Key.Enter);
        var prompt = Assert.IsType<PromptView>(game.Window.Overlay);
        Assert.NotNull(prompt.Refusal); // RULES.md §7: at most 40 characters

        game.Type("bob");
        Assert.Equal("bob", prompt.Field.Text);
        game.Press(Key.Enter);
        Assert.Equal("bob", game.Services.Player);
    }

    [Fact]
    public void Esc_cancels_a_prompt_that_is_not_required_and_changes_nothing()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.P).Type("zed").Press(Key.Esc);
        Assert.Null(game.Window.Overlay);
        Assert.Equal("ada", game.Services.Player);
    }

    [Fact]
    public void A_direction_override_typed_in_the_name_field_is_kept_out_and_never_drawn()
    {
        // Oracle: RULES.md §7 allows no Cf character in a name, and §8 lets none reach the terminal; U+202E is Cf.
        using var game = new GameHarness(levels);
        var prompt = OpenNamePrompt(game);

        TypeRunes(game, "x\u202Ey");

        Assert.Equal("xy", prompt.Field.Text); // what came after it is kept, in order
        var screen = game.Screen();
        Assert.DoesNotContain('\u202E', screen);
        Shows(Squeezed(screen), "U+202E was not typed");
        game.Press(Key.Enter);
        Assert.Equal("xy", game.Services.Player);
    }

    [Fact]
    public void A_zwj_emoji_typed_in_the_name_field_keeps_every_emoji_and_drops_only_the_joiner()
    {
        // Oracle: 👩‍💻 is U+1F469 U+200D U+1F4BB; the joiner is Cf (not allowed in a name, RULES.md §7), the emoji are not,
        // so the field holds the two emoji in order and nothing typed after the sequence is lost.
        using var game = new GameHarness(levels);
        var prompt = OpenNamePrompt(game);

        TypeRunes(game, "ab\U0001F469\u200D\U0001F4BB");
        Assert.Equal("ab\U0001F469\U0001F4BB", prompt.Field.Text);
        Assert.Equal("U+200D was not typed: control, format and line-separator characters (a direction override, a joiner, U+2028) cannot be part of it", prompt.KeptOut);

        // A terminal that reports the whole cluster as one key (kitty keyboard protocol) types the same.
        game.Press(new Key(0x1F469) { AssociatedText = "\U0001F469\u200D\U0001F4BB" });
        TypeRunes(game, "c");
        Assert.Equal("ab\U0001F469\U0001F4BB\U0001F469\U0001F4BBc", prompt.Field.Text);

        game.Press(Key.Enter);
        Assert.Equal("ab\U0001F469\U0001F4BB\U0001F469\U0001F4BBc", game.Services.Player);
    }

    /// <summary>P on the level list: the name prompt, for the player "ada".</summary>
    private static PromptView OpenNamePrompt(GameHarness game)
    {
        game.Press(Key.P);
        return Assert.IsType<PromptView>(game.Window.Overlay);
    }

    /// <summary>Types <paramref name="text"/> a character (a Unicode scalar value) per key, as a terminal sends it.</summary>
    private static void TypeRunes(GameHarness game, string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            game.Press(new Key(rune.Value));
        }
    }
}
