using System.Globalization;
using CsCheck;

namespace LittleRedDot.Engine.Tests;

/// <summary>Doubles as text, one way each (DoubleText).</summary>
public sealed class DoubleTextTests
{
    /// <summary>Oracle: RULES.md §7's spellings of the non-finite values, and "R" round-trip of the bits.</summary>
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(-0.0, "-0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-3, "0.001")]
    public void Round_trip_text_spells_the_non_finite_values_as_run_files_do(double value, string text) =>
        Assert.Equal(text, DoubleText.RoundTrip(value));

    /// <summary>Oracle: reading the text back gives the same 64 bits (exact, no tolerance).</summary>
    [Fact]
    public void Round_trip_text_reads_back_to_the_same_bits() =>
        Gen.Double.Sample(
            d => BitConverter.DoubleToInt64Bits(double.Parse(DoubleText.RoundTrip(d), CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(d));

    /// <summary>Oracle: the decimal each product is meant to be, written by hand.</summary>
    [Theory]
    [InlineData(1.2 * 0.001, 0.0012)]   // 0.0012000000000000001 in binary arithmetic
    [InlineData(0.1 + 0.2, 0.3)]        // 0.30000000000000004
    [InlineData(-4.5, -4.5)]            // already short: unchanged
    public void Tidy_removes_binary_noise(double noisy, double tidy) =>
        Assert.Equal(tidy, DoubleText.Tidy(noisy));

    /// <summary>Oracle: what a person types and the number they mean (or none).</summary>
    [Theory]
    [InlineData("0.01", 0.01)]
    [InlineData(" 1e-3 ", 0.001)]
    [InlineData("−4.5", -4.5)]     // U+2212, a copied minus
    [InlineData("1×-3", 0.001)]    // × read as the exponent's e
    [InlineData("NaN", double.NaN)] // a number, not finite: the caller refuses it in its own words
    [InlineData("1e400", double.PositiveInfinity)]
    public void A_typed_number_is_read(string text, double expected)
    {
        Assert.True(DoubleText.TryRead(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("0,1")]
    [InlineData("fast")]
    public void Text_that_is_no_number_is_refused(string? text) =>
        Assert.False(DoubleText.TryRead(text, out _));
}
