using System.IO.Abstractions;
using System.Text.Json;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// How often a player's predictions held, per level (issue 11, "predict first"): predictions.json in the player's
/// progress folder, { "level-id": { "right": n, "made": m } } with 0 ≤ n ≤ m, written atomically. A file that cannot be
/// read or does not have that form counts as no predictions yet (and <see cref="Problem"/> says so); the next prediction
/// replaces it. Entries of another form are skipped, the others kept.
/// </summary>
public sealed class PredictionTally
{
    /// <summary>The tally's file name inside the player's progress folder.</summary>
    public const string FileName = "predictions.json";

    /// <summary>A larger file is not read: a tally of every level fits in far less.</summary>
    private const long MaxBytes = 1 << 20;

    private readonly IFileSystem fileSystem;
    private readonly Dictionary<string, (int Right, int Made)> levels = new(StringComparer.Ordinal);

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

    /// <summary>Predictions that held and predictions made on a level: (0, 0) before the first.</summary>
    public (int Right, int Made) For(string levelId) => levels.TryGetValue(levelId, out var t) ? t : (0, 0);

    /// <summary>Counts one prediction on a level and writes the tally.</summary>
    /// <exception cref="ContentException">The file could not be written; the count is kept in memory.</exception>
    public void Add(string levelId, bool held)
    {
        ArgumentNullException.ThrowIfNull(levelId);
        var (right, made) = For(levelId);
        levels[levelId] = (right + (held ? 1 : 0), made + 1);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (id, (r, m)) in levels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(id);
                json.WriteNumber("right", r);
                json.WriteNumber("made", m);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        AtomicFile.Write(fileSystem, Path, buffer.ToArray());
    }

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
                if (level.Value.ValueKind == JsonValueKind.Object
                    && level.Value.TryGetProperty("right", out var r) && r.TryGetInt32(out var right)
                    && level.Value.TryGetProperty("made", out var m) && m.TryGetInt32(out var made)
                    && right >= 0 && right <= made)
                {
                    levels[level.Name] = (right, made);
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
