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
}
