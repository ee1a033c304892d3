using System.Globalization;
using System.IO.Abstractions;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LittleRedDot.Content.Rooms;
using LittleRedDot.Engine;
using Node = System.Text.Json.Nodes.JsonNode;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// Reads and writes the game's part of the settings file (a JSON object that the program also reads as
/// configuration): "LittleRedDot": { "Player", "RunsFolder", "Room", "RoomTokens": [ { room, player, token } ],
/// "LastChoices": { id: { alpha, beta0, beta1 } } }.
/// Every change is a read-modify-write of only the keys it changes, under a lock (<see cref="Update"/>); every
/// other key in the file is kept as it was. A file that is not a JSON object is reported, and moved aside before
/// a new one is written; it never stops the game.
/// </summary>
public sealed class SettingsStore(IFileSystem fileSystem, string path, TimeProvider time)
{
    private const string Section = "LittleRedDot";

    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public string Path { get; } = path;

    /// <summary>Why the file could not be read on the last <see cref="Load"/> or <see cref="Update"/>, else null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The settings in the file; empty ones when there is no file or it cannot be read.</summary>
    public GameSettings Load()
    {
        Problem = null;
        return Parse(ReadRoot());
    }

    /// <summary>
    /// Changes the settings in the file: under an exclusive lock (<see cref="FileLock"/>), reads the file as it is now,
    /// applies <paramref name="change"/> to what it holds, and writes back only the keys whose value changed — a player
    /// name, a room's token, one level's last choice — atomically, every other key as it was. Two processes (the game
    /// and `run --submit`) never lose each other's writes: neither writes a copy it read earlier. A broken file is moved
    /// aside first (<see cref="Problem"/> says so).
    /// </summary>
    /// <returns>The settings as now written.</returns>
    /// <exception cref="ContentException">The file could not be locked or written; it is unchanged.</exception>
    public GameSettings Update(Func<GameSettings, GameSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var held = FileLock.Take(fileSystem, Path);
        Problem = null;
        var root = ReadRoot();
        if (root is null && Problem is not null)
        {
            MoveAside();
        }

        root ??= [];
        var before = Parse(root);
        var after = change(before);
        if (FindSection(root) is not JsonObject section)
        {
            RemoveKey(root, Section);
            section = [];
            root[Section] = section;
        }

        if (before.Player != after.Player)
        {
            SetText(section, "Player", after.Player);
        }

        if (before.RunsFolder != after.RunsFolder)
        {
            SetText(section, "RunsFolder", after.RunsFolder);
        }

        if (before.Room != after.Room)
        {
            SetText(section, "Room", after.Room);
        }

        WriteTokens(section, before.RoomTokens, after.RoomTokens);
        WriteChoices(section, before.LastChoices, after.LastChoices);
        var text = root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        AtomicFile.Write(fileSystem, Path, Encoding.UTF8.GetBytes(text + "\n"));
        return after;
    }

    private static GameSettings Parse(JsonObject? root)
    {
        if (root is null || FindSection(root) is not JsonObject section)
        {
            return new GameSettings();
        }

        var choices = new Dictionary<string, Choice>(StringComparer.Ordinal);
        if (FindKey(section, "LastChoices") is JsonObject saved)
        {
            foreach (var (id, node) in saved)
            {
                if (node is JsonObject c && Number(c, "alpha") is { } a && Number(c, "beta0") is { } b0 && Number(c, "beta1") is { } b1)
                {
                    choices[id] = new Choice(a, b0, b1);
                }
            }
        }

        // A token of another shape was never a room's (kept by an older client, or edited): it is not read, so never sent.
        var tokens = new List<RoomToken>();
        if (FindKey(section, "RoomTokens") is JsonArray kept)
        {
            foreach (var node in kept)
            {
                if (Token(node) is { } token && PlayerToken.IsWellFormed(token.Token))
                {
                    tokens.Add(token);
                }
            }
        }

        return new GameSettings
        {
            Player = Text(FindKey(section, "Player")),
            RunsFolder = Text(FindKey(section, "RunsFolder")),
            Room = Text(FindKey(section, "Room")),
            RoomTokens = tokens,
            LastChoices = choices,
        };
    }

    private static RoomToken? Token(Node? node) =>
        node is JsonObject t && Text(FindKey(t, "room")) is { } room && Text(FindKey(t, "player")) is { } name && Text(FindKey(t, "token")) is { } token
            ? new RoomToken(room, name, token)
            : null;

    /// <summary>Writes the tokens that changed: entries of the same room and player are replaced, tokens dropped are removed, the rest stay as written.</summary>
    private static void WriteTokens(JsonObject section, IReadOnlyList<RoomToken> before, IReadOnlyList<RoomToken> after)
    {
        var added = after.Except(before).ToArray();
        var touched = added.Concat(before.Except(after)).Select(t => (t.Room, t.Player)).ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        if (FindKey(section, "RoomTokens") is not JsonArray tokens)
        {
            RemoveKey(section, "RoomTokens");
            tokens = [];
            section["RoomTokens"] = tokens;
        }

        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (Token(tokens[i]) is { } t && touched.Contains((t.Room, t.Player)))
            {
                tokens.RemoveAt(i);
            }
        }

        foreach (var t in added)
        {
            // The JsonNode overload: the generic Add<T> needs reflection, which the native binary does not have.
            tokens.Add((Node)new JsonObject { ["room"] = t.Room, ["player"] = t.Player, ["token"] = t.Token });
        }

        if (tokens.Count == 0)
        {
            RemoveKey(section, "RoomTokens");
        }
    }

    /// <summary>Writes the last choices that changed (compared bit for bit), level by level.</summary>
    private static void WriteChoices(JsonObject section, IReadOnlyDictionary<string, Choice> before, IReadOnlyDictionary<string, Choice> after)
    {
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var old) || !SameBits(old, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var dropped = before.Keys.Where(id => !after.ContainsKey(id)).ToArray();
        if (changed.Length == 0 && dropped.Length == 0)
        {
            return;
        }

        if (FindKey(section, "LastChoices") is not JsonObject choices)
        {
            RemoveKey(section, "LastChoices");
            choices = [];
            section["LastChoices"] = choices;
        }

        foreach (var id in dropped)
        {
            choices.Remove(id);
        }

        foreach (var (id, c) in changed)
        {
            choices[id] = new JsonObject
            {
                ["alpha"] = Raw(c.Alpha),
                ["beta0"] = Raw(c.Beta0),
                ["beta1"] = Raw(c.Beta1),
            };
        }
    }

    private static bool SameBits(Choice a, Choice b) =>
        BitConverter.DoubleToInt64Bits(a.Alpha) == BitConverter.DoubleToInt64Bits(b.Alpha)
        && BitConverter.DoubleToInt64Bits(a.Beta0) == BitConverter.DoubleToInt64Bits(b.Beta0)
        && BitConverter.DoubleToInt64Bits(a.Beta1) == BitConverter.DoubleToInt64Bits(b.Beta1);

    /// <summary>The most a settings file may hold: a player name, a folder and a few hundred last choices fit in far less.</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>
    /// The file as configuration pairs — keys joined with ':' and compared without case, as Microsoft.Extensions.Configuration
    /// reads JSON — or none, with <see cref="Problem"/> saying why, when the file is broken. The one reader of the settings
    /// file: the program adds these pairs to its configuration, so configuration and game agree on every file, and a
    /// broken one is reported and ignored, never fatal (issue 14, kind 5).
    /// </summary>
    public IReadOnlyDictionary<string, string?> ConfigurationPairs()
    {
        Problem = null;
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (ReadRoot() is { } root)
        {
            Flatten(root, null, pairs);
        }

        return pairs;
    }

    private JsonObject? ReadRoot()
    {
        byte[]? bytes;
        try
        {
            if (!fileSystem.File.Exists(Path))
            {
                return null;
            }

            bytes = BoundedFile.Read(fileSystem, Path, MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = $"the settings file {Path} cannot be read ({e.Message})";
            return null;
        }

        if (bytes is null)
        {
            Problem = $"the settings file {Path} holds more than {MaxBytes:N0} bytes";
            return null;
        }

        try
        {
            if (Node.Parse(bytes, documentOptions: ReadOptions) is JsonObject root)
            {
                // JsonObject reads its keys lazily: a key given twice throws on first use. Read them all now, and
                // refuse keys that differ only in case, which configuration (case-insensitive) takes for one key.
                var duplicate = Flatten(root, null, new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase));
                if (duplicate is null)
                {
                    return root;
                }

                Problem = $"the settings file {Path} gives the key \"{duplicate}\" twice (keys differ only in case, or repeat)";
                return null;
            }

            Problem = $"the settings file {Path} is not a JSON object";
        }
        catch (JsonException e)
        {
            Problem = $"the settings file {Path} is not valid JSON ({e.Message})";
        }
        catch (ArgumentException e)
        {
            Problem = $"the settings file {Path} gives a key twice ({e.Message})";
        }

        return null;
    }

    /// <summary>Adds the leaves under <paramref name="node"/> as configuration pairs; returns the first key met twice, else null.</summary>
    private static string? Flatten(Node? node, string? prefix, Dictionary<string, string?> pairs)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (Flatten(child, prefix is null ? key : $"{prefix}:{key}", pairs) is { } duplicate)
                    {
                        return duplicate;
                    }
                }

                return null;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (Flatten(a[i], $"{prefix}:{i.ToString(CultureInfo.InvariantCulture)}", pairs) is { } duplicate)
                    {
                        return duplicate;
                    }
                }

                return null;
            default:
                var name = prefix ?? string.Empty;
                if (!pairs.TryAdd(name, node is JsonValue v ? (v.TryGetValue<string>(out var text) ? text : v.ToJsonString()) : null))
                {
                    return name;
                }

                return null;
        }
    }

    private void MoveAside()
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{Path}.broken-{stamp}";
        try
        {
            fileSystem.File.Move(Path, target, overwrite: true);
            Problem += $"; it was moved aside to {target}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem += $"; it could not be moved aside ({e.Message})";
        }
    }

    /// <summary>Configuration keys are case-insensitive; so is this lookup.</summary>
    private static Node? FindKey(JsonObject o, string key)
    {
        foreach (var (name, node) in o)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return node;
            }
        }

        return null;
    }

    private static Node? FindSection(JsonObject root) => FindKey(root, Section);

    private static void RemoveKey(JsonObject o, string key)
    {
        foreach (var name in o.Select(p => p.Key).Where(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            o.Remove(name);
        }
    }

    private static void SetText(JsonObject o, string key, string? value)
    {
        RemoveKey(o, key);
        if (!string.IsNullOrEmpty(value))
        {
            o[key] = value;
        }
    }

    private static string? Text(Node? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static double? Number(JsonObject o, string key) =>
        FindKey(o, key) is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>A double written so that it reads back to the same bits (RULES.md §7's rule for every JSON output).</summary>
    private static Node Raw(double value) => Node.Parse(DoubleText.RoundTrip(value))!;
}
