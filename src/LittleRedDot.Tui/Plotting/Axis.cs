namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// Maps values onto the cells of a plot along one direction: [Min, Max] onto cells 0 … Cells − 1, with
/// <see cref="Sub"/> sub-cells per cell (Braille dots: 2 across, 4 down). Vertical axes count rows from
/// the top, so larger values land higher.
/// </summary>
public readonly record struct Axis(double Min, double Max, int Cells, bool Vertical = false, int Sub = 1)
{
    public double Span => Max - Min;

    public int SubCells => Cells * Sub;

    /// <summary>The value at the centre of a sub-cell.</summary>
    public double ValueAtSub(int sub)
    {
        var t = (sub + 0.5) / SubCells;
        return Vertical ? Max - (t * Span) : Min + (t * Span);
    }

    /// <summary>The value at the centre of a cell.</summary>
    public double ValueAt(int cell) => new Axis(Min, Max, Cells, Vertical).ValueAtSub(cell);

    /// <summary>The sub-cell a value falls in; may be outside 0 … SubCells − 1 (callers clip); NaN maps to int.MinValue.</summary>
    public int SubOf(double value)
    {
        if (double.IsNaN(value) || Span <= 0)
        {
            return int.MinValue;
        }

        var t = (value - Min) / Span;
        if (Vertical)
        {
            t = 1 - t;
        }

        // [Min, Max] is closed: the far end belongs to the last sub-cell, not one past it (the lowest point of a valley
        // drawn with its floor at the axis' bottom was clipped away, issue 11's second play-test).
        var s = t == 1 ? SubCells - 1 : Math.Floor(t * SubCells);
        return s > int.MaxValue / 2 ? int.MaxValue / 2 : s < int.MinValue / 2 ? int.MinValue / 2 : (int)s;
    }

    public int CellOf(double value)
    {
        var s = SubOf(value);
        return s == int.MinValue ? s : (int)Math.Floor(s / (double)Sub);
    }

    public bool InRange(double value) => value >= Min && value <= Max;

    /// <summary>A range with room around it: [lo, hi] widened by <paramref name="pad"/> of its span each side (a point gets a unit span).</summary>
    public static (double Min, double Max) Padded(double lo, double hi, double pad)
    {
        if (!(hi > lo))
        {
            var half = Math.Max(Math.Abs(lo) * 0.5, 1.0);
            return (lo - half, lo + half);
        }

        var span = hi - lo;
        return (lo - (pad * span), hi + (pad * span));
    }
}
