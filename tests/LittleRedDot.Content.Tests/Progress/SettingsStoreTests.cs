using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Progress;

public sealed class SettingsStoreTests : IDisposable
{
    private readonly ProgressFixture f = new();

    public void Dispose() => f.Dispose();

    /// <summary>A token of the shape a room makes (base64url of 24 bytes).</summary>
    private const string Token = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYX";

    private string SettingsPath => Path.Combine(f.Root, "config", "settings.json");

    [Fact]
    public void Settings_round_trip_and_other_keys_are_kept()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, """{ "Logging": { "Level": "Debug" }, "littlereddot": { "Levels": "/srv/levels", "player": "old" } }""");
        var store = new SettingsStore(f.FileSystem, SettingsPath, f.Time);

        // 0.1 + 0.2 is not 0.3: the exact double must come back (RULES.md §7's rule for numbers in JSON).
        var choice = new Choice(0.1 + 0.2, -0.0, 1e-300);
        store.Update(s => (s with { Player = "ada", RunsFolder = "/share/runs", Room = "http://10.0.0.5:5055" }).WithLastChoice("p-01", choice).WithRoomToken("http://10.0.0.5:5055", "ada", Token));

        var loaded = new SettingsStore(f.FileSystem, SettingsPath, f.Time).Load();
        Assert.Equal("ada", loaded.Player);
        Assert.Equal("/share/runs", loaded.RunsFolder);
        Assert.Equal("http://10.0.0.5:5055", loaded.Room);
        Assert.Equal([new RoomToken("http://10.0.0.5:5055", "ada", Token)], loaded.RoomTokens);
        var back = loaded.LastChoices["p-01"];
        Assert.Equal(BitConverter.DoubleToInt64Bits(choice.Alpha), BitConverter.DoubleToInt64Bits(back.Alpha));
        Assert.Equal(choice.Beta1, back.Beta1);
        var text = File.ReadAllText(SettingsPath);
        Assert.Contains("\"Level\": \"Debug\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Levels\": \"/srv/levels\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"old\"", text, StringComparison.Ordinal); // the case-insensitive key was replaced, not doubled
    }

    [Fact]
    public void A_broken_settings_file_is_reported_and_moved_aside_before_a_new_one_is_written()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, "[1, 2");
        var store = new SettingsStore(f.FileSystem, SettingsPath, f.Time);
        Assert.Null(store.Load().Player);
        Assert.Contains("not valid JSON", store.Problem, StringComparison.Ordinal);

        store.Update(s => s with { Player = "ada" });
        Assert.Contains("moved aside", store.Problem, StringComparison.Ordinal);
        Assert.Equal("[1, 2", File.ReadAllText(SettingsPath + ".broken-20261126T101500Z"));
        Assert.Equal("ada", new SettingsStore(f.FileSystem, SettingsPath, f.Time).Load().Player);
    }
}
