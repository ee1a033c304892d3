using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using static LittleRedDot.Tui.Tests.ScreenText;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The Learn panel's picture of why (issue 11): the region it puts α in for each direction agrees with the level's
/// <see cref="Curvature"/> and with what the run's first step then does, over many random levels and α; the picture
/// fits 80×24 and 200×60; the run panel's counters and J stay in view.
/// </summary>
public sealed class LearnWhyTests : IDisposable
{
    private readonly TestLevels levels = new();

    public void Dispose() => levels.Dispose();

    [Fact]
    public void The_region_said_matches_the_curvature_and_what_the_first_step_does()
    {
        var random = new Random(20261129);
        var seen = new HashSet<StepRegion>();
        for (var trial = 0; trial < 600; trial++)
        {
            var (level, b0, b1) = RandomLevel(random);
            var c = level.Curvature;

            // α from 0.05 to 3 times the stability limit 2/λmax, log-spaced: every region of the steep direction is reached.
            var alpha = c.StableAlpha * 0.05 * Math.Pow(60, random.NextDouble());
            var steps = DirectionStep.For(level, alpha, b0, b1);
            var witness = new RunWitness(level);
            Descent.Run(level, new Choice(alpha, b0, b1), witness); // a budget of one step: the first step is all it takes
            Assert.Equal(witness.Directions.Count, steps.Count);
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var lambda = i == 0 ? c.LambdaMax : c.LambdaMin;
                var context = $"trial {trial}, direction {i}, α = {alpha:R}, λ = {lambda:R}";
                seen.Add(step.Region);

                // Oracle 1: the Curvature's thresholds, 1/λ and 2/λ (RULES.md §1), compared with α directly.
                var expected = alpha < 1 / lambda ? StepRegion.Glides : alpha == 1 / lambda ? StepRegion.Lands : alpha <= 2 / lambda ? StepRegion.Crosses : StepRegion.FliesOff;
                Assert.True(expected == step.Region, context);
                if (i == 0)
                {
                    Assert.Equal(c.BounceAlpha, step.BounceAlpha);
                    Assert.Equal(c.StableAlpha, step.StableAlpha);
                }

                // Oracle 2: the engine's first step, measured by the witness along the same direction. The picture's
                // "after" is (1 − α·λ)·before; the measured one agrees to 1e-7 of the larger distance (the engine's
                // sums are exact in real arithmetic, RULES.md §5; 1e-7 covers round-off of β near the floor).
                var d = witness.Directions[i];
                var scale = Math.Max(Math.Abs(d.Start), Math.Abs(d.AfterFirst));
                if (scale < 1e-6 * (1 + Math.Abs(level.Valley.Beta0Star) + Math.Abs(level.Valley.Beta1Star)))
                {
                    continue; // the start is on the floor this way: nothing to multiply, round-off only
                }

                Assert.True(Math.Abs(step.Before - d.Start) <= 1e-9 * scale, context);
                Assert.True(Math.Abs(step.After - d.AfterFirst) <= 1e-7 * scale, $"{context}: said {step.After:R}, ran {d.AfterFirst:R}");
                var sameSide = Math.Sign(d.AfterFirst) == Math.Sign(d.Start);
                var nearer = Math.Abs(d.AfterFirst) < Math.Abs(d.Start);
                var margin = Math.Abs(Math.Abs(step.Factor) - 1) > 1e-6 && Math.Abs(step.Factor) > 1e-6; // away from the edges, round-off cannot flip the sign or the size
                if (margin)
                {
                    switch (step.Region)
                    {
                        case StepRegion.Glides:
                            Assert.True(sameSide && nearer, context);
                            break;
                        case StepRegion.Crosses:
                            Assert.True(!sameSide && nearer, context);
                            break;
                        case StepRegion.FliesOff:
                            Assert.True(!sameSide && !nearer, context);
                            break;
                    }
                }
            }
        }

        // The trials reached the three regions an α range can hold (Lands is one exact α).
        Assert.Contains(StepRegion.Glides, seen);
        Assert.Contains(StepRegion.Crosses, seen);
        Assert.Contains(StepRegion.FliesOff, seen);
    }

    [Fact]
    public void Every_number_the_picture_prints_typed_as_printed_lands_where_the_picture_says()
    {
        // Issue 11: the thresholds are printed for the player to type. Oracle: DirectionStep's region for the typed α
        // (itself checked against the Curvature above): 1/λ as printed glides (or lands), 2/λ as printed never flies off;
        // the player's α reads the same on every half and, typed back, falls in the region the picture gives it.
        var random = new Random(20261130);
        var glyphs = GlyphSet.For(new TerminalTraits(Color: true, Unicode: true));
        for (var trial = 0; trial < 400; trial++)
        {
            var (level, b0, b1) = RandomLevel(random);
            var alpha = level.Curvature.StableAlpha * 0.05 * Math.Pow(60, random.NextDouble());
            var canvas = new CellCanvas();
            canvas.Reset(200, 60); // wide enough that no number is cut short
            new WhyPicture(level, glyphs).Render(canvas, 200, 60, "Learn 2/2", "One step from your start", alpha, b0, b1);
            var text = canvas.ToString();
            var steps = DirectionStep.For(level, alpha, b0, b1);
            var context = $"trial {trial}, α = {alpha:R}";

            var thresholds = System.Text.RegularExpressions.Regex.Matches(text, @"1/(\S+) = (\S+) · 2/\S+ = (\S+)");
            Assert.True(thresholds.Count == steps.Count, context);
            var alphas = System.Text.RegularExpressions.Regex.Matches(text, @"your α = (\S+)").Select(m => m.Groups[1].Value).Distinct().ToArray();
            var shown = Read(Assert.Single(alphas));
            for (var i = 0; i < steps.Count; i++)
            {
                var (bounce, stable) = (Read(thresholds[i].Groups[2].Value), Read(thresholds[i].Groups[3].Value));
                Assert.True(DirectionStep.For(level, bounce, b0, b1)[i].Region is StepRegion.Glides or StepRegion.Lands, $"{context}: 1/λ printed {bounce:R}");
                Assert.True(DirectionStep.For(level, stable, b0, b1)[i].Region != StepRegion.FliesOff, $"{context}: 2/λ printed {stable:R}");
                Assert.True(DirectionStep.For(level, shown, b0, b1)[i].Region == steps[i].Region, $"{context}: α printed {shown:R}");
            }
        }
    }

    private static double Read(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_curvature_whose_thresholds_are_past_the_largest_double_draws_all_glide_and_says_so()
    {
        // An attacker's level: x around 3.5e-155, so λ = Σx²/N·2 = 2.5e-309 and 1/λ, 2/λ overflow (RULES.md §1);
        // every α a double holds glides (1 − α·λ > 0). The page once crashed the game here.
        var tiny = new Level(
            new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-1, 1), 1e307, double.MaxValue, 200, 1e-320, 100),
            DataSet.FromPoints([(3.5e-155, 3.5e-155), (3.6e-155, 3.7e-155)]));
        var canvas = new CellCanvas();
        canvas.Reset(80, 15);
        new WhyPicture(tiny, GlyphSet.For(new TerminalTraits(Color: true, Unicode: true))).Render(canvas, 80, 15, "Learn 2/2", "One step from your start", 1.7e308, 0, 1);
        var text = canvas.ToString();

        Assert.Equal(StepRegion.Glides, Assert.Single(DirectionStep.For(tiny, 1.7e308, 0, 1)).Region);
        Assert.Contains("glides", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fly off", text, StringComparison.Ordinal);
        Assert.Contains("1/λ > 1.79e308 · 2/λ > 1.79e308", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, 22)] // the plots' row of 80×24 with the Learn page wide: 80 × 15; a taller canvas is fine too
    [InlineData(80, 15)]
    [InlineData(60, 49)] // the Learn column of 200×60
    public void The_picture_fits_and_names_alpha_and_both_thresholds_per_direction(int width, int height)
    {
        var cases = new[] { (PresenterTests.Slope, 0.04, 0.0, -4.0), (PresenterTests.Both, 0.09, -6.0, -2.0) };
        foreach (var ((level, alpha, b0, b1), unicode) in cases.SelectMany(c => new[] { (c, true), (c, false) }))
        {
            var glyphs = GlyphSet.For(new TerminalTraits(Color: unicode, Unicode: unicode)); // Braille and box lines, or ASCII strokes
            var canvas = new CellCanvas();
            canvas.Reset(width, height);
            new WhyPicture(level, glyphs).Render(canvas, width, height, "Learn 2/2", "One step from your start", alpha, b0, b1);
            var text = canvas.ToString();
            Assert.Empty(canvas.Cuts);
            foreach (var step in DirectionStep.For(level, alpha, b0, b1))
            {
                Assert.Contains($"1/{step.Symbol}", text, StringComparison.Ordinal);
                Assert.Contains($"2/{step.Symbol}", text, StringComparison.Ordinal);
                var word = step.Region switch
                {
                    StepRegion.Glides => "glides",
                    StepRegion.Lands => "lands",
                    StepRegion.Crosses => "crosses the floor",
                    _ => "flies off",
                };
                Assert.Contains(word, text, StringComparison.Ordinal);
            }

            Assert.Contains($"your α = {Content.NumberText.Short(alpha, 3)}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void L_opens_the_formulas_then_the_picture_then_closes_and_the_page_says_so()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter); // the level, its story
        game.Press(Key.L);
        Shows(game.Screen(), "Learn 1/2 · PgDn · L: why α");
        game.Press(Key.L);
        var screen = game.Screen();
        Shows(screen, "Learn 2/2: why α (L closes)");
        Shows(screen, "your α = ");
        Shows(screen, "1/λ");
        game.Press(Key.L);
        Assert.False(game.Level.LearnShown);
    }

    [Fact]
    public void The_run_panel_keeps_J_and_the_range_stays_in_view_while_typing()
    {
        using var game = new GameHarness(levels);
        game.Press(Key.Enter, Key.Enter);
        game.Press(Key.A).Type("0.0");
        Shows(game.Screen(), "in [0.001, 0.15]"); // the range beside the field while its value is typed
        game.Press(Key.Esc);

        // α = 0.0454 (just under 1/λ = 1/22): the gap falls to below 1e-9 of its start in a few steps; J stays shown.
        game.Press(Key.A).Type("0.0454").Press(Key.Enter, Key.Enter, Key.End);
        var screen = game.Screen();
        Assert.Matches(@"J [0-9.e-]+ · gap [0-9.e-]+ \(goal", screen);
    }

    private static (Level Level, double B0, double B1) RandomLevel(Random random)
    {
        var n = random.Next(3, 12);
        var shift = random.NextDouble() * 8 - 2;
        var spread = 0.2 + (random.NextDouble() * 4);
        var points = Enumerable.Range(0, n).Select(i => (shift + (spread * i / n) + (0.01 * random.NextDouble()), (random.NextDouble() * 6) - 3)).ToArray();
        var freedom = random.Next(3); // 0: β1 free, 1: β0 free, 2: both
        var cost = random.Next(2) == 0 ? CostKind.Mse : CostKind.HalfMse;
        var b0 = (random.NextDouble() * 10) - 5;
        var b1 = (random.NextDouble() * 10) - 5;
        var rule0 = freedom == 0 ? ParameterRule.Fixed(0) : ParameterRule.Range(b0, b0);
        var rule1 = freedom == 1 ? ParameterRule.Fixed(0) : ParameterRule.Range(b1, b1);
        var rules = new LevelRules(cost, rule0, rule1, 1e-9, 1e6, 1, 1e-12, 1);
        return (new Level(rules, DataSet.FromPoints(points)), freedom == 0 ? 0 : b0, freedom == 1 ? 0 : b1);
    }
}
