using System.Globalization;

namespace LittleRedDot.Engine;

/// <summary>
/// Doubles as text, one way each for every layer: the exact text files, messages and the command line
/// write; the reading of a number a person typed (the command line's options, the game's edit box); and
/// the twelve-digit rounding that removes the binary noise of decimal arithmetic. Invariant culture.
/// </summary>
public static class DoubleText
{
    /// <summary>
    /// The shortest text that reads back to the same double (−0 included); the non-finite values spelt
    /// "NaN", "Infinity" and "-Infinity", as RULES.md §7 writes them.
    /// </summary>
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> through twelve significant digits and back: 1.2·0.001 is 0.0012, not
    /// 0.0012000000000000001. For numbers the game composes to show (ladder rungs, grid steps), never for
    /// a run's arithmetic (RULES.md §5).
    /// </summary>
    public static double Tidy(double value) =>
        double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a number a person typed: '.' as the decimal mark, an optional exponent (1e-3), spaces around
    /// it ignored, and the typographic minus '−' and times sign '×' (read as 'e') a copied figure may hold.
    /// True when the text is a number at all — possibly NaN or infinite, which the caller refuses in its
    /// own words; false when it is no number (empty, "0,1", "fast").
    /// </summary>
    public static bool TryRead(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().Replace('−', '-').Replace('×', 'e');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
