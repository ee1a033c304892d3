using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// What the canvas calls cut (CellCanvas.Cuts, read by NothingCutTests): a visible character lost past the edge, past a
/// segment's width or under different text drawn later; never blanks, and never text Fit shortened with its ellipsis.
/// </summary>
public sealed class CellCanvasCutTests
{
    [Fact]
    public void Text_past_the_edge_is_cut_but_trailing_blanks_are_not()
    {
        var canvas = new CellCanvas();
        canvas.Reset(10, 2);

        canvas.Text(0, 0, "0.01 fits ", Ink.Normal); // 10 characters in 10 columns
        canvas.Text(0, 1, "gap 0.0125", Ink.Normal);
        canvas.Text(3, 1, "12   ", Ink.Normal); // two visible characters over "0.", blanks after
        Assert.Equal(["12   "], canvas.Cuts);

        canvas.Reset(10, 1);
        canvas.Text(2, 0, "0.0125 ", Ink.Normal); // 7 + 2 = 9 columns: whole
        Assert.Empty(canvas.Cuts);
        canvas.Text(5, 0, "goal 0.01", Ink.Normal); // "0.01" falls past column 9
        Assert.Equal(["goal 0.01"], canvas.Cuts);
    }

    [Fact]
    public void A_segment_cut_at_its_width_is_cut_and_a_fitted_text_is_not()
    {
        var canvas = new CellCanvas();
        canvas.Reset(20, 1);

        canvas.Segments(0, 0, 8, [("score ", Ink.Normal), ("9666", Ink.Title)]); // 10 characters in 8 columns
        Assert.Equal(["9666"], canvas.Cuts);

        canvas.Reset(20, 1);
        canvas.Text(0, 0, CellCanvas.Fit("The long narrow valley", 10), Ink.Normal); // "The long …": cut on purpose, with its ellipsis
        canvas.Segments(0, 0, 20, [("The long …", Ink.Normal), ("   ", Ink.Dim)]); // the same text again, and blanks past nothing
        Assert.Empty(canvas.Cuts);
    }
}
