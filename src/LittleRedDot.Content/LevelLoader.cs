using System.IO.Abstractions;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Loads level files (RULES.md §6): reads and checks the JSON, loads inline or CSV data inside the
/// containment root, applies shifts and scales, and builds the engine's <see cref="Level"/>.
/// </summary>
public sealed class LevelLoader(IFileSystem fileSystem, string? levelsRoot)
{
    /// <summary>
    /// The largest level file read, checked before reading: 256 MiB, the bound of a CSV (RULES.md §6), so that either
    /// form of data has one limit, and ten million points (the most a level holds) fit in either when written in under
    /// 26 bytes a point. A gigabyte of JSON took several gigabytes to parse (issue 14, kind 4). Measured peaks (`run`,
    /// /usr/bin/time -v, a shared machine): 410 MB of 10,000,000 points took 1.71 GB and 48 s before this bound and is
    /// now refused at 41 MB; with the points read ahead (<see cref="InlinePoints"/>), 10,000,000 short points (131 MB)
    /// take 0.98 GB and 6 s (1.56 GB and 26 s through the document alone), 6,400,000 full-precision ones (262 MB)
    /// 1.12 GB and 7 s (1.41 GB and 17 s).
    /// </summary>
    public const long MaxLevelFileBytes = CsvColumns.MaxBytes;

    public IFileSystem FileSystem { get; } = fileSystem;

    public string? LevelsRoot { get; } = levelsRoot;

    /// <summary>Reads and checks a level file without loading its data.</summary>
    /// <exception cref="ContentException">The file is missing, unreadable or not a well-formed level.</exception>
    public LevelSpec ReadSpec(string path)
    {
        var full = Path.GetFullPath(path);
        var bytes = ReadBytes(full, path, MaxLevelFileBytes);
        return LevelReader.Read(bytes, full);
    }

    /// <summary>Reads a level file and loads its data.</summary>
    public LevelDefinition Load(string path) => Load(ReadSpec(path));

    /// <summary>Loads the data of a checked level file and builds the playable level.</summary>
    /// <exception cref="ContentException">The data cannot be loaded or makes no valley.</exception>
    public LevelDefinition Load(LevelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var source = spec.Data;
        double[] xs, ys;
        string? sha256 = null;
        if (source.Points is { } points)
        {
            xs = new double[points.Count];
            ys = new double[points.Count];
            for (var i = 0; i < xs.Length; i++)
            {
                (xs[i], ys[i]) = points[i];
            }

            Rescale(xs, source.XShift, source.XScale);
            Rescale(ys, source.YShift, source.YScale);
        }
        else
        {
            var csvPath = SafePath.Resolve(FileSystem, spec.Path, source.Csv!, SafePath.ContainmentRoot(spec.Path, LevelsRoot), out var refusal);
            if (csvPath is null)
            {
                throw new ContentException(new LocatedError(spec.Path, "$.data.csv", refusal!));
            }

            // Read, played and hashed in one pass over the file (PlayedPoints).
            using var played = new PlayedPoints(spec.Id, spec.Rules, source);
            Read(csvPath, source.Csv!, CsvColumns.MaxBytes, (stream, _, cap) =>
            {
                CsvColumns.Read(stream, cap, csvPath, source.XColumn!, source.YColumn!, source.Where, played);
                return played;
            }, spec.Path, "$.data.csv");
            (xs, ys) = played.ToArrays();
            sha256 = played.Sha256();
        }

        try
        {
            return new LevelDefinition(spec, new Level(spec.Rules, new DataSet(xs, ys)), sha256);
        }
        catch (DegenerateDataException e)
        {
            throw new ContentException(new LocatedError(spec.Path, "$.data", e.Message));
        }
    }

    /// <summary>x' = (x − shift) / scale, as RULES.md §6 plays the points.</summary>
    private static void Rescale(double[] values, double shift, double scale)
    {
        if (shift == 0 && scale == 1)
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (values[i] - shift) / scale;
        }
    }

    private byte[] ReadBytes(string fullPath, string shownPath, long limit) =>
        Read(fullPath, shownPath, limit, BoundedFile.ReadAll);

    /// <summary>Opens a file after the checks every read here makes and reads it with <paramref name="read"/> (given the size the file system reports and at most how many bytes to take; null when it held more).</summary>
    private T Read<T>(string fullPath, string shownPath, long limit, Func<Stream, long, long, T?> read, string? referrer = null, string? referrerLocation = null)
        where T : class
    {
        LocatedError Error(string message) =>
            referrer is null ? new LocatedError(shownPath, string.Empty, message) : new LocatedError(referrer, referrerLocation!, $"{shownPath}: {message}");

        T ReadOrRefuse(Stream stream, long reported, long cap) =>
            read(stream, reported, cap)
                ?? throw new ContentException(Error($"it does not end where its size says (is it a device?) or holds more than {limit:N0} bytes")) { IsUnreadable = referrer is null };

        try
        {
            if (FileSystem.Directory.Exists(fullPath))
            {
                throw new ContentException(Error("is a folder; expected a file")) { IsUnreadable = referrer is null };
            }

            var info = FileSystem.FileInfo.New(fullPath);
            if (!info.Exists)
            {
                // A name that is not valid UTF-8 lists with U+FFFD and cannot be opened by that string: found by its bytes.
                if (RawFileName.TryRead(fullPath, limit, out var shown) is not { } named)
                {
                    throw new ContentException(Error(shown is null ? "file not found" : $"{shown} holds more than {limit:N0} bytes")) { IsUnreadable = referrer is null };
                }

                using var bytes = new MemoryStream(named, writable: false);
                return ReadOrRefuse(bytes, named.Length, limit);
            }

            if (info.Length > limit)
            {
                throw new ContentException(Error($"the file is {info.Length:N0} bytes; at most {limit:N0} bytes are read"));
            }

            using var stream = BoundedFile.OpenRead(FileSystem, fullPath, limit, out var reported, out var cap);
            return ReadOrRefuse(stream, reported, cap);
        }
        catch (IOException e)
        {
            throw new ContentException(Error($"cannot be read ({e.Message})")) { IsUnreadable = referrer is null };
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ContentException(Error($"cannot be read ({e.Message})")) { IsUnreadable = referrer is null };
        }
    }
}
