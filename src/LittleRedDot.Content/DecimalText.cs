using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
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
        var digits = Digits(bytes, ref i, ref mantissa);
        var fraction = 0;
        if ((uint)i < (uint)bytes.Length && bytes[i] == (byte)'.')
        {
            i++;
            fraction = Digits(bytes, ref i, ref mantissa);
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

    private static ReadOnlySpan<ulong> Scales => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>
    /// The run of digits at <paramref name="i"/>, appended to <paramref name="mantissa"/> (which wraps past 19 digits:
    /// the caller refuses those) and <paramref name="i"/> moved past it; returns how many. Eight bytes at a time where
    /// eight can be read, as one 64-bit word ("SIMD within a register"): each byte XOR '0' is its digit's value exactly
    /// when the byte is a digit, a byte is not a digit when that value is 10 or more, and the digits before the first
    /// other byte are combined by three multiplications. A million-row CSV has two million numbers to read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> bytes, ref int i, ref ulong mantissa)
    {
        var start = i;
        while (bytes.Length - i >= 8)
        {
            var values = BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]) ^ 0x3030303030303030UL;

            // A byte's top bit set here: its value is 10 or more (v + 0x76 reaches 0x80), or it had the top bit itself.
            // A carry out of a byte only reaches bytes after it, past the first byte that is not a digit.
            var others = ((values + 0x7676767676767676UL) | values) & 0x8080808080808080UL;
            var count = others == 0 ? 8 : BitOperations.TrailingZeroCount(others) >> 3;
            if (count == 0)
            {
                break;
            }

            // The first byte is the most significant digit: moved to the top, the bytes past the run drop out and
            // zeros lead.
            mantissa = (mantissa * Scales[count]) + EightDigits(values << (8 * (8 - count)));
            i += count;
            if (count < 8)
            {
                return i - start;
            }
        }

        for (; (uint)i < (uint)bytes.Length && IsDigit(bytes[i]); i++)
        {
            mantissa = (mantissa * 10) + (uint)(bytes[i] - '0');
        }

        return i - start;
    }

    /// <summary>The number eight digit values (0–9, one per byte, the first byte most significant) make.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(ulong values)
    {
        values = (values * 10) + (values >> 8); // each byte pair's low byte: 10·first + second
        const ulong Pairs = 0x000000FF000000FFUL;
        return (((values & Pairs) * ((1_000_000UL << 32) + 100)) + (((values >> 16) & Pairs) * ((10_000UL << 32) + 1))) >> 32;
    }
}
