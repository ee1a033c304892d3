using System.Globalization;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Numbers as the game and the command line show them to a player: short, invariant culture, exponents written e-5
/// rather than E-05. A number the player may type back (an α to try) is written by <see cref="Below"/>, on the side
/// that keeps the sentence around it true.
/// </summary>
public static class NumberText
{
    /// <summary>At most <paramref name="digits"/> significant digits; plain notation between 10⁻³ and 10⁶.</summary>
    public static string Short(double value, int digits = 4)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6)
        {
            var decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(magnitude)), 0, 12);
            var text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Contains('.', StringComparison.Ordinal))
            {
                text = text.TrimEnd('0').TrimEnd('.');
            }

            return text == "-0" ? "0" : text;
        }

        var e = value.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var at = e.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e[..at];
        if (mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        }

        var exponent = int.Parse(e[(at + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mantissa + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A positive number cut (never rounded up) to <paramref name="digits"/> significant digits and strictly below
    /// <paramref name="value"/> when read back: "keep α below 2/λmax = 0.0258" stays true for the 0.0258 a player
    /// types, where rounding to nearest printed 0.0259, above the limit. Plain notation between 10⁻³ and 10⁶.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public static string Below(double value, int digits = 3)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a positive finite number was expected");
        }

        // The double's exact decimal expansion to 17 digits, cut to the digits wanted: never above the value.
        var e = value.ToString("E16", CultureInfo.InvariantCulture);
        var at = e.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(e[(at + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = long.Parse(e[..at].Replace(".", string.Empty, StringComparison.Ordinal)[..digits], CultureInfo.InvariantCulture);
        while (true)
        {
            var text = Decimal(mantissa, exponent - (digits - 1));
            if (double.Parse(text, CultureInfo.InvariantCulture) < value)
            {
                return text;
            }

            // One unit lower; 1.00 becomes 0.999, keeping the number of significant digits.
            mantissa--;
            if (mantissa < Pow10(digits - 1))
            {
                mantissa = (mantissa * 10) + 9;
                exponent--;
            }
        }
    }

    /// <summary>Reads a number the player typed (<see cref="DoubleText.TryRead"/>); null when it is not a finite number.</summary>
    public static double? Parse(string? text) => DoubleText.TryRead(text, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>mantissa·10^scale written out: plain notation between 10⁻³ and 10⁶, else with an exponent; trailing zeros dropped.</summary>
    private static string Decimal(long mantissa, int scale)
    {
        var digits = mantissa.ToString(CultureInfo.InvariantCulture);
        var magnitude = digits.Length - 1 + scale;
        if (magnitude is >= -3 and < 6)
        {
            var text = scale >= 0
                ? digits + new string('0', scale)
                : digits.Length > -scale
                    ? digits[..(digits.Length + scale)] + "." + digits[(digits.Length + scale)..]
                    : "0." + new string('0', -scale - digits.Length) + digits;
            return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
        }

        var fraction = digits[1..].TrimEnd('0');
        return digits[..1] + (fraction.Length > 0 ? "." + fraction : string.Empty) + "e" + magnitude.ToString(CultureInfo.InvariantCulture);
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    /// <summary>A whole number written plainly, e.g. 2500: the way the level screen's header and the CLI write steps, so a lesson's counts read alike.</summary>
    public static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}
