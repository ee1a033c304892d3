using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// The level hash of RULES.md §6 made point by point: the head (rules and the point count n) first, then one
/// line "⟨x⟩ ⟨y⟩\n" per point as played, in data order, fed to SHA-256 in blocks of 1,024 lines. A level read
/// from a CSV is hashed this way as its rows are parsed (<see cref="PlayedPoints"/>), in the same pass.
/// </summary>
public sealed class LevelHasher : IDisposable
{
    private const int LineLength = 34; // 16 hex, space, 16 hex, \n

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] buffer = new byte[LineLength * 1024];
    private int used;

    /// <summary>Starts the text with the level's rules and <paramref name="count"/>, the number of points that will follow.</summary>
    public LevelHasher(string id, LevelRules rules, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(rules);
        hash.AppendData(LevelHash.Head(id, rules, count));
    }

    /// <summary>The next point as played (after shifts and scales).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double x, double y)
    {
        if (used == buffer.Length)
        {
            hash.AppendData(buffer, 0, used);
            used = 0;
        }

        LevelHash.WriteHex(buffer.AsSpan(used, 16), x);
        buffer[used + 16] = (byte)' ';
        LevelHash.WriteHex(buffer.AsSpan(used + 17, 16), y);
        buffer[used + 33] = (byte)'\n';
        used += LineLength;
    }

    /// <summary>The lower-case hex hash of the text so far; right only when exactly the announced count of points was added.</summary>
    public string Finish()
    {
        hash.AppendData(buffer, 0, used);
        used = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose() => hash.Dispose();
}
