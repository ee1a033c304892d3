using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LittleRedDot.Content.Tests.TestSupport;

namespace LittleRedDot.Content.Tests.LevelFiles;

/// <summary>
/// Inline points are read in one streaming pass ahead of the document (issue 14, kind 4: ten million points took 1.56 GB
/// through a JsonDocument). They must read exactly as the document reads them, and every error the document reports
/// after them must keep its line and column.
/// </summary>
public sealed class InlinePointsTests
{
    private const string File = "/levels/pack/t.level.json";

    [Fact]
    public void Points_read_ahead_are_the_doubles_an_independent_json_reader_gives_for_the_same_text()
    {
        // A fixed seed, for a failure that can be replayed; numbers in every form JSON allows (exponents, -0, long digits).
        var random = new Random(14);
        string[] forms = ["R", "E3", "G17", "F0", "E17"];
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            var x = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            var y = i == 7 ? -0.0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
            text.Append(i == 0 ? "\n  [" : ",\n  [").Append(x.ToString(forms[i % forms.Length], CultureInfo.InvariantCulture)).Append(", ")
                .Append(y.ToString(forms[(i + 1) % forms.Length], CultureInfo.InvariantCulture)).Append(']');
        }

        var level = LevelJson.Valid();
        level["data"] = new JsonObject { ["points"] = JsonNode.Parse("[" + text + "]") };
        var bytes = LevelJson.Bytes(level);

        var spec = LevelReader.Read(bytes, File);

        // Oracle: System.Text.Json's JsonDocument over the untouched bytes.
        using var document = JsonDocument.Parse(bytes);
        var expected = document.RootElement.GetProperty("data").GetProperty("points").EnumerateArray()
            .Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        Assert.Equal(expected.Count, spec.Data.Points!.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Item1), BitConverter.DoubleToInt64Bits(spec.Data.Points[i].Item1));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Item2), BitConverter.DoubleToInt64Bits(spec.Data.Points[i].Item2));
        }
    }

    [Fact]
    public void A_syntax_error_after_many_lines_of_points_is_reported_at_its_own_line_and_column()
    {
        var points = string.Join(",\n", Enumerable.Range(1, 50).Select(i => $"    [{i}, {i * 2}]"));
        var text = LevelJson.Text.Replace("\"points\": [[1, 2], [2, 3], [3, 5]]", "\"points\": [\n" + points + "\n  ]", StringComparison.Ordinal)
            .Replace("\"par\": 10", "\"par\": 10,,", StringComparison.Ordinal);
        Assert.Contains("    [50, 100]", text, StringComparison.Ordinal); // the points were put in

        var e = Assert.Throws<ContentException>(() => LevelReader.Read(Encoding.UTF8.GetBytes(text), File));

        // Oracle: the place of the second comma in the text itself, lines and columns counted from 1.
        var at = text.IndexOf(",,", StringComparison.Ordinal) + 1;
        var line = text[..at].Count(c => c == '\n') + 1;
        var column = at - text.LastIndexOf('\n', at - 1);
        Assert.Equal($"line {line}, column {column}", Assert.Single(e.Errors).Location);
    }

    [Fact]
    public void A_bad_point_among_many_is_still_named_by_its_index()
    {
        var level = LevelJson.Valid();
        level["data"] = new JsonObject { ["points"] = JsonNode.Parse("[[1, 2], [2, 3], [3, \"five\"], [4, 4]]") };

        var e = Assert.Throws<ContentException>(() => LevelReader.Read(LevelJson.Bytes(level), File));

        Assert.Contains(e.Errors, error => error.Location.StartsWith("$.data.points[2]", StringComparison.Ordinal));
    }
}
