using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// The level hash of RULES.md §6: SHA-256 of a text naming every rule and every point as played, each
/// double as the 16 hex digits of its bits (−0 as 0). Streamed, so a million points make no big string.
/// </summary>
public static class LevelHash
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Compute(string id, Level level)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(level);
        var r = level.Rules;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new StringBuilder()
            .Append("littlereddot-level\n")
            .Append("id=").Append(id).Append('\n')
            .Append("cost=").Append(CostNames.Name(r.Cost)).Append('\n')
            .Append("beta0=").Append(Parameter(r.Beta0)).Append('\n')
            .Append("beta1=").Append(Parameter(r.Beta1)).Append('\n')
            .Append("alpha=").Append(Hex(r.AlphaMin)).Append(' ').Append(Hex(r.AlphaMax)).Append('\n')
            .Append("budget=").Append(r.Budget.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("tolerance=").Append(Hex(r.Tolerance)).Append('\n')
            .Append("par=").Append(r.Par.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("n=").Append(level.Data.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        hash.AppendData(Encoding.UTF8.GetBytes(header.ToString()));

        const int lineLength = 34; // 16 hex, space, 16 hex, \n
        var buffer = new byte[lineLength * 1024];
        var used = 0;
        var xs = level.Data.X;
        var ys = level.Data.Y;
        for (var i = 0; i < xs.Length; i++)
        {
            if (used == buffer.Length)
            {
                hash.AppendData(buffer, 0, used);
                used = 0;
            }

            WriteHex(buffer.AsSpan(used, 16), xs[i]);
            buffer[used + 16] = (byte)' ';
            WriteHex(buffer.AsSpan(used + 17, 16), ys[i]);
            buffer[used + 33] = (byte)'\n';
            used += lineLength;
        }

        hash.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

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
    /// The 16 digits at once: the bits' bytes, most significant first, split into nibbles in digit order and
    /// looked up in "0123456789abcdef" by one table shuffle (SSSE3 on x64, TBL on Arm64, a loop elsewhere).
    /// A million points make two million of these; the hash text is the same as digit by digit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteHex(Span<byte> destination, double value)
    {
        var bits = value == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(value);
        var bytes = Vector128.CreateScalarUnsafe(BinaryPrimitives.ReverseEndianness(bits)).AsByte();
        var twice = Vector128.Shuffle(bytes, Vector128.Create((byte)0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7));
        var nibbles = Vector128.ConditionalSelect(HighNibbleLanes, Vector128.ShiftRightLogical(twice, 4), twice & Vector128.Create((byte)0x0F));
        Vector128.Shuffle(Vector128.Create("0123456789abcdef"u8), nibbles).CopyTo(destination);
    }

    /// <summary>Even lanes take a byte's high nibble (its first hex digit), odd lanes its low nibble.</summary>
    private static Vector128<byte> HighNibbleLanes => Vector128.Create((ushort)0x00FF).AsByte();
}
