using System.IO.Abstractions;
using System.Text;
using System.Text.Json.Nodes;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.TestSupport;

/// <summary>A levels root holding the <see cref="LevelJson"/> level, and a run recorded on it and saved.</summary>
public sealed class RunFixture : IDisposable
{
    public static readonly DateTimeOffset SavedAt = new(2026, 11, 26, 10, 15, 0, TimeSpan.Zero);

    /// <summary>α = 0.1 from (0, 0): the run pinned in the engine's determinism test; it reaches the valley.</summary>
    public static readonly Choice Choice = new(0.1, 0, 0);

    private readonly TempFolder temp = new();

    public RunFixture()
    {
        Root = temp.Combine("levels");
        LevelPath = WriteLevel(LevelJson.Text);
        Run = RunRecorder.Record(Library().Find("t-01")!, Choice, "ada", SavedAt);
        RunPath = temp.Write("runs/ada.run.json", RunFileWriter.ToBytes(Run));
    }

    public string Root { get; }

    public string LevelPath { get; }

    public RunFile Run { get; }

    public string RunPath { get; }

    public TempFolder Temp => temp;

    public LevelLibrary Library() => new(new FileSystem(), Root);

    public string WriteLevel(string text) => temp.Write("levels/pack/t.level.json", text);

    public string WriteLevel(JsonNode level) => WriteLevel(Encoding.UTF8.GetString(LevelJson.Bytes(level)));

    /// <summary>The saved run as a JSON tree to edit.</summary>
    public JsonObject RunJson() => JsonNode.Parse(File.ReadAllBytes(RunPath))!.AsObject();

    /// <summary>Writes an edited run next to the original and checks it as replay does.</summary>
    public Verification Check(JsonNode run)
    {
        var path = temp.Write($"runs/{Guid.NewGuid():N}.run.json", Encoding.UTF8.GetBytes(run.ToJsonString()));
        return Check(path);
    }

    public Verification Check(string path)
    {
        var library = Library();
        return new RunFileChecker(new FileSystem(), library.Find).Check(path);
    }

    public void Dispose() => temp.Dispose();
}
