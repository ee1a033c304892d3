using LittleRedDot.Content;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Plotting;

/// <summary>The framed, labelled plot area that the data plot and the valley picture share.</summary>
internal static class PlotFrame
{
    /// <summary>
    /// Draws a box with its title, the y axis with its end values on the left, the x end values and both
    /// axis names, and returns where the plot area starts and its axes (0 cells when there is no room).
    /// </summary>
    public static (int Left, int Top, Axis X, Axis Y) Draw(
        CellCanvas canvas, GlyphSet glyphs, string title, double xMin, double xMax, double yMin, double yMax, string xName, string yName)
    {
        var width = canvas.Width;
        var height = canvas.Height;
        canvas.Box(0, 0, width, height, title, glyphs);
        var top = NumberText.Short(yMax, 3);
        var bottom = NumberText.Short(yMin, 3);
        var labelWidth = Math.Max(top.Length, bottom.Length);
        var left = 1 + labelWidth + 1;
        const int plotTop = 1;
        var plotWidth = width - left - 1;
        var plotHeight = height - 3;
        var x = new Axis(xMin, xMax, Math.Max(plotWidth, 0));
        var y = new Axis(yMin, yMax, Math.Max(plotHeight, 0), Vertical: true);
        if (plotWidth <= 0 || plotHeight <= 0)
        {
            return (left, plotTop, x, y);
        }

        for (var r = 0; r < plotHeight; r++)
        {
            canvas.Set(left - 1, plotTop + r, glyphs.Unicode ? '│' : '|', Ink.Axis);
        }

        canvas.Text(1 + labelWidth - top.Length, plotTop, top, Ink.Dim);
        canvas.Text(1 + labelWidth - bottom.Length, plotTop + plotHeight - 1, bottom, Ink.Dim);
        var first = NumberText.Short(xMin, 3);
        var last = NumberText.Short(xMax, 3);
        var labelRow = plotTop + plotHeight;
        canvas.Text(left, labelRow, first, Ink.Dim);
        canvas.Text(left + plotWidth - last.Length, labelRow, last, Ink.Dim);
        canvas.Text(left + (plotWidth / 2) - 1, labelRow, xName, Ink.Dim);
        canvas.Text(1, plotTop + (plotHeight / 2), yName, Ink.Dim);
        return (left, plotTop, x, y);
    }
}
