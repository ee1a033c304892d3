using System.Globalization;
using System.Text.RegularExpressions;

namespace LittleRedDot.Content;

/// <summary>RFC 3339 date-times (section 5.6): a date, 'T', a time with optional fraction, and 'Z' or an offset.</summary>
public static partial class Rfc3339
{
    /// <summary>Where a fraction's digits start: after "YYYY-MM-DDTHH:MM:SS.".</summary>
    private const int FractionStart = 20;

    /// <summary>The digits of a second a DateTimeOffset holds (100 ns ticks).</summary>
    private const int TickDigits = 7;

    /// <summary>
    /// Reads an RFC 3339 date-time into an instant. A leap second (23:59:60), which <see cref="DateTimeOffset"/>
    /// cannot hold, is read as the instant after 23:59:59; a fraction is cut to 100 ns. False for anything else: no offset, a local-looking
    /// time, a space for 'T', digits outside ASCII, or an instant outside the years 0001–9999 UTC.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }

        var leap = text.AsSpan(17, 2).SequenceEqual("60");
        var readable = leap ? string.Concat(text.AsSpan(0, 17), "59", text.AsSpan(19)) : text;

        // A fraction finer than the 100 ns a DateTimeOffset holds is cut, not rounded: 23:59:59.999999999 stays in its
        // second (rounded, the last second of 9999 would have gone past the last instant a clock holds).
        var fractionEnd = readable.AsSpan(FractionStart).IndexOfAnyExceptInRange('0', '9') + FractionStart;
        if (readable[FractionStart - 1] == '.' && fractionEnd - FractionStart > TickDigits)
        {
            readable = string.Concat(readable.AsSpan(0, FractionStart + TickDigits), readable.AsSpan(fractionEnd));
        }

        if (!DateTimeOffset.TryParse(readable, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value))
        {
            return false;
        }

        if (leap)
        {
            if (value.UtcDateTime > DateTime.MaxValue.AddSeconds(-1))
            {
                return false;
            }

            value = value.AddSeconds(1);
        }

        instant = value;
        return true;
    }

    /// <summary>
    /// <paramref name="instant"/> as RFC 3339 UTC to the second ("2026-11-26T10:15:00Z"), the form run files' savedAt
    /// (RULES.md §7) and the room's times (§9) are written in; any fraction of a second is dropped.
    /// </summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // \z, not $: in .NET '$' also matches before a final "\n"; and [0-9], not \d, which matches every Unicode digit.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
