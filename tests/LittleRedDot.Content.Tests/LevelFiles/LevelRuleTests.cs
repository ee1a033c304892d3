using System.IO.Abstractions;
using System.Text;
using System.Text.Json.Nodes;
using LittleRedDot.Content.Tests.TestSupport;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.LevelFiles;

/// <summary>
/// Every rule of RULES.md §6 broken once: the error names the file, the JSON path (or line and column for
/// JSON that does not parse) and what was expected. Oracle: the rule's text.
/// </summary>
public sealed class LevelRuleTests
{
    private const string File = "/levels/pack/t.level.json";

    public static TheoryData<string, Action<JsonObject>, string, string> BrokenRules => new()
    {
        { "unknown key", l => l["colour"] = "red", "$.colour", "unknown key \"colour\"" },
        { "unknown nested key", l => l["alpha"]!["step"] = 1, "$.alpha.step", "unknown key \"step\"" },
        { "1e400", l => l["tolerance"] = JsonNode.Parse("1e400"), "$.tolerance", "does not fit in a double" },
        { "-1e400 in a point", l => l["data"]!["points"]![0]![1] = JsonNode.Parse("-1e400"), "$.data.points[0][1]", "does not fit in a double" },
        { "50.0 for the budget", l => l["budget"] = JsonNode.Parse("50.0"), "$.budget", "without a fraction" },
        { "5e1 for par", l => l["par"] = JsonNode.Parse("5e1"), "$.par", "without a fraction" },
        { "both fixed", l => { l["beta0"] = new JsonObject { ["fixed"] = 0 }; l["beta1"] = new JsonObject { ["fixed"] = 1 }; }, "$.beta1", "at least one must be free" },
        { "fixed and a range at once", l => l["beta0"] = new JsonObject { ["fixed"] = 0, ["min"] = 1 }, "$.beta0", "either fixed or a range" },
        { "min > max", l => l["beta0"] = new JsonObject { ["min"] = 5, ["max"] = -5 }, "$.beta0.max", "max ≥ min" },
        { "α min > max", l => l["alpha"] = new JsonObject { ["min"] = 0.5, ["max"] = 0.1 }, "$.alpha.max", "α max ≥ min" },
        { "α min = 0", l => l["alpha"]!["min"] = 0, "$.alpha.min", "α min > 0" },
        { "α min < 0", l => l["alpha"]!["min"] = -0.1, "$.alpha.min", "α min > 0" },
        { "τ = 0", l => l["tolerance"] = 0, "$.tolerance", "τ > 0" },
        { "τ < 0", l => l["tolerance"] = -1, "$.tolerance", "τ > 0" },
        { "budget 0", l => l["budget"] = 0, "$.budget", "from 1 to 1000000" },
        { "budget 1,000,001", l => l["budget"] = 1_000_001, "$.budget", "from 1 to 1000000" },
        { "par 0", l => l["par"] = 0, "$.par", "par from 1 to the budget" },
        { "par > budget", l => l["par"] = 51, "$.par", "par from 1 to the budget (50)" },
        { "bad id (upper case)", l => l["id"] = "Bad-Id", "$.id", "^[a-z0-9][a-z0-9-]{0,63}$" },
        { "bad id (leading dash)", l => l["id"] = "-a", "$.id", "lower-case letters" },
        // Oracle: the pattern ^[a-z0-9][a-z0-9-]{0,63}$ read as a whole-string match; a .NET '$' alone would accept the final newline.
        { "bad id (a final newline)", l => l["id"] = "t-01\n", "$.id", "lower-case letters" },
        { "bad id (65 characters)", l => l["id"] = new string('a', 65), "$.id", "at most 64 characters" },
        { "bad cost", l => l["cost"] = "mae", "$.cost", "expected \"mse\" or \"half-mse\"" },
        { "rules version 0", l => l["rulesVersion"] = 0, "$.rulesVersion", "rules version ≥ 1" },
        { "missing key", l => l.Remove("par"), "$", "missing required key \"par\"" },
        { "missing α max", l => l["alpha"]!.AsObject().Remove("max"), "$.alpha", "missing required key \"max\"" },
        { "empty title", l => l["title"] = "", "$.title", "non-empty" },
        { "wrong type: budget as a string", l => l["budget"] = "50", "$.budget", "expected the budget (a whole number), found a string" },
        { "wrong type: α as an array", l => l["alpha"] = new JsonArray(0.1, 0.2), "$.alpha", "expected the α range (a JSON object), found an array" },
        { "wrong type: title as a number", l => l["title"] = 5, "$.title", "(a string), found the number 5" },
        { "wrong type: a point's y as text", l => l["data"]!["points"]![1]![1] = "3", "$.data.points[1][1]", "expected y (a number), found a string" },
        { "wrong type: hints as text", l => l["hints"] = "a hint", "$.hints", "(a JSON array)" },
        { "wrong type: β0 as a number", l => l["beta0"] = 3, "$.beta0", "(a JSON object), found the number 3" },
        { "wrong type: null cost", l => l["cost"] = null, "$.cost", "found null" },
        { "a point of three values", l => l["data"]!["points"]![0] = new JsonArray(1, 2, 3), "$.data.points[0]", "found 3 values" },
        { "a point of one value", l => l["data"]!["points"]![0] = new JsonArray(1), "$.data.points[0]", "found 1 value" },
        { "both points and csv", l => l["data"]!["csv"] = "d.csv", "$.data", "exactly one of \"points\"" },
        { "neither points nor csv", l => l["data"] = new JsonObject(), "$.data", "exactly one of \"points\"" },
        { "x column for inline points", l => l["data"]!["x"] = "hp", "$.data.x", "belongs to a CSV source" },
        { "x scale 0", l => l["data"]!["xScale"] = 0, "$.data.xScale", "≠ 0" },
        { "a CSV source without y", l => l["data"] = new JsonObject { ["csv"] = "d.csv", ["x"] = "a" }, "$.data", "missing required key \"y\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_broken_rule_is_a_located_error(string rule, Action<JsonObject> breakIt, string path, string expectation)
    {
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(LevelJson.Bytes(LevelJson.With(breakIt)), File));

        Assert.True(
            e.Errors.Any(x => x.File == File && x.Location == path && x.Message.Contains(expectation, StringComparison.Ordinal)),
            $"{rule}: expected an error at {path} saying \"{expectation}\"; got:\n{string.Join("\n", e.Errors)}");
    }

    [Fact]
    public void The_valid_level_itself_reads()
    {
        // The base of every case above must be valid, or the cases prove nothing.
        var spec = LevelReader.Read(LevelJson.Bytes(LevelJson.Valid()), File);
        Assert.Equal("t-01", spec.Id);
        Assert.Equal(50, spec.Rules.Budget);
        Assert.Equal(3, spec.Data.Points!.Count);
    }

    [Fact]
    public void A_duplicate_key_is_a_located_error()
    {
        var text = LevelJson.Text.Replace("\"budget\": 50,", "\"budget\": 50, \"budget\": 60,", StringComparison.Ordinal);
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(Encoding.UTF8.GetBytes(text), File));
        Assert.Contains(e.Errors, x => x.File == File && x.Location == "$.budget" && x.Message.Contains("duplicate key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_newer_rules_version_is_made_for_a_newer_version()
    {
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(LevelJson.Bytes(LevelJson.With(l => l["rulesVersion"] = 2)), File));
        Assert.True(e.IsNewerVersion);
        Assert.Contains(e.Errors, x => x.File == File && x.Location == "$.rulesVersion" && x.Message.Contains("made for a newer version", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated", "{ \"id\": \"t-01\", \"title\": \"T", "line 1, column")]
    [InlineData("NaN literal", "{ \"tolerance\": NaN }", "line 1, column")]
    [InlineData("Infinity literal", "{ \"tolerance\": Infinity }", "line 1, column")]
    [InlineData("trailing comma", "{ \"id\": \"t-01\", }", "line 1, column")]
    [InlineData("comment", "// level\n{ }", "line 1, column")]
    [InlineData("second line", "{\n  \"id\": \"t-01\" \"title\": 1 }", "line 2, column")]
    public void Json_that_does_not_parse_names_its_line_and_column(string what, string text, string location)
    {
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(Encoding.UTF8.GetBytes(text), File));
        Assert.True(
            e.Errors.Any(x => x.File == File && x.Location.StartsWith(location, StringComparison.Ordinal) && x.Message.Contains("not valid JSON", StringComparison.Ordinal)),
            $"{what}: {string.Join("\n", e.Errors)}");
    }

    [Fact]
    public void Truncating_the_valid_file_anywhere_is_a_located_error()
    {
        var bytes = LevelJson.Bytes(LevelJson.Valid());
        for (var cut = 0; cut < bytes.Length - 1; cut++)
        {
            var e = Assert.Throws<ContentException>(() => LevelReader.Read(bytes.AsSpan(0, cut), File));
            Assert.All(e.Errors, x => Assert.Equal(File, x.File));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void An_empty_file_says_so(string text)
    {
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(Encoding.UTF8.GetBytes(text), File));
        Assert.Contains(e.Errors, x => x.File == File && x.Message.Contains("the file is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_file_is_a_located_error()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x89; // a PNG-like first byte: not '{'
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(bytes, File));
        Assert.Contains(e.Errors, x => x.File == File && x.Location.StartsWith("line ", StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_inside_a_string_are_a_located_error()
    {
        // 0xC3 0x28 is not UTF-8; JSON itself does not care, reading the title would.
        var text = Encoding.UTF8.GetBytes(LevelJson.Text.Replace("Three points", "Three\u0001points", StringComparison.Ordinal));
        var at = Array.IndexOf(text, (byte)1);
        text[at] = 0xC3;
        var bytes = text.Take(at + 1).Append((byte)0x28).Concat(text.Skip(at + 1)).ToArray();
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(bytes, File));
        var error = Assert.Single(e.Errors);
        Assert.Equal(File, error.File);
        Assert.Equal("line 3, column 18", error.Location); // "  "title": "Three" is 17 bytes on line 3
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_a_located_error()
    {
        var text = LevelJson.Text.Replace("\"cost\": \"mse\"", "\"cost\": \"m\\ud800se\"", StringComparison.Ordinal);
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(Encoding.UTF8.GetBytes(text), File));
        var error = Assert.Single(e.Errors);
        Assert.Equal("$.cost", error.Location);
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_array_or_string_is_not_a_level()
    {
        var e = Assert.Throws<ContentException>(() => LevelReader.Read("[1, 2]"u8, File));
        Assert.Contains(e.Errors, x => x.Location == "$" && x.Message.Contains("expected a level (a JSON object), found an array", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_are_accepted()
    {
        var text = "\uFEFF" + LevelJson.Text.ReplaceLineEndings("\r\n");
        var spec = LevelReader.Read(Encoding.UTF8.GetBytes(text), File);
        Assert.Equal("t-01", spec.Id);
    }

    [Fact]
    public void Every_error_of_a_file_is_listed_together()
    {
        var e = Assert.Throws<ContentException>(() => LevelReader.Read(LevelJson.Bytes(LevelJson.With(l =>
        {
            l["budget"] = 0;
            l["cost"] = "mae";
            l["colour"] = 1;
        })), File));
        Assert.Contains(e.Errors, x => x.Location == "$.budget");
        Assert.Contains(e.Errors, x => x.Location == "$.cost");
        Assert.Contains(e.Errors, x => x.Location == "$.colour");
    }

    public static TheoryData<string, double[][], Action<JsonObject>?, string> BrokenData => new()
    {
        { "one point", [[1, 2]], null, "from 2" },
        { "no points", [], null, "from 2" },
        { "both free, all x equal", [[2, 1], [2, 2], [2, 3]], null, "Every x is the same" },
        { "β0 fixed, every x = 0", [[0, 1], [0, 2]], l => l["beta0"] = new JsonObject { ["fixed"] = 0 }, "Every x is 0" },
        { "equal x after scaling", [[1, 1], [1.0000000000000002, 2]], l => l["data"]!["xScale"] = 1e300, "Every x is the same" },
    };

    [Theory]
    [MemberData(nameof(BrokenData))]
    public void Data_that_makes_no_valley_is_a_located_error(string what, double[][] points, Action<JsonObject>? edit, string expectation)
    {
        using var temp = new TempFolder();
        var level = LevelJson.With(l =>
        {
            l["data"]!["points"] = new JsonArray(points.Select(p => (JsonNode)new JsonArray(p[0], p[1])).ToArray());
            edit?.Invoke(l);
        });
        var path = temp.Write("pack/t.level.json", LevelJson.Bytes(level));

        var e = Assert.Throws<ContentException>(() => new LevelLoader(new FileSystem(), temp.Path).Load(path));

        Assert.True(
            e.Errors.Any(x => x.File == path && x.Location == "$.data" && x.Message.Contains(expectation, StringComparison.Ordinal)),
            $"{what}: {string.Join("\n", e.Errors)}");
    }

    [Fact]
    public void A_missing_level_file_is_unreadable_not_malformed()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<ContentException>(() => new LevelLoader(new FileSystem(), temp.Path).Load(temp.Combine("nope.level.json")));
        Assert.True(e.IsUnreadable);
        Assert.Contains("file not found", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_level_loads_and_plays_its_points()
    {
        using var temp = new TempFolder();
        var path = temp.Write("pack/t.level.json", LevelJson.Bytes(LevelJson.With(l =>
        {
            l["data"]!["xShift"] = 1;
            l["data"]!["xScale"] = 2;
            l["data"]!["yShift"] = -1;
            l["data"]!["yScale"] = 0.5;
        })));

        var level = new LevelLoader(new FileSystem(), temp.Path).Load(path);

        // x' = (x − 1)/2 = 0, 0.5, 1 and y' = (y + 1)/0.5 = 6, 8, 12, by hand.
        Assert.Equal([0, 0.5, 1], level.Level.Data.X.ToArray());
        Assert.Equal([6, 8, 12], level.Level.Data.Y.ToArray());
        Assert.Equal(CostKind.Mse, level.Level.Rules.Cost);
    }
}
