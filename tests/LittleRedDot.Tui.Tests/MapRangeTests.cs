using LittleRedDot.Engine;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Tests;

/// <summary>The valley map holds a run's whole path from its first frame (issue 11: the first step left the map on level 2-3).</summary>
public sealed class MapRangeTests
{
    // The shipped "long, narrow valley" (levels/02-two-dials/03): its data and rules, copied.
    private static readonly Level Narrow = new(
        new LevelRules(CostKind.Mse, ParameterRule.Range(-3, -1), ParameterRule.Range(0, 1), 0.001, 0.05, 2500, 0.01, 1000),
        DataSet.FromPoints([(4, 4.21), (4.5, 3.91), (5, 4.62), (5.5, 5.15), (6, 4.82), (6.5, 5.2), (7, 5.79), (7.5, 5.34), (8, 6.08)]));

    [Theory]
    [InlineData(0.0258, -1.0, 0.0)] // the newcomer's run: 1 − α·λmax ≈ −0.99, the first step lands high on the far wall
    [InlineData(0.0258, -3.0, 1.0)]
    [InlineData(0.02, -1.0, 1.0)]
    [InlineData(0.006, -2.0, 0.5)]
    public void Every_frame_of_a_run_that_does_not_fly_off_lies_inside_the_map_from_its_first_frame(double alpha, double b0, double b1)
    {
        var trace = new RunTrace(Narrow);
        var result = Descent.Run(Narrow, new Choice(alpha, b0, b1), trace);
        Assert.NotEqual(Outcome.Diverged, result.Outcome);
        var frames = trace.Frames;
        var picture = new ValleyPicture(Narrow, GlyphSet.For(new TerminalTraits(Color: false, Unicode: true)), shaded: false);
        var canvas = new CellCanvas();

        // Oracle: the ranges the picture draws at frame 0 contain every frame's (β0, β1), and do not change at frame 1.
        picture.Render(canvas, 42, 15, new PictureInput(b0, b1, b0, b1, frames, 0, null));
        var (x0, x1, y0, y1) = (picture.XMin, picture.XMax, picture.YMin, picture.YMax);
        Assert.All(frames, f => Assert.True(f.Beta0 >= x0 && f.Beta0 <= x1 && f.Beta1 >= y0 && f.Beta1 <= y1, $"step {f.Step} at ({f.Beta0}, {f.Beta1})"));
        picture.Render(canvas, 42, 15, new PictureInput(frames[1].Beta0, frames[1].Beta1, b0, b1, frames, 1, null));
        Assert.Equal((x0, x1, y0, y1), (picture.XMin, picture.XMax, picture.YMin, picture.YMax));
        Assert.DoesNotContain("off the map", canvas.ToString(), StringComparison.Ordinal);
    }
}
