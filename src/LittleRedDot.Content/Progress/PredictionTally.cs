using System.IO.Abstractions;
using System.Text.Json;
using LittleRedDot.Content.Lessons;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// How often a player's predictions held, per level (issue 11, "predict first"): predictions.json in the player's
/// progress folder, { "level-id": { "right": n, "made": m, "across": { "right": n, "made": m }, "along": { … } } } with
/// 0 ≤ n ≤ m, written atomically: "right"/"made" count whole-run predictions, "across"/"along" (present once made) the
/// per-direction ones of a two-dial level. A file that cannot be read or does not have that form counts as no
/// predictions yet (and <see cref="Problem"/> says so); the next prediction replaces it. Entries of another form are
/// skipped, the others kept.
/// </summary>
public sealed class PredictionTally
{
    /// <summary>The tally's file name inside the player's progress folder.</summary>
    public const string FileName = "predictions.json";

    /// <summary>A larger file is not read: a tally of every level fits in far less.</summary>
    private const long MaxBytes = 1 << 20;

    private readonly IFileSystem fileSystem;

    /// <summary>Per level, the tallies of whole-run predictions (index 0) and of each direction (1 + its <see cref="Way"/>).</summary>
    private readonly Dictionary<string, (int Right, int Made)[]> levels = new(StringComparer.Ordinal);

    public PredictionTally(IFileSystem fileSystem, string progressFolder)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(progressFolder);
        this.fileSystem = fileSystem;
        Path = fileSystem.Path.Combine(progressFolder, FileName);
        Load();
    }

    /// <summary>The tally's file.</summary>
    public string Path { get; }

    /// <summary>Why the file was not read, safe for the terminal; null when it was read or did not exist.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Predictions that held and predictions made on a level: of the whole run (<paramref name="way"/> null) or of one
    /// direction; (0, 0) before the first.
    /// </summary>
    public (int Right, int Made) For(string levelId, Way? way = null) =>
        levels.TryGetValue(levelId, out var kinds) ? kinds[Index(way)] : (0, 0);

    /// <summary>Counts one prediction on a level (of the whole run, or of the direction <paramref name="way"/>) and writes the tally.</summary>
    /// <exception cref="ContentException">The file could not be written; the count is kept in memory.</exception>
    public void Add(string levelId, bool held, Way? way = null) => Add(levelId, [(way, held)]);

    /// <summary>Counts the predictions of one run on a level, each of the whole run (way null) or of a direction, and writes the tally once.</summary>
    /// <exception cref="ContentException">The file could not be written; the counts are kept in memory.</exception>
    public void Add(string levelId, IEnumerable<(Way? Way, bool Held)> verdicts)
    {
        ArgumentNullException.ThrowIfNull(levelId);
        ArgumentNullException.ThrowIfNull(verdicts);
        foreach (var (way, held) in verdicts)
        {
            var (right, made) = For(levelId, way);
            Kinds(levelId)[Index(way)] = (right + (held ? 1 : 0), made + 1);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (id, kinds) in levels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(id);
                WriteCounts(json, kinds[0]);
                foreach (var way in Enum.GetValues<Way>().Where(w => kinds[Index(w)].Made > 0))
                {
                    json.WriteStartObject(WayVerdict.Name(way));
                    WriteCounts(json, kinds[Index(way)]);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        AtomicFile.Write(fileSystem, Path, buffer.ToArray());

        static void WriteCounts(Utf8JsonWriter json, (int Right, int Made) counts)
        {
            json.WriteNumber("right", counts.Right);
            json.WriteNumber("made", counts.Made);
        }
    }

    private static int Index(Way? way) => way is { } w ? 1 + (int)w : 0;

    private (int Right, int Made)[] Kinds(string levelId)
    {
        if (!levels.TryGetValue(levelId, out var kinds))
        {
            levels[levelId] = kinds = new (int, int)[1 + Enum.GetValues<Way>().Length];
        }

        return kinds;
    }

    /// <summary>A { "right": n, "made": m } object with 0 ≤ n ≤ m, or null.</summary>
    private static (int Right, int Made)? Counts(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("right", out var r) && r.TryGetInt32(out var right)
        && element.TryGetProperty("made", out var m) && m.TryGetInt32(out var made)
        && right >= 0 && right <= made
            ? (right, made)
            : null;

    private void Load()
    {
        try
        {
            if (!fileSystem.File.Exists(Path))
            {
                return;
            }

            if (BoundedFile.Read(fileSystem, Path, MaxBytes) is not { } bytes)
            {
                Problem = $"{Path} is larger than {MaxBytes} bytes; predictions start afresh";
                return;
            }

            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Problem = $"{Path} is not an object of levels; predictions start afresh";
                return;
            }

            foreach (var level in document.RootElement.EnumerateObject())
            {
                if (Counts(level.Value) is not { } whole)
                {
                    continue;
                }

                var kinds = Kinds(level.Name);
                kinds[0] = whole;
                foreach (var way in Enum.GetValues<Way>())
                {
                    if (level.Value.TryGetProperty(WayVerdict.Name(way), out var w) && Counts(w) is { } counts)
                    {
                        kinds[Index(way)] = counts;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            levels.Clear();
            Problem = $"{Path} could not be read ({e.Message}); predictions start afresh";
        }
    }
}
