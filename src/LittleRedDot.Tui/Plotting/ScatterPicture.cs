using LittleRedDot.Engine;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// The data as a scatter plot with the current line ŷ = β0 + β1·x. The points are binned into cells once
/// per size (a level may hold ten million), so a frame costs the same whatever the data.
/// </summary>
public sealed class ScatterPicture
{
    private readonly DataSet data;
    private readonly GlyphSet glyphs;
    private readonly double xMin;
    private readonly double xMax;
    private readonly double yMin;
    private readonly double yMax;
    private readonly CellCanvas background = new();
    private readonly List<(int X, int Y)> points = [];
    private (int Width, int Height) cachedSize = (-1, -1);
    private int plotLeft;
    private int plotTop;
    private Axis xAxis;
    private Axis yAxis;

    public ScatterPicture(DataSet data, GlyphSet glyphs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(glyphs);
        this.data = data;
        this.glyphs = glyphs;
        double x0 = double.MaxValue, x1 = double.MinValue, y0 = double.MaxValue, y1 = double.MinValue;
        for (var i = 0; i < data.Count; i++)
        {
            x0 = Math.Min(x0, data.X[i]);
            x1 = Math.Max(x1, data.X[i]);
            y0 = Math.Min(y0, data.Y[i]);
            y1 = Math.Max(y1, data.Y[i]);
        }

        (xMin, xMax) = Axis.Padded(x0, x1, 0.04);
        (yMin, yMax) = Axis.Padded(y0, y1, 0.08);
    }

    public const string Title = "Data · line ŷ = β0 + β1·x";

    public void Render(CellCanvas canvas, int width, int height, PictureInput input)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        if (cachedSize != (width, height))
        {
            DrawBackground(width, height);
            cachedSize = (width, height);
        }

        canvas.CopyFrom(background);
        if (xAxis.Cells <= 0 || yAxis.Cells <= 0)
        {
            return;
        }

        double Line(double x) => input.Beta0 + (input.Beta1 * x);
        CurveDrawer.Draw(canvas, plotLeft, plotTop, xAxis, yAxis, Line, Ink.Line, glyphs.Unicode);
        foreach (var (x, y) in points)
        {
            canvas.Set(x, y, glyphs.DataPoint, Ink.Data);
        }

        // A line that misses the plot entirely still says where it went.
        var atMiddle = Line((xMin + xMax) / 2);
        if (atMiddle > yMax && Line(xMin) > yMax && Line(xMax) > yMax)
        {
            canvas.Text(plotLeft + (xAxis.Cells / 2) - 5, plotTop, $"{glyphs.OffUp} line above", Ink.Line);
        }
        else if (atMiddle < yMin && Line(xMin) < yMin && Line(xMax) < yMin)
        {
            canvas.Text(plotLeft + (xAxis.Cells / 2) - 5, plotTop + yAxis.Cells - 1, $"{glyphs.OffDown} line below", Ink.Line);
        }
        else if (!double.IsFinite(atMiddle))
        {
            canvas.Text(plotLeft + 1, plotTop, "the line is off every scale", Ink.Bad);
        }
    }

    private void DrawBackground(int width, int height)
    {
        background.Reset(width, height);
        points.Clear();
        (plotLeft, plotTop, xAxis, yAxis) = PlotFrame.Draw(background, glyphs, Title, xMin, xMax, yMin, yMax, "x", "y");
        var plotWidth = xAxis.Cells;
        var plotHeight = yAxis.Cells;
        if (plotWidth <= 0 || plotHeight <= 0)
        {
            return;
        }

        // Points binned into cells: one glyph per occupied cell, however many points fall there.
        var occupied = new bool[plotWidth * plotHeight];
        var xs = data.X;
        var ys = data.Y;
        for (var i = 0; i < xs.Length; i++)
        {
            var cx = xAxis.CellOf(xs[i]);
            var cy = yAxis.CellOf(ys[i]);
            if (cx >= 0 && cx < plotWidth && cy >= 0 && cy < plotHeight)
            {
                occupied[(cy * plotWidth) + cx] = true;
            }
        }

        for (var cy = 0; cy < plotHeight; cy++)
        {
            for (var cx = 0; cx < plotWidth; cx++)
            {
                if (occupied[(cy * plotWidth) + cx])
                {
                    points.Add((plotLeft + cx, plotTop + cy));
                }
            }
        }
    }
}
