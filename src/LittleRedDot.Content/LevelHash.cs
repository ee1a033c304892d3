using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using System.Text;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// The level hash of RULES.md §6: SHA-256 of a text naming every rule and every point as played, each
/// double as the 16 hex digits of its bits (−0 as 0). Streamed, so a million points make no big string.
/// </summary>
public static class LevelHash
{
    /// <summary>The hash of a built level: its rules and its points as played.</summary>
    public static string Compute(string id, Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        using var hasher = new LevelHasher(id, level.Rules, level.Data.Count);
        var xs = level.Data.X;
        var ys = level.Data.Y;
        for (var i = 0; i < xs.Length; i++)
        {
            hasher.Add(xs[i], ys[i]);
        }

        return hasher.Finish();
    }

    /// <summary>The text's head, every line before the points: it names the point count, so a hash made as the
    /// points are read needs that count first.</summary>
    internal static byte[] Head(string id, LevelRules r, int count) =>
        Encoding.UTF8.GetBytes(new StringBuilder()
            .Append("littlereddot-level\n")
            .Append("id=").Append(id).Append('\n')
            .Append("cost=").Append(CostNames.Name(r.Cost)).Append('\n')
            .Append("beta0=").Append(Parameter(r.Beta0)).Append('\n')
            .Append("beta1=").Append(Parameter(r.Beta1)).Append('\n')
            .Append("alpha=").Append(Hex(r.AlphaMin)).Append(' ').Append(Hex(r.AlphaMax)).Append('\n')
            .Append("budget=").Append(r.Budget.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("tolerance=").Append(Hex(r.Tolerance)).Append('\n')
            .Append("par=").Append(r.Par.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("n=").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .ToString());

    /// <summary>A double as 16 lower-case hex digits of its IEEE-754 bits, −0 written as 0.</summary>
    public static string Hex(double value)
    {
        Span<byte> chars = stackalloc byte[16];
        WriteHex(chars, value);
        return Encoding.ASCII.GetString(chars);
    }

    private static string Parameter(ParameterRule p) =>
        p.IsFixed ? $"fixed {Hex(p.Value)}" : $"range {Hex(p.Min)} {Hex(p.Max)}";

    /// <summary>
    /// The 16 digits at once where the processor has a byte table lookup (SSSE3 on x64, TBL on Arm64): the bits'
    /// bytes, most significant first, each doubled, split into high and low nibbles and looked up in
    /// "0123456789abcdef" by one shuffle. A million points make two million of these. The instructions are named
    /// (not Vector128.Shuffle) because a NativeAOT build for plain x64 would run the portable shuffle in software.
    /// Elsewhere digit by digit; the text is the same either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteHex(Span<byte> destination, double value)
    {
        var bits = value == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(value);
        var bytes = Vector128.CreateScalarUnsafe(BinaryPrimitives.ReverseEndianness(bits)).AsByte();
        var digits = Vector128.Create("0123456789abcdef"u8);
        if (Ssse3.IsSupported)
        {
            Ssse3.Shuffle(digits, Nibbles(Sse2.UnpackLow(bytes, bytes))).CopyTo(destination);
        }
        else if (AdvSimd.Arm64.IsSupported)
        {
            AdvSimd.Arm64.VectorTableLookup(digits, Nibbles(AdvSimd.Arm64.ZipLow(bytes, bytes))).CopyTo(destination);
        }
        else
        {
            for (var i = 15; i >= 0; i--)
            {
                destination[i] = "0123456789abcdef"u8[(int)(bits & 0xF)];
                bits >>= 4;
            }
        }
    }

    /// <summary>From each byte written twice: its high nibble in the even lane, its low nibble in the odd lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Nibbles(Vector128<byte> twice) =>
        Vector128.ConditionalSelect(
            Vector128.Create((ushort)0x00FF).AsByte(),
            (twice.AsUInt16() >> 4).AsByte() & Vector128.Create((byte)0x0F),
            twice & Vector128.Create((byte)0x0F));
}
