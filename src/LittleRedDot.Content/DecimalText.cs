using System.Globalization;
using System.Runtime.CompilerServices;
using csFastFloat;

namespace LittleRedDot.Content;

/// <summary>
/// Parses a decimal number from UTF-8 bytes, correctly rounded. The common case — at most 19
/// significant digits and a power of ten within ±22 — is Clinger's exact fast path: the digits and
/// 10^|e| are both exact doubles, so one multiplication or division rounds once, correctly. Anything
/// else goes to csFastFloat. Compiled fully optimised at once, because a short-lived process reading
/// a million rows never waits long enough for tiered compilation to optimise it.
/// </summary>
internal static class DecimalText
{
    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>A finite number in the whole of <paramref name="text"/> (digits, sign, '.', exponent; no words like "inf").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var significant = 0;
        var exponent = 0;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            digits++;
            if (significant > 0 || text[i] != (byte)'0')
            {
                significant++;
            }

            mantissa = (mantissa * 10) + (uint)(text[i] - '0');
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                digits++;
                if (significant > 0 || text[i] != (byte)'0')
                {
                    significant++;
                }

                mantissa = (mantissa * 10) + (uint)(text[i] - '0');
                exponent--;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                expNegative = text[i] == (byte)'-';
                i++;
            }

            var expDigits = 0;
            var written = 0;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                expDigits++;
                written = Math.Min((written * 10) + (text[i] - '0'), 100_000);
            }

            if (expDigits == 0)
            {
                return false;
            }

            exponent += expNegative ? -written : written;
        }

        if (i != text.Length)
        {
            return false;
        }

        if (significant <= 19 && mantissa <= (1UL << 53) && exponent is >= -22 and <= 22)
        {
            double m = mantissa;
            value = exponent >= 0 ? m * PowersOfTen[exponent] : m / PowersOfTen[-exponent];
            value = negative ? -value : value;
            return true;
        }

        return FastDoubleParser.TryParseDouble(text, out var consumed, out value, NumberStyles.Float, (byte)'.', (byte)',')
            && consumed == text.Length && double.IsFinite(value);
    }

    /// <summary>
    /// A plain decimal starting at <paramref name="pos"/> — optional sign, digits, optional '.' and digits, at most 19
    /// digits in all, no exponent — read up to the first other byte (left for the caller to judge) when it is one
    /// that <see cref="TryParse"/> would take by its exact fast path, so the value is bit for bit the same. False
    /// (and <paramref name="pos"/> unchanged) for anything else: the caller then takes the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParsePlain(ReadOnlySpan<byte> bytes, ref int pos, out double value)
    {
        value = 0;
        var i = pos;
        var negative = false;
        if ((uint)i < (uint)bytes.Length && bytes[i] is (byte)'-' or (byte)'+')
        {
            negative = bytes[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var start = i;
        for (; (uint)i < (uint)bytes.Length && IsDigit(bytes[i]); i++)
        {
            mantissa = (mantissa * 10) + (uint)(bytes[i] - '0');
        }

        var digits = i - start;
        var fraction = 0;
        if ((uint)i < (uint)bytes.Length && bytes[i] == (byte)'.')
        {
            var fractionStart = ++i;
            for (; (uint)i < (uint)bytes.Length && IsDigit(bytes[i]); i++)
            {
                mantissa = (mantissa * 10) + (uint)(bytes[i] - '0');
            }

            fraction = i - fractionStart;
            digits += fraction;
        }

        if (digits is 0 or > 19 || fraction > 22 || mantissa > (1UL << 53)
            || ((uint)i < (uint)bytes.Length && bytes[i] is (byte)'e' or (byte)'E'))
        {
            return false;
        }

        double m = mantissa;
        value = fraction == 0 ? m : m / PowersOfTen[fraction];
        value = negative ? -value : value;
        pos = i;
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
