using LittleRedDot.Content;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Tests;

/// <summary>The presenters without a screen.</summary>
public sealed class PresenterTests
{
    /// <summary>One free parameter (β1), mse, λ = 22: shared with the Learn picture's tests.</summary>
    internal static readonly Level Slope = new(
        new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-4, -1), 0.001, 0.15, 30, 0.5, 3),
        DataSet.FromPoints([(1, 2.2), (2, 3.9), (3, 6.1), (4, 8.2), (5, 9.8)]));

    /// <summary>Both parameters free, a long valley (κ ≈ 33): shared with the Learn picture's tests.</summary>
    internal static readonly Level Both = new(
        new LevelRules(CostKind.Mse, ParameterRule.Range(-6, -2), ParameterRule.Range(-2, 0), 0.001, 0.12, 120, 0.5, 30),
        DataSet.FromPoints([(0, 1.1), (1, 2.9), (2, 5.2), (3, 6.8), (4, 9.1), (5, 11.0)]));

    [Theory]
    [InlineData(30, 10)] // 3 s at the default 10 steps/s
    [InlineData(100, 10)] // exactly 10 s
    [InlineData(101, 20)]
    [InlineData(2500, 300)] // the long, narrow valley: 8.3 s, not four minutes
    [InlineData(1_000_000, 10000)] // the fastest speed there is: a million-step budget cannot fit 10 s
    public void A_run_starts_at_a_speed_that_plays_it_within_about_ten_seconds(int steps, double stepsPerSecond) =>
        // Oracle: the ladder 1, 2, 5, 10, 20, 30, 60, 120, 300, 1000, 10000 steps/s, the first ≥ 10 with steps/speed ≤ 10 s.
        Assert.Equal(stepsPerSecond, SpeedLadder.StepsPerSecond(SpeedLadder.StartIndexFor(steps)));

    [Theory]
    [InlineData(0.01, 0.012)] // the ladder 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ (by hand)
    [InlineData(0.012, 0.015)]
    [InlineData(0.08, 0.1)]
    [InlineData(0.013, 0.015)] // off the ladder: up to the next rung
    [InlineData(0.14, 0.15)] // capped at the range's top
    public void Alpha_goes_up_a_notch(double from, double expected) =>
        Assert.Equal(expected, AlphaLadder.Up(from, 0.001, 0.15));

    [Theory]
    [InlineData(0.01, 0.008)]
    [InlineData(0.1, 0.08)]
    [InlineData(0.0012, 0.001)]
    [InlineData(0.0011, 0.001)] // floored at the range's bottom
    public void Alpha_goes_down_a_notch(double from, double expected) =>
        Assert.Equal(expected, AlphaLadder.Down(from, 0.001, 0.15));

    [Fact]
    public void The_trace_counts_bounces_exactly_as_the_engine_does()
    {
        foreach (var alpha in new[] { 0.001, 0.02, 0.04, 0.06, 0.09, 0.15 })
        {
            var trace = new RunTrace(Slope);
            var result = Descent.Run(Slope, new Choice(alpha, 0, -4), trace);
            var frames = trace.Frames;

            // Oracle: the engine's own count and step total (RULES.md §3, §5).
            Assert.Equal(result.Bounces, frames[^1].Bounces);
            Assert.Equal(result.Steps, frames[^1].Step);
            Assert.Equal(result.Steps + 1, frames.Count);
        }
    }

    [Fact]
    public void A_long_run_keeps_a_bounded_trace_with_its_first_and_last_states()
    {
        var level = new Level(
            new LevelRules(CostKind.Mse, ParameterRule.Fixed(0), ParameterRule.Range(-4, -1), 1e-7, 0.15, 100_000, 0.5, 3),
            DataSet.FromPoints([(1, 2.2), (2, 3.9), (3, 6.1), (4, 8.2), (5, 9.8)]));
        var trace = new RunTrace(level, capacity: 1024);
        var result = Descent.Run(level, new Choice(1e-7, 0, -4), trace);
        var frames = trace.Frames;

        // 100 000 steps into 1 024 frames: the stride doubles to 128 (100 001 / 128 < 1 024 ≤ 100 001 / 64).
        Assert.Equal(Outcome.OutOfSteps, result.Outcome);
        Assert.True(frames.Count <= 1025);
        Assert.Equal(128, trace.Stride);
        Assert.Equal(0, frames[0].Step);
        Assert.Equal(100_000, frames[^1].Step);
        Assert.Equal(result.FinalBeta1, frames[^1].Beta1);
    }

    [Fact]
    public void Playback_moves_by_the_time_given_and_stops_at_the_end()
    {
        var trace = new RunTrace(Slope);
        var result = Descent.Run(Slope, new Choice(0.001, 0, -4), trace);
        var playback = new Playback(trace.Frames, result);
        Assert.True(playback.Advance(2.5)); // 2.5 steps: frame 2
        Assert.Equal(2, playback.Current.Step);
        Assert.True(playback.Advance(0.5)); // the half step left over makes step 3
        Assert.Equal(3, playback.Current.Step);
        playback.SkipToEnd();
        Assert.True(playback.AtEnd);
        Assert.False(playback.Advance(10));
        Assert.Equal(30, playback.Current.Step);
    }

    [Fact]
    public void The_learn_sums_match_the_closed_forms_of_the_engine()
    {
        // Oracle: RULES.md §1 — ∂J/∂β1 = (2/N)·Σ r·x, here with the per-point sums of LearnSheet against the engine's O(1) gradient.
        var (sumR, sumRx, sumR2) = LearnSheet.Sums(Slope, 0, -4);
        var (_, g1) = Slope.Valley.Gradient(0, -4);
        Assert.Equal(g1, 2.0 / 5 * sumRx, 1e-9);
        Assert.Equal(Slope.Valley.CostAt(0, -4), sumR2 / 5, 1e-9);
        Assert.Equal(-(5 * 4 * 3) - 30.2, sumR, 1e-9); // Σ(−4x − y) = −4·15 − 30.2 by hand
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1234.5678, "1235")]
    [InlineData(0.012345, "0.01235")] // half away from zero at 4 significant digits
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.285e9, "1.285e9")]
    [InlineData(3.2e-5, "3.2e-5")]
    public void Numbers_are_short_and_invariant(double value, string expected) =>
        Assert.Equal(expected, NumberText.Short(value));

    [Fact]
    public void The_valley_map_draws_the_dot_path_minimum_and_start()
    {
        var glyphs = GlyphSet.For(new TerminalTraits(Color: false, Unicode: true));
        var picture = new ValleyPicture(Both, glyphs, shaded: false);
        var trace = new RunTrace(Both);
        Descent.Run(Both, new Choice(0.09, -6, -2), trace);
        var frames = trace.Frames;
        var canvas = new CellCanvas();
        picture.Render(canvas, 60, 20, new PictureInput(frames[5].Beta0, frames[5].Beta1, -6, -2, frames, 5, null));
        var text = canvas.ToString();
        Assert.Contains(glyphs.Dot, text);
        Assert.Contains(glyphs.Minimum, text);
        Assert.Contains(glyphs.Start, text);
        Assert.Contains(glyphs.Path, text);
        Assert.Contains(glyphs.Floor, text);
        Assert.Contains("The valley J(β0, β1) from above", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valley_maps_contour_rings_are_continuous_braille_lines_at_80x24()
    {
        // Issue 11: at 80×24 the map is 44×13 cells. Each ring is drawn in Braille dots (2×4 to a cell); a line is
        // continuous when no dot stands alone: every dot has another among its 8 neighbours on the finer grid.
        var glyphs = GlyphSet.For(new TerminalTraits(Color: false, Unicode: true));
        var picture = new ValleyPicture(Both, glyphs, shaded: false);
        var canvas = new CellCanvas();
        picture.Render(canvas, 44, 13, new PictureInput(-6, -2, -6, -2, null, 0, null));
        var dots = new HashSet<(int X, int Y)>();
        for (var y = 0; y < canvas.Height; y++)
        {
            for (var x = 0; x < canvas.Width; x++)
            {
                var bits = canvas.GlyphAt(x, y) - 0x2800;
                if (bits is <= 0 or > 0xFF || canvas.InkAt(x, y) != Ink.Axis)
                {
                    continue;
                }

                for (var row = 0; row < 4; row++)
                {
                    for (var col = 0; col < 2; col++)
                    {
                        if ((bits & CurveDrawer.BrailleBit(row, col)) != 0)
                        {
                            dots.Add(((2 * x) + col, (4 * y) + row));
                        }
                    }
                }
            }
        }

        Assert.True(dots.Count > 40, $"only {dots.Count} contour dots: the rings are not drawn in Braille");
        var alone = dots.Where(d => !dots.Any(o => o != d && Math.Abs(o.X - d.X) <= 1 && Math.Abs(o.Y - d.Y) <= 1)).ToList();
        Assert.True(alone.Count == 0, $"{alone.Count} contour dots stand alone, e.g. {string.Join(", ", alone.Take(5))}:\n{canvas}");
    }

    [Fact]
    public void The_cost_curve_shares_its_scale_with_the_other_cost_drawn_faint_behind()
    {
        // RULES.md §1: half-mse is mse halved, so on one scale the mse curve's top is the top and half-mse's J* the floor.
        // Oracle: the level's own J* (Valley.MinimumCost), halved; exact, a halving by 2 in binary floating point.
        var picture = new ValleyPicture(Slope, GlyphSet.For(new TerminalTraits(Color: true, Unicode: true)), shaded: true);
        var canvas = new CellCanvas();
        picture.Render(canvas, 44, 13, new PictureInput(0, -4, 0, -4, null, 0, null));
        Assert.Equal(Slope.Valley.MinimumCost / 2, picture.YMin);
        Assert.Contains("The valley J(β1) · faint: half-mse", canvas.ToString(), StringComparison.Ordinal);
        var inks = Enumerable.Range(0, canvas.Height).SelectMany(y => Enumerable.Range(0, canvas.Width).Select(x => canvas.InkAt(x, y))).ToList();
        Assert.Contains(Ink.Line, inks); // mse, the level's cost
        Assert.Contains(Ink.Ghost, inks); // half-mse, faint behind
    }
}
