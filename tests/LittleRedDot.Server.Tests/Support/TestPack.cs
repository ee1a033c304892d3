using System.IO.Abstractions;
using System.Text;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Engine;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>
/// A pack of two small levels in a temporary folder, and runs recorded on them by the engine itself
/// (RunRecorder): the runs a player's game would submit. Data (1, 2), (2, 3), (3, 5) as in the engine tests.
/// </summary>
public sealed class TestPack : IDisposable
{
    public static readonly DateTimeOffset SavedAt = new(2026, 11, 26, 10, 15, 0, TimeSpan.Zero);

    /// <summary>α = 0.1 from (0, 0) on t-01: the engine's pinned determinism run; it reaches the valley.</summary>
    public static readonly Choice Reaches = new(0.1, 0, 0);

    private const string Level = """
        {
          "id": "ID",
          "title": "Three points",
          "rulesVersion": 1,
          "cost": "mse",
          "data": { "points": [[1, 2], [2, 3], [3, 5]] },
          "beta0": BETA0,
          "beta1": { "min": -10, "max": 10 },
          "alpha": { "min": 0.001, "max": 0.2 },
          "budget": 50,
          "tolerance": 0.01,
          "par": 10
        }
        """;

    public TestPack()
    {
        Folder = Path.Combine(Path.GetTempPath(), "lrd-room-" + Guid.NewGuid().ToString("N"));
        var pack = Path.Combine(Folder, "levels", "room");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "t-01.level.json"), Level.Replace("ID", "t-01", StringComparison.Ordinal).Replace("BETA0", """{ "min": -10, "max": 10 }""", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(pack, "t-02.level.json"), Level.Replace("ID", "t-02", StringComparison.Ordinal).Replace("BETA0", """{ "fixed": 0 }""", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(pack, "pack.json"), """{ "title": "Room test pack" }""");
        var library = new LevelLibrary(new FileSystem(), Path.Combine(Folder, "levels"));
        Levels = new PackLevels(library.Catalog.FindPack("room")!, library.Loader);
    }

    public string Folder { get; }

    public PackLevels Levels { get; }

    /// <summary>A path for a file of the test's own under the temporary folder.</summary>
    public string PathFor(string name) => Path.Combine(Folder, name);

    /// <summary>A run recorded by the engine on <paramref name="levelId"/>.</summary>
    public RunFile Record(string player, string levelId = "t-01", Choice? choice = null, DateTimeOffset? savedAt = null) =>
        RunRecorder.Record(Levels.Find(levelId)!, choice ?? Reaches, player, savedAt ?? SavedAt);

    /// <summary>The run file's bytes, as the game saves and submits them.</summary>
    public byte[] Run(string player, string levelId = "t-01", Choice? choice = null, DateTimeOffset? savedAt = null) =>
        RunFileWriter.ToBytes(Record(player, levelId, choice, savedAt));

    /// <summary>A run file with one field changed after it was recorded, as a tamperer would.</summary>
    public static byte[] Edit(byte[] run, string from, string to)
    {
        var text = Encoding.UTF8.GetString(run);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection: the temporary folder is cleaned by the OS.
        }
    }
}
