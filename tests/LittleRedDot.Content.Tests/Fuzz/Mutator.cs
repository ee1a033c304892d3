using System.Text;
using System.Text.Json.Nodes;

namespace LittleRedDot.Content.Tests.Fuzz;

/// <summary>Random mutations of a valid file, at byte level and at JSON-field level, from a fixed seed.</summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "1e400", "-1e400", "NaN", "Infinity", "-0.0", "50.0", "1e-400", "9223372036854775808", "-9223372036854775809",
        "2147483648", "null", "true", "[", "]", "{", "}", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "\u001b[31m",
        "\u202e", "\uFEFF", "../../", "/etc/passwd", "0x10", "1_000", "\r\n", "\t", "\"\"", "{}", "[]", "[[]]",
    ];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null,
        r => r.Next(2) == 0,
        r => r.Next(int.MinValue, int.MaxValue),
        r => (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-320, 309)),
        _ => JsonValue.Create(-0.0),
        _ => 0,
        _ => 1_000_001,
        _ => long.MaxValue,
        _ => double.Epsilon,
        _ => double.MaxValue,
        _ => 1.7e308,
        _ => "",
        _ => "mse",
        _ => "half-mse",
        _ => "NaN",
        _ => "Infinity",
        _ => "\u001b]0;pwned\u0007",
        _ => "ada\u202eevil",
        _ => "../../outside/secret.csv",
        _ => "/etc/passwd",
        _ => "data/a.csv",
        _ => "t-01",
        _ => new string('x', 5000),
        _ => new JsonArray(),
        _ => new JsonArray(1, 2),
        _ => new JsonArray(new JsonArray(1, 2), new JsonArray(2, 2)),
        _ => new JsonObject(),
        _ => new JsonObject { ["min"] = 1, ["max"] = 0 },
        _ => new JsonObject { ["fixed"] = 0 },
        _ => new JsonObject { ["series"] = "I" },
    ];

    private readonly Random random = new(seed);

    public byte[] Mutate(byte[] valid) => random.Next(3) switch
    {
        0 => MutateBytes(valid),
        1 => MutateField(valid) ?? MutateBytes(valid),
        _ => MutateBytes(MutateField(valid) ?? valid),
    };

    private byte[] MutateBytes(byte[] source)
    {
        var bytes = new List<byte>(source);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 4:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 5:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(40));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    const string json = "0123456789.-eE\"{}[],: ";
                    bytes[at] = (byte)json[random.Next(json.Length)];
                    break;
            }
        }

        return bytes.ToArray();
    }

    private byte[]? MutateField(byte[] source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(source);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits; e++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var target = nodes[random.Next(nodes.Count)];
            switch (target)
            {
                case JsonObject o when random.Next(3) == 0 && o.Count > 0:
                    o.Remove(o.ElementAt(random.Next(o.Count)).Key);
                    break;
                case JsonObject o when random.Next(2) == 0:
                    o[RandomKey()] = RandomValue();
                    break;
                case JsonArray a when random.Next(2) == 0 && a.Count > 0:
                    a.RemoveAt(random.Next(a.Count));
                    break;
                case JsonArray a when random.Next(2) == 0:
                    a.Add(RandomValue());
                    break;
                default:
                    Replace(target, RandomValue());
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private string RandomKey() => random.Next(3) switch
    {
        0 => "extra",
        1 => "\u001b[2J",
        _ => new[] { "id", "title", "budget", "par", "alpha", "beta0", "beta1", "data", "min", "max", "fixed", "points", "csv", "x", "y", "where", "xScale", "yShift", "result", "choice", "player", "rulesVersion", "format" }[random.Next(23)],
    };

    private JsonNode? RandomValue() => Values[random.Next(Values.Length)](random);

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o.ToArray())
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToArray())
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = value;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = value;
                break;
        }
    }
}
