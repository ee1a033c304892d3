using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LittleRedDot.Engine;

/// <summary>
/// The run digest of RULES.md §7: SHA-256 over the UTF-8 player, a 0 byte, the UTF-8 savedAt, a 0 byte,
/// then for k = 0 … steps the little-endian IEEE-754 bits of β0_k, β1_k and J(β_k), every NaN written
/// as 0x7FF8000000000000. Feed it a run as an observer, then read <see cref="Finish"/>.
/// </summary>
public sealed class RunDigest : IRunObserver, IDisposable
{
    private const long CanonicalNaN = 0x7FF8000000000000;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] buffer = new byte[24 * 256];
    private int used;

    public RunDigest(string player, string savedAt)
    {
        ArgumentNullException.ThrowIfNull(player);
        ArgumentNullException.ThrowIfNull(savedAt);
        hash.AppendData(Encoding.UTF8.GetBytes(player));
        hash.AppendData([0]);
        hash.AppendData(Encoding.UTF8.GetBytes(savedAt));
        hash.AppendData([0]);
    }

    public void OnState(in RunState state)
    {
        if (used == buffer.Length)
        {
            Flush();
        }

        var span = buffer.AsSpan(used, 24);
        BinaryPrimitives.WriteInt64LittleEndian(span, Bits(state.Beta0));
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], Bits(state.Beta1));
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], Bits(state.Cost));
        used += 24;
    }

    /// <summary>The digest as lower-case hex.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose() => hash.Dispose();

    private static long Bits(double d) => double.IsNaN(d) ? CanonicalNaN : BitConverter.DoubleToInt64Bits(d);

    private void Flush()
    {
        hash.AppendData(buffer, 0, used);
        used = 0;
    }
}
