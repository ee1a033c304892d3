namespace LittleRedDot.Content.Authoring;

/// <summary>Rounds the numbers a generated level shows to two significant digits, so a facilitator can read them.</summary>
internal static class NiceNumber
{
    public static double Down(double value) => Round(value, Math.Floor);

    public static double Up(double value) => Round(value, Math.Ceiling);

    public static double Nearest(double value) => Round(value, Math.Round);

    private static double Round(double value, Func<double, double> rounding)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 1);
        var rounded = rounding(value / magnitude) * magnitude;

        // Printing through "R" after scaling can leave 0.30000000000000004: reparse the short form.
        return Engine.DoubleText.Tidy(rounded);
    }
}
