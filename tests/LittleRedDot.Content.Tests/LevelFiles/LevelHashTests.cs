using System.Globalization;
using System.IO.Abstractions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LittleRedDot.Content.Tests.TestSupport;

namespace LittleRedDot.Content.Tests.LevelFiles;

/// <summary>
/// The level hash of RULES.md §6, recomputed here from the page: the text is built line by line in the test
/// (each double as 16 lower-case hex digits of its bits, −0 as 0) and hashed with SHA-256.
/// </summary>
public sealed class LevelHashTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_hash_of_inline_points_is_the_sha256_of_the_section_6_text()
    {
        var expected = Sha256(
            "littlereddot-level",
            "id=t-01",
            "cost=mse",
            $"beta0=range {D(-10)} {D(10)}",
            $"beta1=range {D(-10)} {D(10)}",
            $"alpha={D(0.001)} {D(0.2)}",
            "budget=50",
            $"tolerance={D(0.01)}",
            "par=10",
            "n=3",
            $"{D(1)} {D(2)}",
            $"{D(2)} {D(3)}",
            $"{D(3)} {D(5)}");

        Assert.Equal(expected, HashOf(LevelJson.Valid()));
    }

    [Fact]
    public void A_fixed_parameter_and_half_mse_are_written_as_section_6_says()
    {
        var level = LevelJson.With(l =>
        {
            l["cost"] = "half-mse";
            l["beta0"] = new JsonObject { ["fixed"] = 0.5 };
        });
        var expected = Sha256(
            "littlereddot-level",
            "id=t-01",
            "cost=half-mse",
            $"beta0=fixed {D(0.5)}",
            $"beta1=range {D(-10)} {D(10)}",
            $"alpha={D(0.001)} {D(0.2)}",
            "budget=50",
            $"tolerance={D(0.01)}",
            "par=10",
            "n=3",
            $"{D(1)} {D(2)}",
            $"{D(2)} {D(3)}",
            $"{D(3)} {D(5)}");

        Assert.Equal(expected, HashOf(level));
    }

    [Fact]
    public void Csv_points_are_hashed_as_played_after_where_and_the_shifts()
    {
        temp.Write("levels/data/a.csv", "series,x,y\nI,10,8.04\nII,8,6.95\nI,13,7.58\nI,9,8.81\n");
        var level = LevelJson.WithCsv("../data/a.csv", "x", "y", new JsonObject { ["series"] = "I" });
        level["data"]!["xShift"] = 9;
        level["data"]!["xScale"] = 2;
        level["data"]!["yShift"] = 8;
        level["data"]!["yScale"] = 0.5;

        // Kept rows (series I): (10, 8.04), (13, 7.58), (9, 8.81). Played: x' = (x − 9)/2, y' = (y − 8)/0.5.
        var points = new[] { (10.0, 8.04), (13.0, 7.58), (9.0, 8.81) }.Select(p => ((p.Item1 - 9) / 2, (p.Item2 - 8) / 0.5)).ToArray();
        var expected = Sha256(
            [
                "littlereddot-level", "id=t-01", "cost=mse",
                $"beta0=range {D(-10)} {D(10)}", $"beta1=range {D(-10)} {D(10)}", $"alpha={D(0.001)} {D(0.2)}",
                "budget=50", $"tolerance={D(0.01)}", "par=10", "n=3",
                .. points.Select(p => $"{D(p.Item1)} {D(p.Item2)}"),
            ]);

        Assert.Equal(expected, HashOf(level));
        Assert.Equal("0000000000000000", D(points[2].Item1)); // (9 − 9)/2 = 0: the third x is written as zero
    }

    [Fact]
    public void Negative_zero_is_hashed_as_zero()
    {
        var plus = LevelJson.With(l =>
        {
            l["beta0"] = new JsonObject { ["fixed"] = 0 };
            l["data"]!["points"]![0]![1] = 0;
        });
        var minus = LevelJson.With(l =>
        {
            l["beta0"] = new JsonObject { ["fixed"] = JsonNode.Parse("-0.0") };
            l["data"]!["points"]![0]![1] = JsonNode.Parse("-0.0");
        });
        Assert.Equal(HashOf(plus), HashOf(minus));
        Assert.Equal("0000000000000000", LevelHash.Hex(-0.0));
        Assert.Equal("8000000000000001", LevelHash.Hex(-double.Epsilon)); // only zero is folded
    }

    public static TheoryData<string, Action<JsonObject>> Cosmetic => new()
    {
        { "title", l => l["title"] = "Another title" },
        { "story", l => l["story"] = "Another story" },
        { "no story", l => l.Remove("story") },
        { "hints", l => l["hints"] = new JsonArray("different") },
        { "credits", l => l["credits"] = "Someone else" },
        { "rulesVersion left out", l => l.Remove("rulesVersion") },
        { "key order", l => { var id = l["id"]!.DeepClone(); l.Remove("id"); l["id"] = id; } },
        { "1.0 for 1 in a point", l => l["data"]!["points"]![0]![0] = JsonNode.Parse("1.0") },
        { "1e1 for 10", l => l["beta0"]!["max"] = JsonNode.Parse("1e1") },
    };

    [Theory]
    [MemberData(nameof(Cosmetic))]
    public void Title_story_hints_credits_and_layout_do_not_change_the_hash(string what, Action<JsonObject> edit)
    {
        Assert.True(HashOf(LevelJson.Valid()) == HashOf(LevelJson.With(edit)), what);
    }

    [Fact]
    public void Whitespace_line_ends_and_a_bom_do_not_change_the_hash()
    {
        var compact = Encoding.UTF8.GetBytes(LevelJson.Valid().ToJsonString());
        var crlf = Encoding.UTF8.GetBytes("\uFEFF" + LevelJson.Text.ReplaceLineEndings("\r\n").Replace("  ", "\t", StringComparison.Ordinal));
        Assert.Equal(HashOfBytes(compact), HashOfBytes(crlf));
    }

    public static TheoryData<string, Action<JsonObject>> Rules => new()
    {
        { "id", l => l["id"] = "t-02" },
        { "cost", l => l["cost"] = "half-mse" },
        { "β0 min", l => l["beta0"]!["min"] = -9 },
        { "β0 max", l => l["beta0"]!["max"] = 9 },
        { "β0 fixed", l => l["beta0"] = new JsonObject { ["fixed"] = -10 } },
        { "β1 max", l => l["beta1"]!["max"] = Math.BitIncrement(10.0) },
        { "α min", l => l["alpha"]!["min"] = 0.002 },
        { "α max", l => l["alpha"]!["max"] = 0.3 },
        { "budget", l => l["budget"] = 51 },
        { "tolerance", l => l["tolerance"] = 0.011 },
        { "par", l => l["par"] = 11 },
        { "a point's x", l => l["data"]!["points"]![1]![0] = 2.5 },
        { "a point's y by one ulp", l => l["data"]!["points"]![2]![1] = Math.BitIncrement(5.0) },
        { "point order", l => l["data"]!["points"] = JsonNode.Parse("[[2, 3], [1, 2], [3, 5]]") },
        { "one more point", l => l["data"]!["points"]!.AsArray().Add(new JsonArray(4, 6)) },
        { "a shift", l => l["data"]!["yShift"] = 1 },
        { "a scale", l => l["data"]!["xScale"] = 2 },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Any_rule_or_point_changes_the_hash(string what, Action<JsonObject> edit)
    {
        Assert.True(HashOf(LevelJson.Valid()) != HashOf(LevelJson.With(edit)), what);
    }

    /// <summary>⟨d⟩ of §6: 16 lower-case hex digits of the IEEE-754 bits, −0 written as 0.</summary>
    private static string D(double value) =>
        (value == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(value)).ToString("x16", CultureInfo.InvariantCulture);

    private static string Sha256(params string[] lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))));

    private string HashOf(JsonObject level) => HashOfBytes(LevelJson.Bytes(level));

    private string HashOfBytes(byte[] bytes)
    {
        var path = temp.Write($"levels/pack/{Guid.NewGuid():N}.level.json", bytes);
        return new LevelLoader(new FileSystem(), temp.Combine("levels")).Load(path).Sha256;
    }
}
