using System.Text;
using System.Text.Json;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>Writes a level file (RULES.md §6) for a generated level; numbers round-trip, points stay one per line.</summary>
public static class LevelFileWriter
{
    public static byte[] ToBytes(NewLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var rules = level.Draft.Rules;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonNumbers.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", level.Id);
            w.WriteString("title", level.Title);
            w.WriteString("story", level.Story);
            w.WriteStartArray("hints");
            foreach (var hint in level.Hints)
            {
                w.WriteStringValue(hint);
            }

            w.WriteEndArray();
            if (level.Credits is not null)
            {
                w.WriteString("credits", level.Credits);
            }

            w.WriteNumber("rulesVersion", RulesVersion.Current);
            w.WriteString("cost", CostNames.Name(rules.Cost));
            w.WriteStartObject("data");
            var source = level.Data;
            if (source.Points is { } points)
            {
                // One [x, y] per line: readable, and diffs well.
                var text = new StringBuilder("[");
                for (var i = 0; i < points.Count; i++)
                {
                    text.Append(i == 0 ? "\n      [" : ",\n      [").Append(DoubleText.RoundTrip(points[i].X)).Append(", ").Append(DoubleText.RoundTrip(points[i].Y)).Append(']');
                }

                w.WritePropertyName("points");
                w.WriteRawValue(text.Append("\n    ]").ToString(), skipInputValidation: false);
            }
            else
            {
                w.WriteString("csv", source.Csv);
                w.WriteString("x", source.XColumn);
                w.WriteString("y", source.YColumn);
                if (source.Where.Count > 0)
                {
                    w.WriteStartObject("where");
                    foreach (var (column, value) in source.Where)
                    {
                        w.WriteString(column, value);
                    }

                    w.WriteEndObject();
                }
            }

            WriteTransform(w, "xShift", level.Draft.XShift, 0);
            WriteTransform(w, "xScale", level.Draft.XScale, 1);
            WriteTransform(w, "yShift", level.Draft.YShift, 0);
            WriteTransform(w, "yScale", level.Draft.YScale, 1);
            w.WriteEndObject();
            WriteParameter(w, "beta0", rules.Beta0);
            WriteParameter(w, "beta1", rules.Beta1);
            w.WriteStartObject("alpha");
            JsonNumbers.Write(w, "min", rules.AlphaMin);
            JsonNumbers.Write(w, "max", rules.AlphaMax);
            w.WriteEndObject();
            w.WriteNumber("budget", rules.Budget);
            JsonNumbers.Write(w, "tolerance", rules.Tolerance);
            w.WriteNumber("par", rules.Par);
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteTransform(Utf8JsonWriter w, string name, double value, double identity)
    {
        if (value != identity)
        {
            JsonNumbers.Write(w, name, value);
        }
    }

    private static void WriteParameter(Utf8JsonWriter w, string name, ParameterRule rule)
    {
        w.WriteStartObject(name);
        if (rule.IsFixed)
        {
            JsonNumbers.Write(w, "fixed", rule.Value);
        }
        else
        {
            JsonNumbers.Write(w, "min", rule.Min);
            JsonNumbers.Write(w, "max", rule.Max);
        }

        w.WriteEndObject();
    }
}
