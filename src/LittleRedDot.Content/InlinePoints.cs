using System.Text.Json;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Reads a level file's inline points (<c>$.data.points</c>, RULES.md §6) in one streaming pass, before the file is
/// parsed as a document, and blanks them in a copy of the bytes (newlines kept, so every line and column the document
/// reports stays true): a JsonDocument costs about 48 bytes a point and its growth doubles that, which made ten million
/// points take 1.56 GB (0.98 GB read ahead; issue 14, kind 4). Only the plain case is taken — an array of at most
/// <see cref="DataSet.MaxPoints"/> pairs of finite numbers; anything else is left whole to the document, whose reader
/// says what is wrong and where.
/// </summary>
internal static class InlinePoints
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>The points and the bytes with them blanked; null when the file has no plain inline points to take.</summary>
    public static (List<(double X, double Y)> Points, byte[] Blanked)? Lift(ReadOnlySpan<byte> utf8)
    {
        var body = utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        try
        {
            var reader = new Utf8JsonReader(body, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !Into(ref reader, "data", 1) || !Into(ref reader, "points", 2))
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var start = (int)reader.TokenStartIndex;
            var points = new List<(double, double)>();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                if (points.Count == DataSet.MaxPoints || !Number(ref reader, out var x) || !Number(ref reader, out var y)
                    || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                {
                    return null;
                }

                points.Add((x, y));
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return null;
            }

            var blanked = utf8.ToArray();
            var offset = utf8.Length - body.Length;
            var inside = blanked.AsSpan(offset + start + 1, (int)reader.TokenStartIndex - start - 1);
            for (var i = 0; i < inside.Length; i++)
            {
                if (inside[i] is not ((byte)'\n' or (byte)'\r'))
                {
                    inside[i] = (byte)' ';
                }
            }

            return (points, blanked);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a name with a \u escape of half a surrogate pair (which the fuzz tests found): the document's
            // reader reports it, with its place.
            return null;
        }
    }

    /// <summary>Moves to the value of the first property <paramref name="name"/> of the object just entered (at <paramref name="depth"/>).</summary>
    private static bool Into(ref Utf8JsonReader reader, string name, int depth)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth)
        {
            var wanted = reader.ValueTextEquals(name);
            if (!reader.Read())
            {
                return false;
            }

            if (wanted)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool Number(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) && double.IsFinite(value);
    }
}
