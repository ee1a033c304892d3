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

        try
        {
            // JsonDocument needs the bytes to outlive it; a copy keeps the caller's buffer free.
            return JsonDocument.Parse(utf8.ToArray(), Options);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            errors.Add($"line {line}, column {column}", $"not valid JSON ({FirstSentence(e.Message)})");
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own position and path; the error's location already says where.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        var text = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return TextSafety.Escape(text);
    }
}
