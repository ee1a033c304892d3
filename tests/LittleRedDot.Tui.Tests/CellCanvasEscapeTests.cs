using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The canvas is one of the Tui's drawing primitives (issue 14, kind 3): text from a file is escaped where it meets the
/// screen, and fitted as it will be drawn, so an escape never pushes it over a panel's border.
/// </summary>
public sealed class CellCanvasEscapeTests
{
    [Fact]
    public void Control_characters_are_drawn_as_visible_escapes()
    {
        var canvas = new CellCanvas();
        canvas.Reset(20, 1);

        canvas.Text(0, 0, "a\u001b[2Jb", Ink.Normal);

        Assert.Equal("a\\u001B[2Jb".PadRight(20), canvas.Row(0)); // 11 characters of visible escape, then blanks
    }

    [Theory]
    [InlineData("Pack \u001b]0;x\u0007", 10)]
    [InlineData("\u202e\u202e\u202e", 7)]
    public void Fitted_text_keeps_its_width_once_escaped(string text, int width)
    {
        var fitted = CellCanvas.Fit(text, width);

        Assert.True(fitted.Length <= width, $"\"{fitted}\" is {fitted.Length} wide; the room was {width}");
        Assert.DoesNotContain('\u001b', fitted);
        Assert.DoesNotContain('\u202e', fitted);
    }

    [Fact]
    public void Segments_are_clipped_after_escaping()
    {
        var canvas = new CellCanvas();
        canvas.Reset(12, 1);
        canvas.Set(10, 0, '│', Ink.Axis); // a border just past the 10 columns given

        canvas.Segments(0, 0, 10, [("x\u001b[31m", Ink.Normal)]);

        Assert.Equal('│', canvas.GlyphAt(10, 0));
    }
}
