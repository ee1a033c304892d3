using System.Text.Json;

namespace LittleRedDot.Content;

/// <summary>Parses JSON as RULES.md wants it read: UTF-8 with an optional BOM, no comments or trailing commas.</summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>The document, or null with the syntax error (line and column) added to <paramref name="errors"/>.</summary>
    public static JsonDocument? Parse(ReadOnlySpan<byte> utf8, ErrorSink errors)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(string.Empty, "the file is empty; expected a JSON object");
            return null;
        }

        // JsonDocument does not check the bytes inside strings; reading such a string later throws. Refuse here.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            var (badLine, badColumn) = FirstInvalidByte(utf8);
            errors.Add($"line {badLine}, column {badColumn}", "not valid UTF-8 text; expected a JSON file saved as UTF-8");
            return null;
        }

        try
        {
            // JsonDocument needs the bytes to outlive it; a copy keeps the caller's buffer free.
            var document = JsonDocument.Parse(utf8.ToArray(), Options);

            // A \u escape may name half of a surrogate pair, which no string can hold: reading it later throws.
            // Only a file with a backslash can have one, so the walk is skipped for plain files.
            if (utf8.Contains((byte)'\\') && FirstBrokenString(document.RootElement, "$") is { } path)
            {
                document.Dispose();
                errors.Add(path, "not valid text: a \\u escape names half of a surrogate pair (a lone surrogate)");
                return null;
            }

            return document;
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            errors.Add($"line {line}, column {column}", $"not valid JSON ({FirstSentence(e.Message)})");
            return null;
        }
    }

    /// <summary>The JSON path of the first string or key that cannot be read as text, or null.</summary>
    private static string? FirstBrokenString(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    element.GetString();
                    return null;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FirstBrokenString(item, $"{path}[{i++}]") is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = property.Name;
                        if (FirstBrokenString(property.Value, JsonNode.ChildPath(path, name)) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }

    /// <summary>The line and byte column (both from 1) of the first byte that is not valid UTF-8.</summary>
    private static (int Line, int Column) FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var valid = 0;
        while (System.Text.Rune.DecodeFromUtf8(utf8[valid..], out _, out var used) == System.Buffers.OperationStatus.Done)
        {
            valid += used;
        }

        var before = utf8[..valid];
        var line = before.Count((byte)'\n') + 1;
        var column = valid - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (line, column);
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own 0-based "LineNumber: 34 | BytePositionInLine: 15" and a Path; the
        // error's location already says "line 35, column 16", so both are cut to keep one, 1-based, place.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        text = (position > 0 ? text[..position] : text).TrimEnd('.', ' ');
        return text;
    }
}
