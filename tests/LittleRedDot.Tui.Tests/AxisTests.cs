using CsCheck;
using LittleRedDot.Tui.Plotting;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// An axis maps the closed range [Min, Max] onto cells 0 … Cells − 1 (its contract). Oracle: that sentence, at both
/// ends, in both directions: the far end once fell one cell past the plot, so a valley's lowest point drawn on its
/// floor row was clipped away (the second newcomer play-test: no "×" on a half-mse level).
/// </summary>
public sealed class AxisTests
{
    [Fact]
    public void Both_ends_of_the_range_fall_inside_and_values_past_them_outside()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[1e-6, 1e6], Gen.Int[1, 200], Gen.Int[1, 4], Gen.Bool).Sample((min, span, cells, sub, vertical) =>
        {
            var axis = new Axis(min, min + span, cells, vertical, sub);
            var (low, high) = vertical ? (axis.SubCells - 1, 0) : (0, axis.SubCells - 1);

            Assert.Equal(low, axis.SubOf(axis.Min));
            Assert.Equal(high, axis.SubOf(axis.Max));
            Assert.Equal(vertical ? cells - 1 : 0, axis.CellOf(axis.Min));
            Assert.Equal(vertical ? 0 : cells - 1, axis.CellOf(axis.Max));
            var past = axis.SubOf(axis.Max + span);
            var before = axis.SubOf(axis.Min - span);
            Assert.True(vertical ? past < 0 && before >= axis.SubCells : past >= axis.SubCells && before < 0);
        });
    }
}
