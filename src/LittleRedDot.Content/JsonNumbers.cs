using System.Text.Json;

namespace LittleRedDot.Content;

/// <summary>
/// Writes doubles into JSON so that they read back to the same double, and the non-finite ones as the
/// strings "NaN", "Infinity", "-Infinity" (RULES.md §7) — for every JSON this program writes.
/// </summary>
public static class JsonNumbers
{
    public static void Write(Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    public static void WriteValue(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteStringValue("Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteStringValue("-Infinity");
        }
        else
        {
            // Shortest round-trip text: reads back to the same bits (−0 included).
            writer.WriteRawValue(Engine.DoubleText.RoundTrip(value), skipInputValidation: true);
        }
    }

    /// <summary>Indented UTF-8 JSON, escaping only what JSON requires (names stay readable).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// JSON written with <see cref="WriterOptions"/>, made safe to print: the relaxed encoder escapes control characters
    /// but passes format characters (Cf — bidirectional overrides such as U+202E) through raw. Outside strings JSON is
    /// ASCII, so each is written as its \u escape: the same values, and nothing from a file reorders the terminal (§8).
    /// </summary>
    public static string TerminalText(ReadOnlySpan<byte> utf8Json)
    {
        var text = System.Text.Encoding.UTF8.GetString(utf8Json);
        if (!text.EnumerateRunes().Any(IsFormat))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 16);
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsFormat(rune))
            {
                var count = rune.EncodeToUtf16(units);
                for (var i = 0; i < count; i++)
                {
                    sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)units[i]:X4}");
                }
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>Cf only: control characters inside strings are the encoder's, and outside them JSON's own line ends are wanted.</summary>
    private static bool IsFormat(System.Text.Rune rune) => System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format;
}
