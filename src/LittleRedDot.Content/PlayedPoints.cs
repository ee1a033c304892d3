using System.Runtime.CompilerServices;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Takes a level's points as they are read, in data order, and keeps them as played: x' = (x − xShift) / xScale
/// and likewise y (RULES.md §6). Given the level's id and rules, it also hashes them as they arrive
/// (<see cref="LevelHasher"/>), so a million-row CSV is parsed and hashed in one pass. The hash's text names the
/// point count before the first point: <see cref="Expect"/> gives it, foretold from the file's line ends; when the
/// rows kept differ from the forecast (blank lines, rows a <c>where</c> leaves out, quoted line breaks) that hash is
/// dropped and <see cref="Sha256"/> is null, so the level is hashed from its points afterwards. From
/// <see cref="HashBesideFrom"/> points foretold the hash is made on a second thread beside the reading (<see cref="BesideHasher"/>).
/// </summary>
public sealed class PlayedPoints : IDisposable
{
    /// <summary>
    /// How many points foretold make it worth hashing on a second thread: below it, starting a thread costs more
    /// than it saves (the shipped levels have tens of points; the thread pays off in the tens of thousands).
    /// </summary>
    public const int HashBesideFrom = 1 << 16;

    /// <summary>How many points the reader adds between two hand-overs to the hashing thread.</summary>
    private const int PublishEvery = 1 << 14;

    private readonly double xShift;
    private readonly double xScale;
    private readonly double yShift;
    private readonly double yScale;
    private readonly bool raw;
    private readonly Func<int, LevelHasher>? startHash;
    private readonly int hashBesideFrom;
    private LevelHasher? hasher;
    private BesideHasher? beside;
    private int expected = -1;
    private double[] xs = [];
    private double[] ys = [];

    /// <summary>Keeps the points as read, unhashed (no shift, no scale).</summary>
    public PlayedPoints()
        : this(new DataSource(), null)
    {
    }

    /// <summary>Plays the points with the source's shifts and scales and hashes them for the level <paramref name="id"/>.</summary>
    /// <param name="id">The level's id, as the hash names it.</param>
    /// <param name="rules">The level's rules, as the hash names them.</param>
    /// <param name="source">Where the points come from: its shifts and scales play them.</param>
    /// <param name="hashBesideFrom">From how many points foretold the hash is made on a second thread
    /// (<see cref="HashBesideFrom"/>; the tests lower it). The hash is the same either way.</param>
    public PlayedPoints(string id, LevelRules rules, DataSource source, int hashBesideFrom = HashBesideFrom)
        : this(source, count => new LevelHasher(id, rules, count))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hashBesideFrom);
        this.hashBesideFrom = hashBesideFrom;
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
        StopHashing();
        hasher = startHash?.Invoke(count);
        if (hasher is not null && count >= hashBesideFrom)
        {
            beside = new BesideHasher(hasher, xs, ys);
            hasher = null;
        }
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
            // Only a forecast that fell short gets here (a file mixing '\r' and '\n' line ends); its hash is dropped.
            StopHashing();
            Array.Resize(ref xs, Math.Max(16, xs.Length * 2));
            Array.Resize(ref ys, xs.Length);
        }

        xs[Count] = x;
        ys[Count] = y;
        Count++;
        hasher?.Add(x, y);
        if (beside is not null && Count % PublishEvery == 0)
        {
            beside.Publish(Count);
        }
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
        if (Count != expected)
        {
            StopHashing();
        }

        var sha256 = beside?.Finish(Count) ?? hasher?.Finish();
        StopHashing();
        return sha256;
    }

    public void Dispose() => StopHashing();

    /// <summary>No more hashing: the hash (if any) is made or dropped, and the hashing thread (if any) has ended.</summary>
    private void StopHashing()
    {
        beside?.Dispose();
        beside = null;
        hasher?.Dispose();
        hasher = null;
    }
}
