using LittleRedDot.Engine;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// The valley the dot descends. With one free parameter, the cost curve J(β) over a range that holds the
/// start range and the minimum — the article's picture — with the dot on it. With two, a map of
/// J(β0, β1) seen from above: shaded bands (contour lines without colour), the valley floor's line
/// through the minimum along its gentlest direction, the path so far, the ghost of the best run, the dot.
/// The background is made once per size; a frame only adds the path and the dot.
/// </summary>
public sealed class ValleyPicture
{
    private readonly Level level;
    private readonly GlyphSet glyphs;
    private readonly bool shaded;
    private readonly bool map;
    private readonly bool freeIsBeta0;
    private readonly CellCanvas background = new();
    private readonly double centre0;
    private readonly double centre1;
    private readonly double half0;
    private readonly double half1;
    private (int Width, int Height) cachedSize = (-1, -1);
    private int plotLeft;
    private int plotTop;
    private Axis xAxis;
    private Axis yAxis;

    /// <param name="level">The level whose valley is drawn.</param>
    /// <param name="glyphs">The characters to draw with.</param>
    /// <param name="shaded">Colour the map's bands (with colour), or draw their edges as contour lines (without).</param>
    public ValleyPicture(Level level, GlyphSet glyphs, bool shaded)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(glyphs);
        this.level = level;
        this.glyphs = glyphs;
        this.shaded = shaded;
        var rules = level.Rules;
        var valley = level.Valley;
        map = rules.Beta0.IsFree && rules.Beta1.IsFree;
        freeIsBeta0 = rules.Beta0.IsFree && !map;

        // Centred on the minimum and reaching past the start range's mirror image, where a bouncing dot lands.
        centre0 = valley.Beta0Star;
        centre1 = valley.Beta1Star;
        half0 = Reach(valley.Beta0Star, rules.Beta0);
        half1 = Reach(valley.Beta1Star, rules.Beta1);
        SetZoom(1);
    }

    /// <summary>How far a picture may zoom out to follow a dot that flies off: far enough to see it climb the valley's walls.</summary>
    public const double MaxZoom = 16;

    /// <summary>How much the picture is zoomed out now (1: the start box and the minimum fill it).</summary>
    public double Zoom { get; private set; } = 1;

    /// <summary>The horizontal range: β0 on the map, else the free parameter.</summary>
    public double XMin { get; private set; }

    public double XMax { get; private set; }

    /// <summary>The vertical range: β1 on the map, else J.</summary>
    public double YMin { get; private set; }

    public double YMax { get; private set; }

    public bool IsMap => map;

    public string Title => map ? "The valley J(β0, β1) from above"
        : $"The valley J({FreeName}) · faint: {Content.CostNames.Name(level.Rules.Cost == CostKind.Mse ? CostKind.HalfMse : CostKind.Mse)}";

    private string FreeName => freeIsBeta0 ? "β0" : "β1";

    /// <summary>The start a click or the arrow keys on the map choose: the parameter values at a cell of the picture, or null outside the plot.</summary>
    public (double Beta0, double Beta1)? ValuesAt(int column, int row)
    {
        var cx = column - plotLeft;
        var cy = row - plotTop;
        if (cx < 0 || cy < 0 || cx >= xAxis.Cells || cy >= yAxis.Cells)
        {
            return null;
        }

        if (map)
        {
            return (xAxis.ValueAt(cx), yAxis.ValueAt(cy));
        }

        var v = xAxis.ValueAt(cx);
        return freeIsBeta0 ? (v, level.Rules.Beta1.Value) : (level.Rules.Beta0.Value, v);
    }

    public void Render(CellCanvas canvas, int width, int height, PictureInput input)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(input);
        var zoom = ZoomFor(input);
        if (zoom != Zoom)
        {
            SetZoom(zoom);
            cachedSize = (-1, -1);
        }

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

        if (input.Ghost is { } ghost)
        {
            foreach (var f in ghost)
            {
                Mark(canvas, f.Beta0, f.Beta1, f.Cost, glyphs.Ghost, Ink.Ghost, clip: true);
            }
        }

        if (input.Path is { } path)
        {
            for (var i = 0; i < input.PathEnd && i < path.Count; i++)
            {
                Mark(canvas, path[i].Beta0, path[i].Beta1, path[i].Cost, glyphs.Path, Ink.Path, clip: true);
            }
        }

        var startCost = level.Valley.CostAt(input.Start0, input.Start1);
        Mark(canvas, input.Start0, input.Start1, startCost, glyphs.Start, Ink.Start, clip: true);
        Mark(canvas, level.Valley.Beta0Star, level.Valley.Beta1Star, level.Valley.MinimumCost, glyphs.Minimum, Ink.Minimum, clip: true);
        var cost = level.Valley.CostAt(input.Beta0, input.Beta1);
        if (!Mark(canvas, input.Beta0, input.Beta1, cost, glyphs.Dot, Ink.Dot, clip: false))
        {
            canvas.Text(plotLeft + 1, height - 1, $" the dot is off the {(map ? "map" : "chart")} ", Ink.Bad);
        }
        else
        {
            Legend(canvas, width, height, input);
        }
    }

    /// <summary>
    /// What the marks mean, set into the picture's bottom edge in their own inks: the dot, its start, the lowest point,
    /// the path, on the map the valley floor's line, and (when drawn) the ghost. A mark whose entry does not fit is left
    /// out whole, from the last.
    /// </summary>
    private void Legend(CellCanvas canvas, int width, int height, PictureInput input)
    {
        (char Glyph, Ink Ink, string Name, bool Drawn)[] marks =
        [
            (glyphs.Dot, Ink.Dot, "dot", true),
            (glyphs.Start, Ink.Start, "start", true),
            (glyphs.Minimum, Ink.Minimum, "lowest", true),
            (glyphs.Path, Ink.Path, "path", true),
            (glyphs.Floor, Ink.Floor, "floor", map),
            (glyphs.Ghost, Ink.Ghost, "ghost", input.Ghost is not null),
        ];
        var x = 2;
        foreach (var (glyph, ink, name, _) in marks.Where(m => m.Drawn))
        {
            var entry = $" {glyph} {name}";
            if (x + entry.Length + 1 > width - 2)
            {
                break;
            }

            canvas.Text(x, height - 1, $" {glyph}", ink);
            canvas.Text(x + 2, height - 1, $" {name}", Ink.Dim);
            x += entry.Length;
        }

        if (x > 2)
        {
            canvas.Text(x, height - 1, " ", Ink.Dim);
        }
    }

    /// <summary>Puts a glyph where (β0, β1) lies; off the plot, a clipped mark is skipped and the dot becomes an arrow at the edge. Returns whether it was inside.</summary>
    private bool Mark(CellCanvas canvas, double b0, double b1, double cost, char glyph, Ink ink, bool clip)
    {
        var (h, v) = map ? (b0, b1) : (freeIsBeta0 ? b0 : b1, cost);
        var cx = xAxis.CellOf(h);
        var cy = yAxis.CellOf(v);
        var inside = cx >= 0 && cx < xAxis.Cells && cy >= 0 && cy < yAxis.Cells && cx != int.MinValue && cy != int.MinValue;
        if (inside)
        {
            canvas.Set(plotLeft + cx, plotTop + cy, glyph, ink);
            return true;
        }

        if (clip)
        {
            return false;
        }

        // Pin the dot to the edge it left by, pointing the way it went.
        var arrow = cx == int.MinValue || cy == int.MinValue ? glyphs.OffUp
            : cx < 0 ? glyphs.OffLeft
            : cx >= xAxis.Cells ? glyphs.OffRight
            : cy < 0 ? glyphs.OffUp
            : glyphs.OffDown;
        var px = cx == int.MinValue ? xAxis.Cells / 2 : Math.Clamp(cx, 0, xAxis.Cells - 1);
        var py = cy == int.MinValue ? 0 : Math.Clamp(cy, 0, yAxis.Cells - 1);
        canvas.Set(plotLeft + px, plotTop + py, arrow, ink);
        return false;
    }

    /// <summary>
    /// The zoom that keeps the path in view, in steps of ×1.5 (so the picture does not change scale every frame), from 1 up
    /// to <see cref="MaxZoom"/>. A run whose whole path fits at that zoom is shown at the zoom that holds all of it from its
    /// first frame, so no step leaves the drawn area (issue 11: the first step of the long, narrow valley lands far up its
    /// wall); a dot that flies off is followed up the walls as far as the path so far goes, then left to fly off.
    /// </summary>
    private double ZoomFor(PictureInput input)
    {
        var needed = Extent(input.Beta0, input.Beta1);
        var whole = needed;
        var sofar = needed;
        if (input.Path is { } path)
        {
            for (var i = 0; i < path.Count; i++)
            {
                var e = Extent(path[i].Beta0, path[i].Beta1);
                whole = Math.Max(whole, e);
                if (i <= input.PathEnd)
                {
                    sofar = Math.Max(sofar, e);
                }
            }
        }

        needed = Math.Max(1.0, whole <= MaxZoom ? whole : sofar);
        var zoom = 1.0;
        while (zoom < needed && zoom * 1.5 <= MaxZoom)
        {
            zoom *= 1.5;
        }

        return zoom;
    }

    /// <summary>How many times the base half-width a point lies from the centre, on the axes drawn.</summary>
    private double Extent(double b0, double b1)
    {
        var e0 = Math.Abs(b0 - centre0) / half0;
        var e1 = Math.Abs(b1 - centre1) / half1;
        var e = map ? Math.Max(e0, e1) : freeIsBeta0 ? e0 : e1;
        return double.IsFinite(e) ? e : double.PositiveInfinity;
    }

    private void SetZoom(double zoom)
    {
        Zoom = zoom;
        if (map)
        {
            (XMin, XMax) = (centre0 - (half0 * zoom), centre0 + (half0 * zoom));
            (YMin, YMax) = (centre1 - (half1 * zoom), centre1 + (half1 * zoom));
            return;
        }

        var (centre, half) = freeIsBeta0 ? (centre0, half0) : (centre1, half1);
        (XMin, XMax) = (centre - (half * zoom), centre + (half * zoom));
        // One scale for both costs (half-mse is mse halved, RULES.md §1): the top is mse's, the floor half-mse's J*, so
        // the other cost's curve, drawn faint behind, shows how halving J halves its slopes too.
        var top = Math.Max(Math.Max(Cost(XMin), Cost(XMax)), Math.Max(OtherCost(XMin), OtherCost(XMax)));
        var floor = Math.Min(level.Valley.MinimumCost, level.Valley.MinimumCost * OtherFactor);
        YMin = floor;
        YMax = top + (0.04 * (top - floor));
        if (!(YMax > YMin))
        {
            (YMin, YMax) = Axis.Padded(floor, floor, 0);
        }
    }

    /// <summary>Half the width of the range around the minimum: past the farther end of the start range, with a margin.</summary>
    private static double Reach(double star, ParameterRule rule)
    {
        var reach = Math.Max(Math.Abs(rule.Min - star), Math.Abs(rule.Max - star)) * 1.1;
        return reach > 0 ? reach : Math.Max(Math.Abs(star) * 0.5, 1.0);
    }

    /// <summary>The other cost at the same β: half-mse is mse × ½, so mse is half-mse × 2 (RULES.md §1).</summary>
    private double OtherFactor => level.Rules.Cost == CostKind.Mse ? 0.5 : 2;

    private double OtherCost(double free) => Cost(free) * OtherFactor;

    private double Cost(double free) =>
        freeIsBeta0 ? level.Valley.CostAt(free, level.Rules.Beta1.Value) : level.Valley.CostAt(level.Rules.Beta0.Value, free);

    private void DrawBackground(int width, int height)
    {
        background.Reset(width, height);
        (plotLeft, plotTop, xAxis, yAxis) = PlotFrame.Draw(background, glyphs, Title, XMin, XMax, YMin, YMax, map ? "β0" : FreeName, map ? "β1" : "J");
        var plotWidth = xAxis.Cells;
        var plotHeight = yAxis.Cells;
        if (plotWidth <= 0 || plotHeight <= 0)
        {
            return;
        }

        if (map)
        {
            DrawMap(plotWidth, plotHeight);
        }
        else
        {
            CurveDrawer.Draw(background, plotLeft, plotTop, xAxis, yAxis, OtherCost, Ink.Ghost, glyphs.Unicode);
            CurveDrawer.Draw(background, plotLeft, plotTop, xAxis, yAxis, Cost, Ink.Line, glyphs.Unicode);
        }
    }

    private void DrawMap(int plotWidth, int plotHeight)
    {
        var valley = level.Valley;
        var gaps = new double[plotWidth * plotHeight];
        var largest = 0.0;
        for (var cy = 0; cy < plotHeight; cy++)
        {
            var b1 = yAxis.ValueAt(cy);
            for (var cx = 0; cx < plotWidth; cx++)
            {
                var g = valley.Gap(xAxis.ValueAt(cx), b1);
                gaps[(cy * plotWidth) + cx] = g;
                largest = Math.Max(largest, double.IsFinite(g) ? g : 0);
            }
        }

        // Bands even in √gap — the distance from the floor — so the contours come out evenly spaced.
        // Without colour, fewer bands: their edges are drawn as contour lines, and too many would bury the dot.
        var count = shaded ? Theme.ShadeCount : 4;
        var bands = new int[gaps.Length];
        for (var i = 0; i < gaps.Length; i++)
        {
            bands[i] = largest > 0 ? Math.Clamp((int)(count * Math.Sqrt(gaps[i] / largest)), 0, count - 1) : 0;
        }

        var contours = glyphs.Unicode ? BrailleContours(plotWidth, plotHeight, count, largest) : null;
        for (var cy = 0; cy < plotHeight; cy++)
        {
            for (var cx = 0; cx < plotWidth; cx++)
            {
                var band = bands[(cy * plotWidth) + cx];
                // With colour, the floor's half of the bands is shaded and the rim is drawn as contour lines,
                // as on a monochrome map: the valley stands out, and a forced frame does not have to colour
                // every cell of the largest panel (issue 7's drawing budget).
                if (shaded && band < count / 2)
                {
                    background.Shade(plotLeft + cx, plotTop + cy, band);
                    continue;
                }

                if (contours is not null)
                {
                    var dots = contours[(cy * plotWidth) + cx];
                    if (dots != 0)
                    {
                        background.Set(plotLeft + cx, plotTop + cy, (char)(0x2800 + dots), Ink.Axis);
                    }

                    continue;
                }

                var edge = (cx + 1 < plotWidth && bands[(cy * plotWidth) + cx + 1] != band)
                    || (cy + 1 < plotHeight && bands[((cy + 1) * plotWidth) + cx] != band);
                if (edge)
                {
                    background.Set(plotLeft + cx, plotTop + cy, glyphs.Contour, Ink.Axis);
                }
            }
        }

        DrawFloorLine(plotWidth, plotHeight);
    }

    /// <summary>
    /// The bands' edges in Braille dots, 2×4 to a cell: a dot wherever the band changes to the right or below at that
    /// finer grid, so each contour ring reads as one continuous line at 80×24. Returns each cell's Braille bits (0: none).
    /// </summary>
    private int[] BrailleContours(int plotWidth, int plotHeight, int count, double largest)
    {
        var (subX, subY) = (xAxis with { Sub = 2 }, yAxis with { Sub = 4 });
        var (w, h) = (subX.SubCells, subY.SubCells);
        var bands = new int[w * h];
        for (var sy = 0; sy < h; sy++)
        {
            var b1 = subY.ValueAtSub(sy);
            for (var sx = 0; sx < w; sx++)
            {
                var g = level.Valley.Gap(subX.ValueAtSub(sx), b1);
                bands[(sy * w) + sx] = largest > 0 && double.IsFinite(g) ? Math.Clamp((int)(count * Math.Sqrt(g / largest)), 0, count - 1) : count - 1;
            }
        }

        var cells = new int[plotWidth * plotHeight];
        for (var sy = 0; sy < h; sy++)
        {
            for (var sx = 0; sx < w; sx++)
            {
                var band = bands[(sy * w) + sx];
                if ((sx + 1 < w && bands[(sy * w) + sx + 1] != band) || (sy + 1 < h && bands[((sy + 1) * w) + sx] != band))
                {
                    cells[((sy / 4) * plotWidth) + (sx / 2)] |= CurveDrawer.BrailleBit(sy % 4, sx % 2);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The valley floor: the line through the minimum along the Hessian's gentlest direction (the
    /// eigenvector of λmin of k·[[1, x̄], [x̄, m2]], RULES.md §1), where a narrow valley is slowest.
    /// </summary>
    private void DrawFloorLine(int plotWidth, int plotHeight)
    {
        var valley = level.Valley;
        var k = valley.CurvatureFactor;
        var lambda = level.Curvature.LambdaMin;
        double v0 = k * valley.XBar, v1 = lambda - k;
        if (Math.Abs(v0) + Math.Abs(v1) < 1e-12 * (1 + Math.Abs(k) + Math.Abs(lambda)))
        {
            (v0, v1) = k <= k * valley.M2 ? (1.0, 0.0) : (0.0, 1.0);
        }

        // Walk in cell units from the minimum both ways, half a cell at a time.
        var dx = v0 / (xAxis.Span / plotWidth);
        var dy = -v1 / (yAxis.Span / plotHeight);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (!(length > 0) || !double.IsFinite(length))
        {
            return;
        }

        dx /= length;
        dy /= length;
        var sx = (valley.Beta0Star - XMin) / xAxis.Span * plotWidth;
        var sy = (YMax - valley.Beta1Star) / yAxis.Span * plotHeight;
        var limit = 2 * (plotWidth + plotHeight);
        foreach (var direction in new[] { 1.0, -1.0 })
        {
            for (var t = 0.0; t < limit; t += 0.5)
            {
                var cx = (int)Math.Floor(sx + (direction * t * dx));
                var cy = (int)Math.Floor(sy + (direction * t * dy));
                if (cx >= 0 && cy >= 0 && cx < plotWidth && cy < plotHeight)
                {
                    background.Set(plotLeft + cx, plotTop + cy, glyphs.Floor, Ink.Floor);
                }
            }
        }
    }
}
