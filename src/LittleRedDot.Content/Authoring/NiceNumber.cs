namespace LittleRedDot.Content.Authoring;

/// <summary>Rounds the numbers a generated level shows to two significant digits (one for <see cref="OneDigitDown"/>), so a person can read and type them.</summary>
internal static class NiceNumber
{
    public static double Down(double value) => Round(value, Math.Floor, 2);

    public static double Up(double value) => Round(value, Math.Ceiling, 2);

    public static double Nearest(double value) => Round(value, Math.Round, 2);

    /// <summary>
    /// The value rounded to a whole number of the power of ten at or below <paramref name="unit"/>: a centre of
    /// 1990.4 with a spread of 18 becomes 1990 (two significant digits would make it 2000, ten units off).
    /// </summary>
    public static double InUnitsOf(double value, double unit)
    {
        if (!double.IsFinite(value) || !(unit > 0) || !double.IsFinite(unit))
        {
            return value;
        }

        var exponent = (int)Math.Floor(Math.Log10(unit));
        var rounded = exponent >= 0 ? Math.Round(value / Math.Pow(10, exponent)) * Math.Pow(10, exponent) : Math.Round(value * Math.Pow(10, -exponent)) / Math.Pow(10, -exponent);
        return double.Parse(rounded.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The value rounded towards 0 to one significant digit: what a person reading 0.0812 types (0.08).</summary>
    public static double OneDigitDown(double value) => Round(value, Math.Truncate, 1);

    private static double Round(double value, Func<double, double> rounding, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - (digits - 1));
        var rounded = rounding(value / magnitude) * magnitude;

        // Printing through "R" after scaling can leave 0.30000000000000004: reparse the short form.
        return Engine.DoubleText.Tidy(rounded);
    }
}
