using System.Text;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Import;

/// <summary>
/// Writes imported points as a CSV in the strict dialect of RULES.md §6 — ',' separator, '.' decimal mark,
/// UTF-8 without a byte-order mark, a header row — holding only the x and y columns and the columns a
/// where filter names, one row per kept point in the source's order. Numbers are written in round-trip
/// form, so the level reads back exactly the doubles the importer read.
/// </summary>
public static class NormalisedCsv
{
    public static byte[] ToBytes(ImportedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        var extra = table.Where.Keys.Where(k => k != table.XName && k != table.YName).ToArray();
        text.AppendJoin(',', new[] { table.XName, table.YName }.Concat(extra).Select(Field)).Append('\n');
        var fixedTexts = string.Concat(extra.Select(k => "," + Field(table.Where[k])));
        for (var i = 0; i < table.X.Length; i++)
        {
            text.Append(DoubleText.RoundTrip(table.X[i])).Append(',').Append(DoubleText.RoundTrip(table.Y[i])).Append(fixedTexts).Append('\n');
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>A field quoted when it holds ',', '"' or a line end (RFC 4180), else as it is.</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
