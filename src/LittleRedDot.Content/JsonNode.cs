using System.Globalization;
using System.Text.Json;

namespace LittleRedDot.Content;

/// <summary>
/// A strict reader over one JSON value that knows its path ($.alpha.min) and reports every problem
/// to an <see cref="ErrorSink"/> instead of throwing, so that a file's errors are listed together.
/// </summary>
internal readonly struct JsonNode
{
    public JsonNode(JsonElement element, string path, ErrorSink errors)
    {
        Element = element;
        Path = path;
        Errors = errors;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public ErrorSink Errors { get; }

    public JsonValueKind Kind => Element.ValueKind;

    public void Error(string message) => Errors.Add(Path, message);

    /// <summary>
    /// The members of an object, each key checked against <paramref name="known"/>; unknown and
    /// duplicate keys are errors. Null when this is not an object.
    /// </summary>
    public Dictionary<string, JsonNode>? Object(string what, params string[] known)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            Error($"expected {what} (a JSON object), found {Describe(Element)}");
            return null;
        }

        var members = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var property in Element.EnumerateObject())
        {
            var childPath = ChildPath(property.Name);
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                Errors.Add(childPath, $"unknown key \"{Excerpt.Of(property.Name)}\"; expected one of: {string.Join(", ", known)}");
                continue;
            }

            if (!members.TryAdd(property.Name, new JsonNode(property.Value, childPath, Errors)))
            {
                Errors.Add(childPath, $"duplicate key \"{Excerpt.Of(property.Name)}\"");
            }
        }

        return members;
    }

    public string ChildPath(string key) => ChildPath(Path, key);

    /// <summary>$.key for a plain key, $["odd key"] (escaped) for any other.</summary>
    public static string ChildPath(string path, string key) =>
        IsPlainKey(key) ? $"{path}.{key}" : $"{path}[\"{Excerpt.Of(key)}\"]";

    /// <summary>The node of item <paramref name="index"/> of this array, for an item found wrong while walking <see cref="Element"/>.</summary>
    public JsonNode Child(JsonElement element, int index) => new(element, $"{Path}[{index}]", Errors);

    public List<JsonNode>? Array(string what)
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            Error($"expected {what} (a JSON array), found {Describe(Element)}");
            return null;
        }

        var items = new List<JsonNode>(Element.GetArrayLength());
        var i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            items.Add(new JsonNode(item, $"{Path}[{i}]", Errors));
            i++;
        }

        return items;
    }

    public string? String(string what)
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            Error($"expected {what} (a string), found {Describe(Element)}");
            return null;
        }

        return Element.GetString();
    }

    /// <summary>A finite number written as a JSON number.</summary>
    public double? Number(string what)
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            Error($"expected {what} (a number), found {Describe(Element)}");
            return null;
        }

        if (!Element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            Error($"expected {what} (a finite number), found {Excerpt.Of(Element.GetRawText())}, which does not fit in a double");
            return null;
        }

        return value;
    }

    /// <summary>A number, or one of the strings "NaN", "Infinity", "-Infinity" (RULES.md §7).</summary>
    public double? NumberOrNonFinite(string what)
    {
        if (Element.ValueKind == JsonValueKind.String)
        {
            switch (Element.GetString())
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }

            Error($"expected {what} (a number, or \"NaN\", \"Infinity\" or \"-Infinity\"), found a string");
            return null;
        }

        return Number(what);
    }

    /// <summary>A whole number written without a fraction or exponent (50, not 50.0).</summary>
    public long? Integer(string what)
    {
        if (Element.ValueKind != JsonValueKind.Number)
        {
            Error($"expected {what} (a whole number), found {Describe(Element)}");
            return null;
        }

        var raw = Element.GetRawText();
        if (raw.AsSpan().IndexOfAny(".eE") >= 0)
        {
            Error($"expected {what} (a whole number written without a fraction or exponent), found {Excerpt.Of(raw)}");
            return null;
        }

        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error($"expected {what} (a whole number), found {Excerpt.Of(raw)}, which is out of range");
            return null;
        }

        return value;
    }

    public bool? Boolean(string what)
    {
        if (Element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Element.GetBoolean();
        }

        Error($"expected {what} (true or false), found {Describe(Element)}");
        return null;
    }

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {Excerpt.Of(element.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool IsPlainKey(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
