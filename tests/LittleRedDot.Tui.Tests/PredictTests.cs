using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Predict first (issue 11) played at 80×24 as a player would, in a pack whose pack.json asks for predictions. The
/// outcomes are derived by hand in <see cref="TestLevels.Slope"/>: from β1 = −2.5 (the middle of the start range),
/// α = 0.04 multiplies the distance from the floor by 1 − 22·0.04 = 0.12 each step — it never changes sign (0
/// bounces) and reaches the valley — so it glides in; α = 0.15 multiplies it by −2.3 and flies off.
/// </summary>
public sealed class PredictTests : IDisposable
{
    private readonly TestLevels levels = new();

    public PredictTests() =>
        File.WriteAllText(Path.Combine(levels.Levels, "1-first", "pack.json"), """{ "title": "First steps", "description": "Meet the dot.", "predict": true }""");

    public void Dispose() => levels.Dispose();

    [Fact]
    public void Enter_without_a_prediction_asks_for_one_and_the_verdict_follows_the_run()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter); // open the first level, close its story
        var before = game.Screen();
        Shows(before, "Your prediction: none yet");
        Shows(before, "P predict");

        game.Press(Key.A).Type("0.04").Press(Key.Enter);
        game.Press(Key.Enter); // no prediction yet: the pack asks for one first
        var asked = game.Screen();
        Shows(asked, "Predict first: press P");
        Assert.Equal(Presentation.SessionPhase.Setup, game.Level.Session.Phase);

        game.Press(Key.P); // glides in
        Shows(game.Screen(), "Your prediction: glides in");
        game.Press(Key.Enter, Key.End);
        var held = Squeezed(game.Screen());
        Assert.Equal(Presentation.SessionPhase.Finished, game.Level.Session.Phase);
        Assert.True(game.Level.Session.Verdict!.Held);
        Shows(held, "Your prediction held: it glides in —");
        Assert.Equal((1, 1), game.Services.Predictions("t-01-slope"));

        // A second try predicted "bounces in" (P twice), at α = 0.15: the dot flies off, and the verdict says so.
        game.Press(Key.Enter).Press(Key.A).Type("0.15").Press(Key.Enter);
        game.Press(Key.P, Key.P);
        Shows(game.Screen(), "Your prediction: bounces in");
        Shows(game.Screen(), "1/1 right");
        game.Press(Key.Enter, Key.End);
        var missed = Squeezed(game.Screen());
        Shows(missed, "Your prediction missed: you said it");
        Assert.False(game.Level.Session.Verdict!.Held);
        Assert.StartsWith("Your prediction missed: you said it bounces in, but it flies off —", game.Level.Session.Verdict.Why, StringComparison.Ordinal);
        Assert.Equal((1, 2), game.Services.Predictions("t-01-slope"));

        // The level list shows the tally.
        game.Press(Key.Esc);
        Shows(game.Screen(), "Predicted 1/2 right.");
    }

    [Fact]
    public void Outside_a_predicting_pack_Enter_launches_and_no_verdict_is_shown()
    {
        using var game = new GameHarness(levels, levelId: "s-01-set");
        game.Press(Key.Enter);
        var screen = game.Screen();
        DoesNotShow(screen, "Your prediction");
        game.Press(Key.Enter, Key.End);
        Assert.Equal(Presentation.SessionPhase.Finished, game.Level.Session.Phase);
        Assert.Null(game.Level.Session.Verdict);
        DoesNotShow(Squeezed(game.Screen()), "prediction");
    }

    /// <summary>
    /// Two dials (<see cref="TestLevels.Both"/>): the player predicts each direction. By hand (RULES.md §1): k = 2,
    /// x̄ = 2.5, mean x² = 55/6, so H = [[2, 5], [5, 18.33]], trace 20.33, det 11.67, λmax = 19.74 and λmin = 0.591.
    /// At α = 0.09 the factor across is 1 − 0.09·19.74 = −0.78 (crosses the floor each step) and along
    /// 1 − 0.09·0.591 = 0.947 (glides in); at α = 0.12 across is −1.37 (flies off), along 0.929 (glides in).
    /// </summary>
    [Fact]
    public void With_two_dials_each_direction_is_predicted_and_judged()
    {
        using var game = new GameHarness(levels, levelId: "t-02-both");
        if (game.Window.Overlay is not null)
        {
            game.Press(Key.Enter); // the story
        }

        var before = game.Screen();
        Shows(before, "P across: none yet");
        Shows(before, "V along: none yet");
        Shows(before, "P/V predict");

        game.Press(Key.A).Type("0.09").Press(Key.Enter);
        game.Press(Key.P, Key.P); // across: glides in → crosses each step
        game.Press(Key.Enter); // along still unsaid: the pack asks for it
        Shows(game.Screen(), "Predict first: press V");
        Assert.Equal(Presentation.SessionPhase.Setup, game.Level.Session.Phase);

        game.Press(Key.V); // along: glides in
        var chosen = game.Screen();
        Shows(chosen, "across: crosses each step");
        Shows(chosen, "along: glides in");
        game.Press(Key.Enter, Key.End);
        Assert.Equal(Presentation.SessionPhase.Finished, game.Level.Session.Phase);
        var verdicts = game.Level.Session.WayVerdicts;
        Assert.Equal(2, verdicts.Count);
        Assert.True(verdicts.All(v => v.Held), string.Join(" ", verdicts.Select(v => v.Why)));
        Assert.StartsWith("Across the valley you were right, it crosses the floor each step: 1 − α·λmax = -0.78, and it crossed on", Plain(verdicts[0].Why), StringComparison.Ordinal);
        Assert.StartsWith("Along the valley you were right, it glides in: 1 − α·λmin = 0.95, and it never crossed", Plain(verdicts[1].Why), StringComparison.Ordinal);
        var held = Squeezed(game.Screen());
        Shows(held, "Across the valley you were right");

        // A second try at α = 0.12, predicted glides in across (P) and flies off along (V three times): both miss.
        game.Press(Key.Enter).Press(Key.A).Type("0.12").Press(Key.Enter);
        game.Press(Key.P).Press(Key.V, Key.V, Key.V);
        Shows(game.Screen(), "1/1, 1/1 right");
        game.Press(Key.Enter, Key.End);
        verdicts = game.Level.Session.WayVerdicts;
        Assert.StartsWith("Across the valley you said it glides in, but it flies off: 1 − α·λmax = -1.4,", Plain(verdicts[0].Why), StringComparison.Ordinal);
        Assert.StartsWith("Along the valley you said it flies off, but it glides in: 1 − α·λmin = 0.93,", Plain(verdicts[1].Why), StringComparison.Ordinal);
        Assert.Equal((1, 2), game.Services.Predictions("t-02-both", Content.Lessons.Way.Across));
        Assert.Equal((1, 2), game.Services.Predictions("t-02-both", Content.Lessons.Way.Along));

        game.Press(Key.Esc);
        Shows(game.Screen(), "Predicted across 1/2, along 1/2 right.");

        // F1 names both keys of the per-direction prediction.
        var help = Plain(Views.HelpText.Text(unicode: true));
        Assert.Contains("P guesses across the valley", help, StringComparison.Ordinal);
        Assert.Contains("V along it", help, StringComparison.Ordinal);
    }

    /// <summary>A verdict as read: its no-break spaces (which keep "1 − α·λ" on one line) as spaces.</summary>
    private static string Plain(string text) => text.Replace('\u00A0', ' ');
}
