using System.Globalization;
using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>Numbers as the screen shows them: short, invariant culture, exponents written e-5 rather than E-05.</summary>
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

    /// <summary>Reads a number the player typed (<see cref="DoubleText.TryRead"/>); null when it is not a finite number.</summary>
    public static double? Parse(string? text) => DoubleText.TryRead(text, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>A whole number with thin grouping for readability, e.g. 10 000.</summary>
    public static string Whole(long value) => value.ToString("N0", CultureInfo.InvariantCulture).Replace(',', ' ');
}
