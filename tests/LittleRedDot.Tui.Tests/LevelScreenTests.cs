using LittleRedDot.Tui.Presentation;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The level screen driven as a player would: open a level from the chooser, set α and the start by
/// typing and by keys, launch, and read what the screen says for each outcome. The expected outcomes are
/// derived by hand in <see cref="TestLevels.Slope"/> and agree with `littlereddot run`.
/// </summary>
public sealed partial class LevelScreenTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void Opening_a_level_shows_its_story_then_the_level_screen()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter);
        var story = game.Screen();
        Shows(story, "Slope only");
        Shows(story, "The toy car rolls farther the harder you push.");
        Shows(story, "in at most 30 steps"); // the level's budget (TestLevels.Slope)

        game.Press(Key.Enter);
        var screen = game.Screen();
        Shows(screen, "The valley J(β1)"); // one free parameter: the cost curve
        Shows(screen, "Data · line ŷ = β0 + β1·x");
        Shows(screen, "Your choice");
        Shows(screen, "in [0.001, 0.15]"); // the α range of TestLevels.Slope
        Shows(screen, "in [-4, -1]"); // the β1 start range
        Shows(screen, "fixed in this level"); // β0
        Shows(screen, "⏎ launch");
    }

    [Fact]
    public void Reached_shows_the_steps_score_stars_and_the_lesson()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.04", "-4");
        var screen = LaunchAndFinish(game);
        var outcome = Outcome(game, screen);

        // Oracle: TestLevels.Slope by hand — α = 0.04 from β1 = −4 reaches at step 2; ⌊10000·29/30⌋ = 9666; 2 ≤ par 3 → 3 stars.
        Shows(outcome, "Reached the valley at step 2");
        Shows(outcome, "★★★ score 9666");

        // The lesson (Content's Lesson, the same words `run` prints) starts with the run's own counters; 1 − α·λ = 1 − 0.04·22 = 0.12.
        Shows(outcome, "The dot reached the valley in 2 steps (par 3), without a single bounce.");
        Assert.Contains("1\u00A0−\u00A0α·λ = 0.12, so the dot glided in", game.Level.Session.Lesson!.Text, StringComparison.Ordinal);
        // No runs folder here: the progress folder keeps it, named whole within the 80-column message row (its middle as …).
        var progress = Path.GetFileName(Path.GetDirectoryName(game.Level.Session.LastSave!.BestFile));
        Shows(screen, $"New best! Run file: ~/…/progress/{progress}/ ");
        Assert.True(File.Exists(game.Level.Session.LastSave!.BestFile), game.Level.Session.LastSave!.BestFile);
    }

    [Fact]
    public void Diverged_shows_the_dot_flew_off_and_why()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.15", "-4");
        var screen = LaunchAndFinish(game);
        var outcome = Outcome(game, screen);

        // Oracle: TestLevels.Slope — |1 − 0.15·22| = 2.3, the gap grows 5.29× a step, past 10⁶ × at step 9.
        Shows(outcome, "Diverged at step 9: the dot flew off");
        Shows(outcome, "☆☆☆ score 0");

        // The lesson from the run: 1 − 0.15·22 = −2.3, each step 2.3 times farther out.
        Shows(outcome, "The dot flew off: by step 9 its distance from the floor had blown up, bouncing 9 times (on every step).");
        Assert.Contains("1\u00A0−\u00A0α·λ = -2.3, so each step carried the dot across the floor and 2.3 times farther out", game.Level.Session.Lesson!.Text, StringComparison.Ordinal);

        // The outcome takes the valley's place; the data plot keeps the line the run ended with in view.
        Shows(screen, "Data · line ŷ = β0 + β1·x");
    }

    [Fact]
    public void Out_of_steps_shows_the_budget_ran_out_and_that_a_larger_alpha_is_faster()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.001", "-4");
        var screen = LaunchAndFinish(game);
        var outcome = Outcome(game, screen);

        // Oracle: TestLevels.Slope — each step keeps 1 − 0.001·22 = 0.978 of the distance; 0.978³⁰ ≈ 51% of it is left.
        Shows(outcome, "Out of steps: 30 steps and not in the valley");
        Shows(outcome, "☆☆☆ score 0");
        Shows(outcome, "The budget of 30 steps ran out before the dot reached the valley, without a single bounce.");
        var lesson = game.Level.Session.Lesson!.Text;
        Assert.Contains("1\u00A0−\u00A0α·λ = 0.98, so the dot crept", lesson, StringComparison.Ordinal);
        Assert.Contains("After 30 steps the dot still had 51% of its starting distance from the floor: a larger α takes longer strides.", lesson, StringComparison.Ordinal);
        Shows(screen, "step 30/30");
    }

    [Fact]
    public void Alpha_steps_on_a_log_scale_and_the_start_moves_with_the_arrows()
    {
        using var game = OpenSlope();

        // The first α is the round value at or below the range's geometric middle √(0.001·0.15) = 0.0122 → 0.012 (AlphaLadder).
        Shows(game.Screen(), "α    0.012 ");
        game.Press(new Key('+'));
        Shows(game.Screen(), "α    0.015 "); // the next notch of 1, 1.2, 1.5, 2, …
        game.Press(new Key('-'), new Key('-'));
        Shows(game.Screen(), "α    0.01 ");

        // The start begins mid-range, (−4 + −1)/2 = −2.5, and moves by 1/20 of the range (0.15) per press.
        Shows(game.Screen(), "β1   -2.5 ");
        game.Press(Key.CursorRight, Key.CursorRight);
        Shows(game.Screen(), "β1   -2.2 ");
        game.Press(Key.CursorLeft.WithShift);
        Shows(game.Screen(), "β1   -2.95 "); // Shift moves 5 notches: −2.2 − 0.75
    }

    [Fact]
    public void Help_in_the_middle_of_typing_does_not_make_the_next_key_replace_what_was_typed()
    {
        using var game = OpenSlope();
        game.Press(Key.A).Type("0.0").Press(Key.F1);
        Assert.NotNull(game.Window.Overlay); // the help is open over the half-typed α
        game.Press(Key.Esc).Type("5").Press(Key.Enter);

        // The oracle: the keys typed were 0, ., 0, 5, so α is 0.05 (inside the slope level's [0.001, 0.15]).
        Shows(game.Screen(), "α    0.05 ");
    }

    [Fact]
    public void The_maps_legend_names_the_valley_floors_line_and_the_curves_does_not()
    {
        // Oracle: the second newcomer play-test saw the dotted line through × on a two-dial map and found no word for it
        // (ValleyPicture draws it on the map only: the floor's line along λmin).
        using var map = new GameHarness(levels);
        map.Press(Key.CursorDown, Key.Enter, Key.Enter); // TestLevels.Both
        Assert.Contains(map.Screen().Split('\n'), line => line.Contains("lowest", StringComparison.Ordinal) && line.Contains("floor", StringComparison.Ordinal));

        using var curve = new GameHarness(levels);
        curve.Press(Key.Enter, Key.Enter); // TestLevels.Slope: one dial, a curve
        var legend = Assert.Single(curve.Screen().Split('\n'), line => line.Contains("lowest", StringComparison.Ordinal));
        Assert.DoesNotContain("floor", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesson_longer_than_the_outcome_panel_says_pgdn_reads_on()
    {
        // Two knobs (TestLevels.Both): mse Hessian 2·[[1, 2.5], [2.5, 9.17]], λmax ≈ 19.7, λmin ≈ 0.59, κ ≈ 33; 2/λmax ≈ 0.101,
        // so α = 0.12 diverges and the lesson adds the narrow-valley sentence (Lesson: κ ≥ 10, not reached), too long for 80×24.
        using var game = new GameHarness(levels);
        game.Press(Key.CursorDown, Key.Enter, Key.Enter);
        game.Press(Key.A).Type("0.12").Press(Key.Enter);
        game.Press(Key.Enter, Key.End);
        var screen = game.Screen();
        Shows(screen, "Diverged");
        Shows(screen, "How it went (PgDn more)");
        var frame = game.Level.OutcomePanel.Frame; // in the valley's place after a run (LevelLayout)
        var panel = new System.Drawing.Rectangle(frame.X + 1, frame.Y + 1, frame.Width - 2, frame.Height - 2);
        DoesNotShow(Inside(screen, panel), "The best single α");

        for (var i = 0; i < 10 && game.Screen().Contains("(PgDn more)", StringComparison.Ordinal); i++)
        {
            game.Press(Key.PageDown);
        }

        screen = game.Screen();
        Shows(screen, "How it went (PgUp back)");
        Shows(Inside(screen, panel), "The best single α");
    }

    [Fact]
    public void A_typed_value_outside_its_range_is_kept_at_the_nearest_end_with_a_word()
    {
        using var game = OpenSlope();
        game.Press(Key.A).Type("5").Press(Key.Enter);
        var screen = game.Screen();

        // The UI clamps while typing (issue 5); the range is the level's α range.
        Shows(screen, "α must be in [0.001, 0.15]; set to 0.15");
        Shows(screen, "α    0.15 ");

        game.Press(Key.A).Type("fast").Press(Key.Enter);
        Shows(game.Screen(), "\"fast\" is not a number");
        Assert.Equal(Views.EditTarget.Alpha, game.Level.Editing); // still typing: the value was refused
        game.Press(Key.Esc);
        Assert.Equal(Views.EditTarget.None, game.Level.Editing);
        Shows(game.Screen(), "α    0.15 "); // unchanged by the cancelled edit
    }

    [Fact]
    public void Pause_single_step_speed_and_skip_control_the_animation()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.001", "-4");
        game.Press(Key.Enter);

        // 10 steps a second by default (SpeedLadder): 0.25 s of virtual time shows steps 1 and 2.
        game.Wait(TimeSpan.FromMilliseconds(250));
        Shows(game.Screen(), "step 2/30");
        game.Press(Key.Space);
        Shows(game.Screen(), "paused");
        game.Wait(TimeSpan.FromSeconds(1));
        Shows(game.Screen(), "step 2/30"); // paused: time passes, the dot does not move
        game.Press(Key.S);
        Shows(game.Screen(), "step 3/30"); // one step
        game.Press(Key.Space, new Key('>'));
        Shows(game.Screen(), "20/s"); // the next speed of the ladder
        game.Press(Key.End);
        Shows(game.Screen(), "Out of steps");
        Assert.Equal(SessionPhase.Finished, game.Level.Session.Phase);
    }

    [Fact]
    public void Try_again_starts_from_the_last_choice_and_the_level_remembers_it()
    {
        using (var game = OpenSlope())
        {
            SetChoice(game, "0.04", "-3.5");
            LaunchAndFinish(game);
            game.Press(Key.Enter); // try again
            var screen = game.Screen();
            Shows(screen, "α    0.04 ");
            Shows(screen, "β1   -3.5 ");
            Shows(screen, "⏎ launch");
        }

        // A new game (the settings file kept the last choice per level) starts there too.
        using var again = OpenSlope();
        Shows(again.Screen(), "α    0.04 ");
        Shows(again.Screen(), "β1   -3.5 ");
    }

    [Fact]
    public void The_best_run_is_kept_and_shown_with_its_ghost()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.04", "-4");
        LaunchAndFinish(game);
        game.Press(Key.Enter);
        SetChoice(game, "0.001", "-4");
        var screen = LaunchAndFinish(game);

        // The worse run (out of steps) did not replace the best (reached, 9666): RULES.md §4 ranks by score.
        Shows(screen, "best ★★★ 9666");
        DoesNotShow(screen, "New best");
        Assert.NotNull(game.Level.Session.Ghost);
        Assert.Equal(2, game.Level.Session.Ghost![^1].Step); // the ghost is the best run: reached at step 2
    }

    [Fact]
    public void After_a_run_the_learn_panel_shows_the_last_step_taken_and_why_alpha_glides()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.04", "-4");
        LaunchAndFinish(game); // reached at step 2 (Reached_shows_the_steps_score_stars_and_the_lesson)
        game.Press(Key.L);
        var screen = game.Screen();

        // The last step taken is step 1 → 2, not an update from step 2 that never happened; λ = 22, 1 − 0.04·22 = 0.12.
        Shows(screen, "Step 1:");
        DoesNotShow(screen, "Step 2:");
        game.Press(Key.PageDown);
        Shows(game.Screen(), "λ = 22: 1 − 0.04·22 = 0.12 →");
        Shows(game.Screen(), "glides");

        // ∂J/∂β1 uses Σ r·x and J uses Σ r²: their columns stay in the 32-column panel of 80×24 (i and ŷ go first).
        var header = LearnSheet.Lines(game.Level.Session.Level, 0.04, game.Level.Session.Current, 32).Single(l => l.Contains(" r·x ", StringComparison.Ordinal));
        Assert.Contains("r·x", header, StringComparison.Ordinal);
        Assert.Contains("r²", header, StringComparison.Ordinal);
    }

    [Fact]
    public void G_says_whether_the_ghost_is_shown_and_the_story_opens_only_before_the_first_launch()
    {
        using var game = OpenSlope();
        game.Press(Key.G);
        Shows(game.Screen(), "No ghost yet");
        SetChoice(game, "0.04", "-4");
        LaunchAndFinish(game);
        game.Press(Key.G);
        Shows(game.Screen(), "Ghost hidden: your best (G shows it).");
        game.Press(Key.G);
        Shows(game.Screen(), "Ghost shown: your best");

        // Back to the list and in again: the level has been launched, so no story pops up; T still shows it.
        game.Press(Key.Esc, Key.Enter);
        DoesNotShow(game.Screen(), "The toy car rolls farther");
        game.Press(Key.T);
        Shows(game.Screen(), "The toy car rolls farther");
    }

    [Fact]
    public void The_story_and_hints_are_read_as_markdown()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter);

        // TestLevels.Slope's story: "the **harder** you push", then a list of two items.
        var story = game.Screen();
        Shows(story, "The toy car rolls farther the harder you push.");
        Shows(story, "• Small steps are safe.");
        Shows(story, "• Big ones bounce.");
        DoesNotShow(story, "*");
        Assert.Equal(game.Theme[Theming.Ink.Title], game.AttributeOf("harder"));
        Assert.Equal(game.Theme[Theming.Ink.Emphasis], game.AttributeOf("Small"));

        game.Press(Key.Enter, Key.H);
        Shows(game.Screen(), "Try a small alpha first."); // the hint's `small` is code: no backticks
        Assert.Equal(game.Theme[Theming.Ink.Code], game.AttributeOf("small alpha"));
    }

    [Fact]
    public void Hints_come_one_at_a_time_on_request()
    {
        using var game = OpenSlope();
        game.Press(Key.H);
        var screen = game.Screen();
        Shows(screen, "Hint 1 of 2"); // TestLevels.Slope has two hints
        Shows(screen, "Try a small alpha first.");
        game.Press(Key.Enter, Key.H);
        Shows(game.Screen(), "Second hint.");
    }

    [Fact]
    public void A_workshop_pack_hides_hints_and_the_numbers_that_would_give_the_answer_away()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.CursorRight, Key.Enter, Key.Enter); // the second pack is the workshop room
        game.Press(Key.H);
        var screen = game.Screen();
        Shows(screen, "Hints are hidden in this workshop pack");
        DoesNotShow(screen, "SECRET HINT");

        game.Press(Key.Enter);
        DoesNotShow(game.Screen(), "H hint"); // the key bar offers no hints where there are none to give
        game.Press(Key.A).Type("2.5").Press(Key.Enter);
        var outcome = Outcome(game, LaunchAndFinish(game));

        // half-mse, β1 fixed: λ = k = 1, stability limit 2; α = 2.5 diverges (|1 − 2.5| = 1.5 > 1), as `littlereddot run` shows.
        Shows(outcome, "Diverged");
        Shows(outcome, "1.5 times farther out");
        DoesNotShow(outcome, "λ");
    }

    [Fact]
    public void The_learn_panel_fills_the_formulas_with_this_steps_numbers()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.04", "-4");
        game.Press(Key.L);
        var screen = game.Screen();
        Shows(screen, "Step 0: β0 = 0, β1 = -4");
        Shows(screen, "∂J/∂β1 = (2/N)·Σ r·x");

        // Per-point oracle at β1 = −4: r = −4x − y → Σ r·x = −4·55 − 110.1 = −330.1; ∂J/∂β1 = (2/5)·(−330.1) = −132.04.
        Shows(screen, "(2/5)·(-330.1) = -132");
        Shows(screen, "r·x"); // the residual table of a small data set
    }

    [Fact]
    public void Two_free_parameters_get_a_map_of_the_valley()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.CursorDown, Key.Enter, Key.Enter);
        var screen = game.Screen();
        Shows(screen, "The valley J(β0, β1) from above");
        Shows(screen, "∂J/∂β0");
        Shows(screen, "∂J/∂β1");

        // Arrow keys move the start on the map: → raises β0 by 1/20 of [−6, −2]; ↑ raises β1 by 1/20 of [−2, 0].
        game.Press(Key.CursorRight, Key.CursorUp);
        screen = game.Screen();
        Shows(screen, "β0   -3.8 ");
        Shows(screen, "β1   -0.9 ");
    }

    [Fact]
    public void A_click_on_the_valley_map_puts_the_start_there_inside_its_box()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.CursorDown, Key.Enter, Key.Enter);
        game.Screen();
        var map = game.Level.SubViews.Single(v => v.Visible && v.Frame.X > 0 && v.Frame.Y == 1);
        var before = game.Level.Session.Choice;

        // The lower left corner of the plot: the smallest β0 and β1 drawn, below the start box's corner (−6, −2), so kept at it.
        var corner = new System.Drawing.Point(map.Frame.X + 7, map.Frame.Bottom - 3); // plot column 0 (after "-2.64│"), plot row last
        game.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(corner));
        var after = game.Level.Session.Choice;
        Assert.NotEqual(before, after);
        Assert.Equal(-6, after.Beta0);
        Assert.Equal(-2, after.Beta1);
    }

    [Fact]
    public void A_diverging_dot_is_followed_up_the_valley_walls_before_it_flies_off()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.15", "-4");
        game.Press(Key.Enter); // launched, and stepped by hand to step 8 of 9: the valley shows until the run is over
        for (var i = 0; i < 8; i++)
        {
            game.Press(Key.S);
        }

        var screen = game.Screen();

        // |1 − 0.15·22| = 2.3: after a few steps the dot is 6·2.3ⁿ from β1* = 2.0018; the picture zooms out in ×1.5 steps up to
        // 1.5⁶ = 11.39 (1.5⁷ > 16 = MaxZoom) times the base half-width 1.1·6.0018 = 6.602, so its right end is 2.0018 + 11.39·6.602 = 77.2.
        Shows(screen, "77.2");
        Shows(screen, "the dot is off the chart");
    }

    [Fact]
    public void A_late_timer_catches_up_with_the_time_that_passed_up_to_four_ticks()
    {
        // Oracle: LevelScreen.OnTick counts the time really passed on the game's clock, capped at 4 ticks. At 10 steps
        // a second the timer is due every 100 ms; here it fires once after 300 ms (3 steps: 10/s × 0.3 s), then once
        // after 1 s, of which only 4 ticks count (4 more steps, not 10). α = 0.001 from −4 needs all 30 steps (OutOfSteps).
        using var game = OpenSlope();
        SetChoice(game, "0.001", "-4");
        game.Press(Key.Enter);
        game.Wait(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300));
        Assert.Equal(3, game.Level.Session.Current.Step);
        game.Wait(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(7, game.Level.Session.Current.Step);
        game.Wait(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        Assert.Equal(8, game.Level.Session.Current.Step); // on time again: one tick, one step
    }

    [Fact]
    public void An_animation_tick_redraws_only_the_views_that_show_the_run()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.001", "-4");
        game.Press(Key.Enter);
        game.Screen(); // everything drawn once
        game.Wait(TimeSpan.FromMilliseconds(100));
        var level = game.Level;
        var redrawn = level.SubViews.Where(v => v.NeedsDraw).ToArray();
        Assert.NotEmpty(redrawn);
        Assert.All(redrawn, v => Assert.Contains(v, level.RunViews));
    }

    [Fact]
    public void Esc_goes_back_to_the_level_list_with_the_new_stars()
    {
        using var game = OpenSlope();
        SetChoice(game, "0.04", "-4");
        LaunchAndFinish(game);
        game.Press(Key.Esc);
        var screen = game.Screen();
        Assert.Null(game.Window.Level);
        Shows(screen, "Levels of First steps");
        Shows(screen, "★★★   9666");
        Shows(screen, "3/6★");
    }

    private static string Outcome(GameHarness game, string screen) => Inside(screen, game.Level.OutcomePanel.Frame);

    private GameHarness OpenSlope()
    {
        var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter); // open the first level, close its story
        return game;
    }

    [Fact]
    public void The_start_prompt_fits_the_80_column_message_row_whole()
    {
        using var game = OpenSlope();
        game.Press(Key.B);

        // The row's end is shown whole (the driver's text of the row pads "β1" by a cell, so the start is matched apart).
        var screen = game.Screen();
        Shows(screen, " Type the start β1");
        Shows(screen, ", then Enter; a value out of range goes to its nearest end. ");
    }

    private static void SetChoice(GameHarness game, string alpha, string start)
    {
        game.Press(Key.A).Type(alpha).Press(Key.Enter);
        game.Press(Key.B).Type(start).Press(Key.Enter);
    }

    private static string LaunchAndFinish(GameHarness game)
    {
        game.Press(Key.Enter);
        for (var i = 0; i < 400 && game.Level.Session.Phase == SessionPhase.Running; i++)
        {
            game.Wait(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(SessionPhase.Finished, game.Level.Session.Phase);
        return game.Screen();
    }
}
