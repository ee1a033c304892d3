namespace LittleRedDot.Content.Tests.Lessons;

/// <summary>Numbers a player may type back: cut, never rounded up, and strictly below the value they stand for.</summary>
public sealed class NumberTextTests
{
    [Theory]
    [InlineData(0.025891, "0.0258")] // the long, narrow valley's 2/λmax: to nearest it printed 0.0259, above the limit (issue 11)
    [InlineData(0.0258621, "0.0258")] // its 2/(λmin + λmax)
    [InlineData(0.0812, "0.0811")] // exactly three digits: typed back it would sit on the threshold, so one unit lower
    [InlineData(0.5, "0.499")]
    [InlineData(1.0, "0.999")] // one decade down when the cut reaches zero
    [InlineData(2.5e-7, "2.49e-7")] // the CO2 level's scale: exponent notation below 10⁻³
    [InlineData(1234567.0, "1.23e6")]
    [InlineData(162.3376, "162")]
    public void Below_cuts_to_three_digits_strictly_under_the_value(double value, string expected)
    {
        // Oracle: the decimal expansion by hand, cut after three significant digits (one unit less where the cut equals the value).
        var text = NumberText.Below(value);
        Assert.Equal(expected, text);
        Assert.True(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) < value);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Below_refuses_what_is_not_positive_and_finite(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberText.Below(value));
}
