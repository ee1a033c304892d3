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
/// Every other key in the file is kept as it was. A file that is not a JSON object is reported, and moved
/// aside before a new one is written; it never stops the game.
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

    /// <summary>Why the file could not be read on the last <see cref="Load"/> or <see cref="Save"/>, else null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The settings in the file; empty ones when there is no file or it cannot be read.</summary>
    public GameSettings Load()
    {
        Problem = null;
        var root = ReadRoot();
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

        var tokens = new List<RoomToken>();
        if (FindKey(section, "RoomTokens") is JsonArray kept)
        {
            foreach (var node in kept)
            {
                if (node is JsonObject t && Text(FindKey(t, "room")) is { } room && Text(FindKey(t, "player")) is { } name && Text(FindKey(t, "token")) is { } token && PlayerToken.IsWellFormed(token))
                {
                    tokens.Add(new RoomToken(room, name, token));
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

    /// <summary>Writes the settings into the file atomically, keeping every other key.</summary>
    /// <exception cref="ContentException">The file could not be written.</exception>
    public void Save(GameSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Problem = null;
        var root = ReadRoot();
        if (root is null && Problem is not null)
        {
            MoveAside();
        }

        root ??= [];
        if (FindSection(root) is not JsonObject section)
        {
            RemoveKey(root, Section);
            section = [];
            root[Section] = section;
        }

        SetText(section, "Player", settings.Player);
        SetText(section, "RunsFolder", settings.RunsFolder);
        SetText(section, "Room", settings.Room);
        RemoveKey(section, "RoomTokens");
        if (settings.RoomTokens.Count > 0)
        {
            var tokens = new JsonArray();
            foreach (var t in settings.RoomTokens)
            {
                // The JsonNode overload: the generic Add<T> needs reflection, which the native binary does not have.
                tokens.Add((Node)new JsonObject { ["room"] = t.Room, ["player"] = t.Player, ["token"] = t.Token });
            }

            section["RoomTokens"] = tokens;
        }

        RemoveKey(section, "LastChoices");
        if (settings.LastChoices.Count > 0)
        {
            var choices = new JsonObject();
            foreach (var (id, c) in settings.LastChoices.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                choices[id] = new JsonObject
                {
                    ["alpha"] = Raw(c.Alpha),
                    ["beta0"] = Raw(c.Beta0),
                    ["beta1"] = Raw(c.Beta1),
                };
            }

            section["LastChoices"] = choices;
        }

        var text = root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        AtomicFile.Write(fileSystem, Path, Encoding.UTF8.GetBytes(text + "\n"));
    }

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
