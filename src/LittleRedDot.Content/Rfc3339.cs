using System.Globalization;
using System.Text.RegularExpressions;

namespace LittleRedDot.Content;

/// <summary>RFC 3339 date-times (section 5.6): a date, 'T', a time with optional fraction, and 'Z' or an offset.</summary>
public static partial class Rfc3339
{
    /// <summary>The digits of a second a DateTimeOffset holds (100 ns ticks).</summary>
    private const int TickDigits = 7;

    /// <summary>
    /// Reads an RFC 3339 date-time into an instant (UTC). Read by hand rather than by <see cref="DateTimeOffset"/>'s
    /// parser, which holds offsets only to ±14:00 where RFC 3339 allows ±23:59 (attacker round 4). A leap second
    /// (23:59:60 UTC, in any offset), which a DateTimeOffset cannot hold, is read as the instant after 23:59:59; a fraction of any length is
    /// cut (never rounded) to 100 ns, so a time never moves into the next second by being read. False for anything
    /// else: no offset, a local-looking time, a space for 'T', digits outside ASCII, a date or time that does not exist,
    /// or an instant outside the years 0001–9999 UTC.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        var match = text is null ? Match.Empty : Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var g = match.Groups;
        var leap = g["second"].ValueSpan.SequenceEqual("60");
        if (!DateTime.TryParseExact(
                $"{g["date"].ValueSpan}T{g["minute"].ValueSpan}:{(leap ? "59" : g["second"].ValueSpan)}",
                "yyyy-MM-dd'T'HH:mm:ss",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var clock)
            || (g["sign"].Success && (Number(g["hours"]) > 23 || Number(g["minutes"]) > 59)))
        {
            return false;
        }

        var fraction = g["fraction"].Value;
        var ticks = clock.Ticks
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.Length > TickDigits ? fraction[..TickDigits] : fraction.PadRight(TickDigits, '0'), CultureInfo.InvariantCulture))
            + (leap ? TimeSpan.TicksPerSecond : 0)
            - (g["sign"].Success ? (g["sign"].Value == "-" ? -1 : 1) * ((Number(g["hours"]) * TimeSpan.TicksPerHour) + (Number(g["minutes"]) * TimeSpan.TicksPerMinute)) : 0);
        // A leap second is inserted only as the last second of a UTC day (RFC 3339 §5.7: 23:59:60Z, in any offset).
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || (leap && new DateTime(ticks - TimeSpan.TicksPerSecond).TimeOfDay.Ticks / TimeSpan.TicksPerSecond != (24 * 3600) - 1))
        {
            return false;
        }

        instant = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;

        static long Number(Group group) => long.Parse(group.ValueSpan, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="instant"/> as RFC 3339 UTC to the second ("2026-11-26T10:15:00Z"), the form run files' savedAt
    /// (RULES.md §7) and the room's times (§9) are written in; any fraction of a second is dropped.
    /// </summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // \z, not $: in .NET '$' also matches before a final "\n"; and [0-9], not \d, which matches every Unicode digit.
    [GeneratedRegex(
        @"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<minute>[0-9]{2}:[0-9]{2}):(?<second>[0-9]{2})(\.(?<fraction>[0-9]+))?([Zz]|(?<sign>[+-])(?<hours>[0-9]{2}):(?<minutes>[0-9]{2}))\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Shape();
}
