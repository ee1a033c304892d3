using System.Globalization;
using LittleRedDot.Content;

namespace LittleRedDot.Content.Tests.Text;

/// <summary>The two small readers every message and every time on the wire go through.</summary>
public sealed class ExcerptAndRfc3339Tests
{
    [Fact]
    public void An_excerpt_keeps_short_text_whole_and_cuts_long_text_between_text_elements()
    {
        // Oracle: the definition — at most Excerpt.Length text elements (StringInfo), then "…".
        Assert.Equal("t-01", Excerpt.Of("t-01"));
        var exact = new string('a', Excerpt.Length);
        Assert.Same(exact, Excerpt.Of(exact));

        var flags = string.Concat(Enumerable.Repeat("🇫🇷", 100)); // 2 UTF-16 units × 2 per flag
        var cut = Excerpt.Of(flags);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        var kept = cut[..^1];
        Assert.Equal(Excerpt.Length, new StringInfo(kept).LengthInTextElements);
        Assert.StartsWith(kept, flags, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-26T10:30:00Z", "2026-11-26T10:30:00.0000000+00:00")]
    [InlineData("2026-11-26t10:30:00z", "2026-11-26T10:30:00.0000000+00:00")]
    [InlineData("2026-11-26T11:30:00+01:00", "2026-11-26T10:30:00.0000000+00:00")]
    [InlineData("2026-11-26T10:30:00.123456789Z", "2026-11-26T10:30:00.1234567+00:00")] // 9 digits cut to 100 ns, never rounded up
    [InlineData("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.9999999+00:00")] // so the last second of 9999 stays in range
    [InlineData("2026-11-26T10:30:00.5+01:00", "2026-11-26T09:30:00.5000000+00:00")]
    [InlineData("2026-11-29T19:30:00-23:59", "2026-11-30T19:29:00.0000000+00:00")] // RFC 3339 offsets reach ±23:59, past .NET's ±14:00
    [InlineData("2026-11-29T19:30:00.123456789123Z", "2026-11-29T19:30:00.1234567+00:00")] // a fraction of any length
    [InlineData("2026-11-29T00:00:00+23:59", "2026-11-28T00:01:00.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00.0000000+00:00")] // RFC 3339 §5.7's leap second: the instant after 23:59:59
    [InlineData("2017-01-01T00:59:60+01:00", "2017-01-01T00:00:00.0000000+00:00")] // the same leap second an hour east
    [InlineData("2016-12-31T23:59:60.5Z", "2017-01-01T00:00:00.5000000+00:00")]
    public void An_RFC_3339_time_reads_as_its_instant(string text, string expected)
    {
        // Oracle: the instants written out by hand from RFC 3339 §5.6 (offsets subtracted).
        Assert.True(Rfc3339.TryParse(text, out var instant));
        Assert.Equal(expected, instant.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-26T10:30:00")] // no offset
    [InlineData("2026-11-26 10:30:00Z")] // a space for T
    [InlineData("2026-11-26T10:30Z")] // no seconds
    [InlineData("2026-11-26T10:30:00Z\n")]
    [InlineData("２０２６-11-26T10:30:00Z")] // digits outside ASCII
    [InlineData("2026-02-30T10:30:00Z")]
    [InlineData("9999-12-31T23:59:60Z")] // the instant after would be past the last one a clock holds
    [InlineData("0001-01-01T00:30:00+01:00")] // before the first one
    [InlineData("2026-11-29T19:30:00+24:00")] // an offset's hours run to 23
    [InlineData("2026-11-29T19:30:00+01:60")] // and its minutes to 59
    [InlineData("2026-11-29T24:00:00Z")] // no hour 24
    [InlineData("2026-11-29T12:34:60Z")] // a leap second ends a UTC day, never another minute (RFC 3339 §5.7)
    [InlineData("2016-12-31T23:59:60+01:00")] // 22:59:60 UTC
    [InlineData("2026-11-29T19:30:00.Z")] // a point with no digits
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_RFC_3339_time(string? text)
    {
        Assert.False(Rfc3339.TryParse(text, out _));
    }
}
