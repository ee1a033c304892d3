using System.Runtime.CompilerServices;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Takes a level's points as they are read, in data order, and keeps them as played: x' = (x − xShift) / xScale
/// and likewise y (RULES.md §6). Given the level's id and rules, it also hashes them as they arrive
/// (<see cref="LevelHasher"/>), so a million-row CSV is parsed and hashed in one pass. The hash's text names the
/// point count before the first point: <see cref="Expect"/> gives it, foretold from the file's line ends; when the
/// rows kept differ from the forecast (blank lines, rows a <c>where</c> leaves out, quoted line breaks) that hash is
/// dropped and <see cref="Sha256"/> is null, so the level is hashed from its points afterwards.
/// </summary>
public sealed class PlayedPoints : IDisposable
{
    private readonly double xShift;
    private readonly double xScale;
    private readonly double yShift;
    private readonly double yScale;
    private readonly bool raw;
    private readonly Func<int, LevelHasher>? startHash;
    private LevelHasher? hasher;
    private int expected = -1;
    private double[] xs = [];
    private double[] ys = [];

    /// <summary>Keeps the points as read, unhashed (no shift, no scale).</summary>
    public PlayedPoints()
        : this(new DataSource(), null)
    {
    }

    /// <summary>Plays the points with the source's shifts and scales and hashes them for the level <paramref name="id"/>.</summary>
    public PlayedPoints(string id, LevelRules rules, DataSource source)
        : this(source, count => new LevelHasher(id, rules, count))
    {
    }

    private PlayedPoints(DataSource source, Func<int, LevelHasher>? startHash)
    {
        ArgumentNullException.ThrowIfNull(source);
        xShift = source.XShift;
        xScale = source.XScale;
        yShift = source.YShift;
        yScale = source.YScale;
        raw = xShift == 0 && xScale == 1 && yShift == 0 && yScale == 1;
        this.startHash = startHash;
    }

    /// <summary>How many points have been added.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Before the first point: how many points are foreseen. Sizes the arrays (at most one past
    /// <see cref="DataSet.MaxPoints"/>, which the level refuses anyway) and starts the hash with that count.
    /// </summary>
    public void Expect(int count)
    {
        expected = count;
        var capacity = Math.Clamp(count, 0, DataSet.MaxPoints + 1);
        xs = new double[capacity];
        ys = new double[capacity];
        hasher?.Dispose();
        hasher = startHash?.Invoke(count);
    }

    /// <summary>The next point as read (before shifts and scales).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double x, double y)
    {
        if (!raw)
        {
            x = (x - xShift) / xScale;
            y = (y - yShift) / yScale;
        }

        if (Count == xs.Length)
        {
            // Only a forecast that fell short gets here (a file mixing '\r' and '\n' line ends).
            Array.Resize(ref xs, Math.Max(16, xs.Length * 2));
            Array.Resize(ref ys, xs.Length);
        }

        xs[Count] = x;
        ys[Count] = y;
        Count++;
        hasher?.Add(x, y);
    }

    /// <summary>The points as played, exactly <see cref="Count"/> of each.</summary>
    public (double[] X, double[] Y) ToArrays()
    {
        if (Count < xs.Length)
        {
            Array.Resize(ref xs, Count);
            Array.Resize(ref ys, Count);
        }

        return (xs, ys);
    }

    /// <summary>The level hash made while reading, or null when none was asked for or the count foreseen was not the count read.</summary>
    public string? Sha256()
    {
        if (hasher is null || Count != expected)
        {
            return null;
        }

        var sha256 = hasher.Finish();
        hasher.Dispose();
        hasher = null;
        return sha256;
    }

    public void Dispose() => hasher?.Dispose();
}
