using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// Written out here rather than through Convert: the loop stays inside this fully optimised code,
    /// which matters for a million points in a process too short-lived for tiered compilation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteHex(Span<byte> destination, double value)
    {
        var bits = value == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(value);
        var pairs = HexPairs;
        for (var i = 14; i >= 0; i -= 2)
        {
            var b = (int)(bits & 0xFF) * 2;
            destination[i] = pairs[b];
            destination[i + 1] = pairs[b + 1];
            bits >>= 8;
        }
    }

    /// <summary>"000102…ff": the two hex digits of every byte, so a double takes 8 look-ups, not 16.</summary>
    private static ReadOnlySpan<byte> HexPairs => "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"u8;
}
