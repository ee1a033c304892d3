using System.Globalization;

namespace LittleRedDot.Cli;

/// <summary>Numbers on the command line: invariant culture; NaN and infinities refused (RULES.md §8).</summary>
public static class Numbers
{
    /// <exception cref="UsageException">Not a finite number.</exception>
    public static double Parse(string option, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"{option}: \"{text}\" is not a number (use '.' as the decimal mark, e.g. 0.01 or 1e-3)");
        }

        if (!double.IsFinite(value))
        {
            throw new UsageException($"{option}: {text} is not a finite number");
        }

        return value;
    }
}
