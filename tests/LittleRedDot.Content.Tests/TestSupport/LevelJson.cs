using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LittleRedDot.Content.Tests.TestSupport;

/// <summary>
/// A valid level file (RULES.md §6) as a mutable JSON tree, so each test breaks exactly one rule.
/// Data (1, 2), (2, 3), (3, 5): its valley is hand-derived in the engine tests (β* = (1/3, 3/2), J* = 1/18).
/// </summary>
public static class LevelJson
{
    public const string Text = """
        {
          "id": "t-01",
          "title": "Three points",
          "story": "A story.",
          "hints": ["one", "two"],
          "credits": "Made up.",
          "rulesVersion": 1,
          "cost": "mse",
          "data": { "points": [[1, 2], [2, 3], [3, 5]] },
          "beta0": { "min": -10, "max": 10 },
          "beta1": { "min": -10, "max": 10 },
          "alpha": { "min": 0.001, "max": 0.2 },
          "budget": 50,
          "tolerance": 0.01,
          "par": 10
        }
        """;

    public static JsonObject Valid() => JsonNode.Parse(Text)!.AsObject();

    public static JsonObject With(Action<JsonObject> edit)
    {
        var level = Valid();
        edit(level);
        return level;
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>A CSV-backed variant: the data block replaced.</summary>
    public static JsonObject WithCsv(string csv, string x, string y, JsonObject? where = null) => With(l =>
    {
        var data = new JsonObject { ["csv"] = csv, ["x"] = x, ["y"] = y };
        if (where is not null)
        {
            data["where"] = where;
        }

        l["data"] = data;
    });
}
