using System.Globalization;
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
    public static string Compute(string id, Level level)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(level);
        var r = level.Rules;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new StringBuilder()
            .Append("littlereddot-level\n")
            .Append("id=").Append(id).Append('\n')
            .Append("cost=").Append(OutcomeNames.CostName(r.Cost)).Append('\n')
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

    private static void WriteHex(Span<byte> destination, double value)
    {
        var bits = value == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(value);
        for (var i = 15; i >= 0; i--)
        {
            var nibble = (int)(bits & 0xF);
            destination[i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
            bits >>= 4;
        }
    }
}
