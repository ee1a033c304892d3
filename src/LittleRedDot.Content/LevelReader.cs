using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Reads a level file's JSON strictly (RULES.md §6): unknown and duplicate keys, wrong types, numbers
/// that are not finite and whole numbers written with a fraction are errors, each located by its JSON
/// path. Every error of the file is reported together.
/// </summary>
public static partial class LevelReader
{
    private static readonly string[] Keys =
        ["id", "title", "story", "hints", "credits", "rulesVersion", "cost", "data", "beta0", "beta1", "alpha", "budget", "tolerance", "par"];

    private static readonly string[] Required =
        ["id", "title", "cost", "data", "beta0", "beta1", "alpha", "budget", "tolerance", "par"];

    /// <summary>Parses a level file's bytes; <paramref name="path"/> names it in errors and in the result.</summary>
    /// <exception cref="ContentException">The file is not a well-formed level; every problem is listed.</exception>
    public static LevelSpec Read(ReadOnlySpan<byte> utf8, string path)
    {
        var errors = new ErrorSink(path);
        var lifted = InlinePoints.Lift(utf8);
        using var document = StrictJson.Parse(lifted is { } l ? l.Blanked : utf8, errors);
        if (document is null)
        {
            errors.ThrowIfAny();
            throw new InvalidOperationException("unreachable");
        }

        var root = new JsonNode(document.RootElement, "$", errors);
        var members = root.Object("a level", Keys);
        if (members is null)
        {
            errors.ThrowIfAny();
        }

        var m = members!;
        foreach (var key in Required)
        {
            if (!m.ContainsKey(key))
            {
                errors.Add("$", $"missing required key \"{key}\"");
            }
        }

        int? rulesVersion = null;
        var hasVersion = m.TryGetValue("rulesVersion", out var rv);
        if (hasVersion && NewerVersion(rv, errors) is { } newer)
        {
            errors.Add(rv.Path, $"this level was made for a newer version of the rules ({newer}); this program knows rules version {RulesVersion.Current}. Update the program.");
            throw new ContentException(errors.Errors.ToArray()) { IsNewerVersion = true };
        }

        if (hasVersion && rv.Integer("the rules version") is { } version)
        {
            if (version < 1)
            {
                rv.Error("expected a rules version ≥ 1");
            }
            else
            {
                rulesVersion = (int)version;
            }
        }

        string? id = null;
        if (m.TryGetValue("id", out var idNode) && idNode.String("the level id") is { } idText)
        {
            if (IdPattern().IsMatch(idText))
            {
                id = idText;
            }
            else
            {
                idNode.Error($"expected an id of lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters (^[a-z0-9][a-z0-9-]{{0,63}}$); found \"{Excerpt.Of(idText)}\"");
            }
        }

        var title = OptionalText(m, "title", "the title", required: true);
        var story = OptionalText(m, "story", "the story", required: false);
        var credits = OptionalText(m, "credits", "the credits", required: false);
        var hints = new List<string>();
        if (m.TryGetValue("hints", out var hintsNode) && hintsNode.Array("the hints") is { } hintItems)
        {
            foreach (var hint in hintItems)
            {
                if (hint.String("a hint") is { } text)
                {
                    hints.Add(text);
                }
            }
        }

        CostKind? cost = null;
        if (m.TryGetValue("cost", out var costNode) && costNode.String("the cost") is { } costText)
        {
            cost = CostNames.Parse(costText);
            if (cost is null)
            {
                costNode.Error($"expected {CostNames.Expected}, found \"{Excerpt.Of(costText)}\"");
            }
        }

        var beta0 = m.TryGetValue("beta0", out var b0) ? ReadParameter(b0, "β0") : null;
        var beta1 = m.TryGetValue("beta1", out var b1) ? ReadParameter(b1, "β1") : null;
        if (beta0 is not null && beta1 is not null && LevelRules.CheckFree(beta0, beta1) is { } notFree)
        {
            errors.Add("$.beta1", notFree + " ({ \"min\": …, \"max\": … })");
        }

        (double Min, double Max)? alpha = null;
        if (m.TryGetValue("alpha", out var alphaNode) && alphaNode.Object("the α range", "min", "max") is { } alphaMembers)
        {
            var min = RequiredNumber(alphaNode, alphaMembers, "min", "the smallest α");
            var max = RequiredNumber(alphaNode, alphaMembers, "max", "the largest α");
            if (min is { } lo && LevelRules.CheckAlphaMin(lo) is { } badMin)
            {
                alphaMembers["min"].Error($"{badMin}, found {DoubleText.RoundTrip(lo)}");
            }
            else if (min is { } a && max is { } b)
            {
                if (LevelRules.CheckAlphaMax(a, b) is { } badMax)
                {
                    alphaMembers["max"].Error($"{badMax}, found {DoubleText.RoundTrip(b)}");
                }
                else
                {
                    alpha = (a, b);
                }
            }
        }

        int? budget = null;
        if (m.TryGetValue("budget", out var budgetNode) && budgetNode.Integer("the budget") is { } budgetValue)
        {
            if (LevelRules.CheckBudget(budgetValue) is { } badBudget)
            {
                budgetNode.Error($"{badBudget}, found {budgetValue}");
            }
            else
            {
                budget = (int)budgetValue;
            }
        }

        double? tolerance = null;
        if (m.TryGetValue("tolerance", out var tolNode) && tolNode.Number("the goal tolerance τ") is { } tol)
        {
            if (LevelRules.CheckTolerance(tol) is { } badTolerance)
            {
                tolNode.Error($"{badTolerance}, found {DoubleText.RoundTrip(tol)}");
            }
            else
            {
                tolerance = tol;
            }
        }

        int? par = null;
        if (m.TryGetValue("par", out var parNode) && parNode.Integer("par") is { } parValue)
        {
            if (LevelRules.CheckPar(parValue, budget) is { } badPar)
            {
                parNode.Error($"{badPar}, found {parValue}");
            }
            else
            {
                par = (int)parValue;
            }
        }

        var data = m.TryGetValue("data", out var dataNode) ? ReadData(dataNode, lifted?.Points) : null;

        errors.ThrowIfAny();
        return new LevelSpec
        {
            Path = path,
            Id = id!,
            Title = title!,
            Story = story,
            Hints = hints,
            Credits = credits,
            RulesVersion = rulesVersion,
            Rules = new LevelRules(cost!.Value, beta0!, beta1!, alpha!.Value.Min, alpha.Value.Max, budget!.Value, tolerance!.Value, par!.Value),
            Data = data!,
        };
    }

    private static string? OptionalText(Dictionary<string, JsonNode> m, string key, string what, bool required)
    {
        if (!m.TryGetValue(key, out var node))
        {
            return null;
        }

        var text = node.String(what);
        if (required && text is { Length: 0 })
        {
            node.Error($"expected {what} to be a non-empty string");
        }

        return text;
    }

    private static ParameterRule? ReadParameter(JsonNode node, string name)
    {
        var members = node.Object($"{name} as {{ \"fixed\": v }} or {{ \"min\": a, \"max\": b }}", "fixed", "min", "max");
        if (members is null)
        {
            return null;
        }

        if (members.TryGetValue("fixed", out var fixedNode))
        {
            if (members.ContainsKey("min") || members.ContainsKey("max"))
            {
                node.Error($"expected {name} either fixed or a range, not both");
                return null;
            }

            return fixedNode.Number($"the fixed value of {name}") is { } v ? ParameterRule.Fixed(v) : null;
        }

        if (!members.ContainsKey("min") && !members.ContainsKey("max"))
        {
            node.Error($"expected {name} as {{ \"fixed\": v }} or {{ \"min\": a, \"max\": b }}");
            return null;
        }

        var min = RequiredNumber(node, members, "min", $"the smallest start of {name}");
        var max = RequiredNumber(node, members, "max", $"the largest start of {name}");
        if (min is not { } a || max is not { } b)
        {
            return null;
        }

        if (ParameterRule.CheckRange(name, a, b) is { } problem)
        {
            members["max"].Error($"{problem}, found {DoubleText.RoundTrip(b)}");
            return null;
        }

        return ParameterRule.Range(a, b);
    }

    private static double? RequiredNumber(JsonNode parent, Dictionary<string, JsonNode> members, string key, string what)
    {
        if (members.TryGetValue(key, out var node))
        {
            return node.Number(what);
        }

        parent.Error($"missing required key \"{key}\" ({what})");
        return null;
    }

    /// <param name="node">$.data.</param>
    /// <param name="lifted">The inline points read ahead (<see cref="InlinePoints"/>), blanked in the document; null when they were not.</param>
    private static DataSource? ReadData(JsonNode node, List<(double X, double Y)>? lifted)
    {
        var m = node.Object("the data", "points", "csv", "x", "y", "where", "xShift", "xScale", "yShift", "yScale");
        if (m is null)
        {
            return null;
        }

        var xShift = Optional(m, "xShift", 0.0, "the x shift", requireNonZero: false);
        var xScale = Optional(m, "xScale", 1.0, "the x scale", requireNonZero: true);
        var yShift = Optional(m, "yShift", 0.0, "the y shift", requireNonZero: false);
        var yScale = Optional(m, "yScale", 1.0, "the y scale", requireNonZero: true);

        var hasPoints = m.TryGetValue("points", out var pointsNode);
        var hasCsv = m.TryGetValue("csv", out var csvNode);
        if (hasPoints == hasCsv)
        {
            node.Error("expected exactly one of \"points\" (inline [[x, y], …]) or \"csv\" (a file with \"x\" and \"y\" columns)");
            return null;
        }

        if (hasPoints)
        {
            foreach (var key in (string[])["x", "y", "where"])
            {
                if (m.TryGetValue(key, out var stray))
                {
                    stray.Error($"\"{key}\" belongs to a CSV source; inline points take none");
                }
            }

            if (lifted is not null)
            {
                return new DataSource { Points = lifted, XShift = xShift, XScale = xScale, YShift = yShift, YScale = yScale };
            }

            // Counted before anything is made of them: a JsonNode per point (its path, its wrapper) took about 280 bytes,
            // so 12 million points used 3.35 GB before the limit was checked (issue 14, kind 4).
            if (pointsNode.Element.ValueKind == JsonValueKind.Array && pointsNode.Element.GetArrayLength() > DataSet.MaxPoints)
            {
                pointsNode.Error($"expected at most {DataSet.MaxPoints:N0} points, found {pointsNode.Element.GetArrayLength():N0}");
                return null;
            }

            if (pointsNode.Element.ValueKind != JsonValueKind.Array)
            {
                pointsNode.Array("the points, [[x, y], …]"); // says what was expected
                return null;
            }

            // A plain [x, y] of two finite numbers is taken as it is; only a point with something wrong gets a node
            // of its own, with its path, to say what.
            var points = new List<(double, double)>(pointsNode.Element.GetArrayLength());
            var index = 0;
            foreach (var element in pointsNode.Element.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == 2
                    && element[0].ValueKind == JsonValueKind.Number && element[0].TryGetDouble(out var px) && double.IsFinite(px)
                    && element[1].ValueKind == JsonValueKind.Number && element[1].TryGetDouble(out var py) && double.IsFinite(py))
                {
                    points.Add((px, py));
                }
                else
                {
                    ReportPoint(pointsNode.Child(element, index));
                }

                index++;
            }

            return new DataSource { Points = points, XShift = xShift, XScale = xScale, YShift = yShift, YScale = yScale };
        }

        var csv = csvNode.String("the CSV path");
        string? xColumn = null, yColumn = null;
        if (m.TryGetValue("x", out var xNode))
        {
            xColumn = xNode.String("the x column name");
        }
        else
        {
            node.Error("missing required key \"x\" (the CSV column for x)");
        }

        if (m.TryGetValue("y", out var yNode))
        {
            yColumn = yNode.String("the y column name");
        }
        else
        {
            node.Error("missing required key \"y\" (the CSV column for y)");
        }

        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        if (m.TryGetValue("where", out var whereNode))
        {
            if (whereNode.Kind != JsonValueKind.Object)
            {
                whereNode.Error($"expected the row filter (an object of column name to text), found {JsonNode.Describe(whereNode.Element)}");
            }
            else
            {
                foreach (var property in whereNode.Element.EnumerateObject())
                {
                    var child = new JsonNode(property.Value, whereNode.ChildPath(property.Name), node.Errors);
                    if (where.ContainsKey(property.Name))
                    {
                        child.Error($"duplicate key \"{Excerpt.Of(property.Name)}\"");
                    }
                    else if (child.String("the text a kept row has in this column") is { } text)
                    {
                        where[property.Name] = text;
                    }
                }
            }
        }

        return csv is null || xColumn is null || yColumn is null
            ? null
            : new DataSource { Csv = csv, XColumn = xColumn, YColumn = yColumn, Where = where, XShift = xShift, XScale = xScale, YShift = yShift, YScale = yScale };
    }

    private static double Optional(Dictionary<string, JsonNode> m, string key, double fallback, string what, bool requireNonZero)
    {
        if (!m.TryGetValue(key, out var node) || node.Number(what) is not { } value)
        {
            return fallback;
        }

        if (requireNonZero && value == 0)
        {
            node.Error($"expected {what} ≠ 0 (points are divided by it)");
            return fallback;
        }

        return value;
    }

    /// <summary>Whether a text is a well-formed level id (RULES.md §6).</summary>
    public static bool IsId(string text) => IdPattern().IsMatch(text);

    // \z, not $: in .NET '$' also matches before a final "\n", which would let "abc\n" pass as an id.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>Says what is wrong with a point that is not [x, y] of two finite numbers.</summary>
    private static void ReportPoint(JsonNode item)
    {
        var pair = item.Array("a point, [x, y]");
        if (pair is null)
        {
            return;
        }

        if (pair.Count != 2)
        {
            item.Error($"expected a point as [x, y], found {Lessons.Lesson.Count(pair.Count, "value")}");
            return;
        }

        _ = pair[0].Number("x");
        _ = pair[1].Number("y");
    }

    /// <summary>
    /// The rules version as written when it is a whole number past this program's (of any length: one past a long's
    /// range is newer still) and given once; else null, and the number is judged as any other. A "rulesVersion" given
    /// twice is a duplicate key (Object listed it), never a newer version, whichever of the two comes first.
    /// </summary>
    private static string? NewerVersion(JsonNode rulesVersion, ErrorSink errors)
    {
        var raw = rulesVersion.Kind == JsonValueKind.Number ? rulesVersion.Element.GetRawText() : string.Empty;
        if (raw.Length == 0 || !raw.All(char.IsAsciiDigit) || errors.Errors.Any(e => e.Location == rulesVersion.Path))
        {
            return null;
        }

        return raw.Length > 18 || long.Parse(raw, CultureInfo.InvariantCulture) > RulesVersion.Current ? Excerpt.Of(raw) : null;
    }
}
