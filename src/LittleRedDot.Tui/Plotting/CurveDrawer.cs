using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// Draws y = f(x) across a plot area of a canvas: in Braille dots (2×4 to a cell) where the terminal has
/// Unicode, else with - / \ | chosen by the slope. Points off the area are clipped.
/// </summary>
public static class CurveDrawer
{
    private static readonly int[,] BrailleBits = { { 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 } };

    /// <summary>The Braille pattern bit (added to U+2800) of the dot at row 0–3, column 0–1 of a cell.</summary>
    public static int BrailleBit(int row, int column) => BrailleBits[row, column];

    /// <param name="canvas">Where to draw.</param>
    /// <param name="left">The plot area's left column on the canvas.</param>
    /// <param name="top">The plot area's top row on the canvas.</param>
    /// <param name="x">The horizontal axis (its Cells is the area's width).</param>
    /// <param name="y">The vertical axis (its Cells is the area's height).</param>
    /// <param name="f">The curve.</param>
    /// <param name="ink">Its ink.</param>
    /// <param name="unicode">Braille dots, or ASCII strokes.</param>
    public static void Draw(CellCanvas canvas, int left, int top, Axis x, Axis y, Func<double, double> f, Ink ink, bool unicode)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(f);
        if (x.Cells <= 0 || y.Cells <= 0)
        {
            return;
        }

        if (unicode)
        {
            DrawBraille(canvas, left, top, x, y, f, ink);
        }
        else
        {
            DrawAscii(canvas, left, top, x, y, f, ink);
        }
    }

    private static void DrawBraille(CellCanvas canvas, int left, int top, Axis x, Axis y, Func<double, double> f, Ink ink)
    {
        var bx = x with { Sub = 2 };
        var by = y with { Sub = 4, Vertical = true };
        var bits = new int[x.Cells * y.Cells];
        int? previous = null;
        for (var sx = 0; sx < bx.SubCells; sx++)
        {
            var sy = by.SubOf(f(bx.ValueAtSub(sx)));
            if (sy == int.MinValue)
            {
                previous = null;
                continue;
            }

            // Join this sample to the last one so that steep curves stay unbroken.
            var from = previous ?? sy;
            var lo = Math.Min(from, sy);
            var hi = Math.Max(from, sy);
            if (previous is not null && hi - lo > 1)
            {
                lo = from < sy ? from + 1 : sy;
                hi = from < sy ? sy : from - 1;
            }

            for (var s = Math.Max(lo, 0); s <= Math.Min(hi, by.SubCells - 1); s++)
            {
                bits[((s / 4) * x.Cells) + (sx / 2)] |= BrailleBits[s % 4, sx % 2];
            }

            previous = sy;
        }

        for (var row = 0; row < y.Cells; row++)
        {
            for (var col = 0; col < x.Cells; col++)
            {
                var b = bits[(row * x.Cells) + col];
                if (b != 0)
                {
                    canvas.Set(left + col, top + row, (char)(0x2800 + b), ink);
                }
            }
        }
    }

    private static void DrawAscii(CellCanvas canvas, int left, int top, Axis x, Axis y, Func<double, double> f, Ink ink)
    {
        var fine = y with { Sub = 3, Vertical = true };
        for (var col = 0; col < x.Cells; col++)
        {
            var a = fine.SubOf(f(x.Min + (x.Span * col / x.Cells)));
            var b = fine.SubOf(f(x.Min + (x.Span * (col + 1) / x.Cells)));
            if (a == int.MinValue || b == int.MinValue)
            {
                continue;
            }

            var ra = (int)Math.Floor(a / 3.0);
            var rb = (int)Math.Floor(b / 3.0);
            if (ra == rb)
            {
                var glyph = Math.Abs(a - b) <= 1 ? (((a % 3) + 3) % 3 == 2 ? '_' : '-') : a > b ? '/' : '\\';
                if (ra >= 0 && ra < y.Cells)
                {
                    canvas.Set(left + col, top + ra, glyph, ink);
                }

                continue;
            }

            var lo = Math.Min(ra, rb);
            var hi = Math.Max(ra, rb);
            for (var r = Math.Max(lo, 0); r <= Math.Min(hi, y.Cells - 1); r++)
            {
                var glyph = hi - lo == 1 ? (ra > rb ? '/' : '\\') : '|';
                canvas.Set(left + col, top + r, glyph, ink);
            }
        }
    }
}
