using System.Buffers.Text;
using System.Text;
using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Progress;

/// <summary>
/// Issue 14, round two: two writers of one settings file (the open game and `run --submit`, or two `run --submit`)
/// never lose each other's changes. Every write is a read-modify-write of the keys it changes, under a lock.
/// </summary>
public sealed class SettingsWritersTests : IDisposable
{
    private const string Room = "http://10.0.0.5:5055";
    private readonly ProgressFixture f = new();

    public void Dispose() => f.Dispose();

    private string SettingsPath => Path.Combine(f.Root, "config", "settings.json");

    private SettingsStore NewStore() => new(f.FileSystem, SettingsPath, f.Time);

    /// <summary>A token of a room's shape, one per player (base64url of the name's first 24 UTF-8 bytes, zero-padded).</summary>
    private static string TokenOf(string player)
    {
        var bytes = new byte[24];
        Encoding.UTF8.GetBytes(player).AsSpan(0, Math.Min(24, Encoding.UTF8.GetByteCount(player))).CopyTo(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    [Fact]
    public void A_writer_that_loaded_early_keeps_what_another_wrote_since()
    {
        // The game loads its settings at start; `run --submit` then keeps a token; the game then remembers a choice.
        var game = NewStore();
        game.Update(s => s with { Player = "ada" });
        var submit = NewStore();
        submit.Update(s => s.WithRoomToken(Room, "ada", TokenOf("ada")));

        game.Update(s => s.WithLastChoice("p-01", new Choice(0.1, 0, -4)));

        var now = NewStore().Load();
        Assert.Equal(TokenOf("ada"), now.RoomTokenFor(Room, "ada"));
        Assert.Equal("ada", now.Player);
        Assert.Equal(new Choice(0.1, 0, -4), now.LastChoices["p-01"]);
    }

    [Fact]
    public void Only_the_changed_keys_are_written_and_entries_the_reader_skips_stay()
    {
        // An entry this version cannot read (a token of another shape, a choice without beta1) is not its to drop.
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, $$"""
            { "LittleRedDot": {
                "Player": "bob",
                "RoomTokens": [ { "room": "{{Room}}", "player": "eve", "token": "old-shape" }, 7 ],
                "LastChoices": { "x-01": { "alpha": 0.1 } } } }
            """);

        NewStore().Update(s => s.WithRoomToken(Room, "ada", TokenOf("ada")));

        var text = File.ReadAllText(SettingsPath);
        Assert.Contains("\"old-shape\"", text, StringComparison.Ordinal);
        Assert.Contains("\"x-01\"", text, StringComparison.Ordinal);
        Assert.Contains(TokenOf("ada"), text, StringComparison.Ordinal);
        Assert.Equal("bob", NewStore().Load().Player);
    }

    [Fact]
    public async Task Two_writers_at_once_lose_nothing()
    {
        // Oracle: 2 writers × 40 tokens, each under its own player name: all 80 must be in the file at the end. Without
        // the lock a read-modify-write interleaves and drops the other's token (found losing some in every run).
        const int each = 40;
        var start = new Barrier(2);
        Task Writer(string prefix) => Task.Run(() =>
        {
            var store = NewStore();
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            for (var i = 0; i < each; i++)
            {
                var player = $"{prefix}{i}";
                store.Update(s => s.WithRoomToken(Room, player, TokenOf(player)).WithLastChoice(player, new Choice(i + 1, 0, 0)));
            }
        });

        // 2 × 40 small writes take well under a second; 120 s bounds a broken test.
        await Task.WhenAll(Writer("a"), Writer("b")).WaitAsync(TimeSpan.FromSeconds(120));

        var settings = NewStore().Load();
        Assert.Equal(2 * each, settings.RoomTokens.Count);
        Assert.Equal(2 * each, settings.LastChoices.Count);
        Assert.All(settings.RoomTokens, t => Assert.Equal(TokenOf(t.Player), t.Token));
    }

    [Fact]
    public async Task A_lock_held_by_another_writer_is_waited_for()
    {
        var held = FileLock.Take(f.FileSystem, SettingsPath);
        var writing = Task.Run(() => NewStore().Update(s => s with { Player = "ada" }));

        var first = await Task.WhenAny(writing, Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.NotSame(writing, first); // the write waits while another holds the lock
        held.Dispose();
        await writing.WaitAsync(TimeSpan.FromSeconds(30)); // released, the write goes through
        Assert.Equal("ada", NewStore().Load().Player);
    }

    [Fact]
    public void A_lock_file_that_is_a_folder_refuses_the_write_in_words_and_leaves_the_file()
    {
        Directory.CreateDirectory(SettingsPath + ".lock");

        var error = Assert.Throws<ContentException>(() => NewStore().Update(s => s with { Player = "ada" }));

        Assert.Contains("settings.json.lock", error.Errors[0].File, StringComparison.Ordinal);
        Assert.Contains("is a folder, not a file", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(File.Exists(SettingsPath));
    }

    [Fact]
    public void A_config_folder_that_is_a_file_refuses_the_write_at_once_not_after_waiting_for_a_lock()
    {
        File.WriteAllText(Path.Combine(f.Root, "config"), "a file where the config folder should be");

        var error = Assert.Throws<ContentException>(() => NewStore().Update(s => s with { Player = "ada" }));

        // The message of the immediate path; the waiting path says "stayed held by another writer".
        Assert.Contains("cannot be created", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stayed held", error.Errors[0].Message, StringComparison.Ordinal);
    }
}
