using System.Text.RegularExpressions;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Reads run files strictly (RULES.md §7). A file of another rules version is read as far as it can be
/// (its choice is what the game re-scores) and never mistaken for one of this version.
/// </summary>
public static partial class RunFileReader
{
    private static readonly string[] Keys = ["format", "rulesVersion", "level", "player", "savedAt", "choice", "result", "digest"];

    /// <exception cref="ContentException">Not JSON, or not a run file of the format's schema; every problem listed.</exception>
    public static RunFile Read(ReadOnlySpan<byte> utf8, string path)
    {
        var errors = new ErrorSink(path);
        using var document = StrictJson.Parse(utf8, errors);
        errors.ThrowIfAny();
        // Unknown and duplicate keys are errors of this rules version's schema only: another version may have other keys.
        var shape = new ErrorSink(path);
        var members = new JsonNode(document!.RootElement, "$", shape).Object("a run file", Keys);
        if (members is null)
        {
            shape.ThrowIfAny();
        }

        var m = members!.ToDictionary(p => p.Key, p => new JsonNode(p.Value.Element, p.Value.Path, errors), StringComparer.Ordinal);
        if (!m.TryGetValue("format", out var formatNode))
        {
            errors.Add("$", $"missing required key \"format\" (\"{RunFile.FormatName}\")");
        }
        else if (formatNode.String("the format") is { } format && format != RunFile.FormatName)
        {
            formatNode.Error($"expected \"{RunFile.FormatName}\", found \"{Excerpt.Of(format)}\"");
        }

        // Which rules the file is under must not depend on which of two "rulesVersion" keys is read first: given twice,
        // the file is malformed under any rules.
        foreach (var twice in shape.Errors.Where(e => e.Location == "$.rulesVersion"))
        {
            errors.Add(twice.Location, twice.Message);
        }

        var version = m.TryGetValue("rulesVersion", out var versionNode) ? versionNode.Integer("the rules version") : null;
        if (!m.ContainsKey("rulesVersion"))
        {
            errors.Add("$", "missing required key \"rulesVersion\"");
        }

        errors.ThrowIfAny();
        var otherRules = version != RulesVersion.Current;

        // Under other rules, only the parts the game re-scores are required; the rest is read if it can be, and a
        // file that lacks those parts is still one of another version (OtherRulesVersion), not a broken one.
        var sink = otherRules ? new ErrorSink(path) : errors;
        if (otherRules)
        {
            m = m.ToDictionary(p => p.Key, p => new JsonNode(p.Value.Element, p.Value.Path, sink), StringComparer.Ordinal);
        }
        else
        {
            foreach (var e in shape.Errors)
            {
                errors.Add(e.Location, e.Message);
            }

            errors.ThrowIfAny();
        }
        foreach (var key in Keys)
        {
            if (!m.ContainsKey(key))
            {
                sink.Add("$", $"missing required key \"{key}\"");
            }
        }

        string? levelId = null, levelSha = null;
        if (m.TryGetValue("level", out var levelNode) && levelNode.Object("the level", "id", "sha256") is { } level)
        {
            levelId = RequiredString(levelNode, level, "id", "the level id");
            levelSha = RequiredString(levelNode, level, "sha256", "the level hash");
            if (levelSha is not null && !HexHash().IsMatch(levelSha))
            {
                level["sha256"].Error("expected 64 lower-case hex digits");
            }
        }

        var player = m.TryGetValue("player", out var playerNode) ? playerNode.String("the player name") : null;
        string? savedAt = null;
        if (m.TryGetValue("savedAt", out var savedNode) && savedNode.String("savedAt") is { } saved)
        {
            if (ParseSavedAt(saved) is null)
            {
                savedNode.Error("expected an RFC 3339 UTC time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as \"2026-11-26T10:15:00Z\"");
            }
            else
            {
                savedAt = saved;
            }
        }

        Choice? choice = null;
        if (m.TryGetValue("choice", out var choiceNode) && choiceNode.Object("the choice", "alpha", "beta0", "beta1") is { } c)
        {
            var alpha = RequiredNumber(choiceNode, c, "alpha", "α");
            var beta0 = RequiredNumber(choiceNode, c, "beta0", "the initial β0");
            var beta1 = RequiredNumber(choiceNode, c, "beta1", "the initial β1");
            if (alpha is { } a && beta0 is { } b0 && beta1 is { } b1)
            {
                choice = new Choice(a, b0, b1);
            }
        }

        RunResult? result = null;
        if (m.TryGetValue("result", out var resultNode))
        {
            var resultErrors = otherRules ? new ErrorSink(path) : errors;
            var node = new JsonNode(resultNode.Element, resultNode.Path, resultErrors);
            result = ReadResult(node);
        }

        string? digest = null;
        if (m.TryGetValue("digest", out var digestNode) && digestNode.String("the digest") is { } d)
        {
            if (HexHash().IsMatch(d))
            {
                digest = d;
            }
            else
            {
                digestNode.Error("expected 64 lower-case hex digits");
            }
        }

        errors.ThrowIfAny();
        if (levelId is null || levelSha is null || player is null || savedAt is null || choice is null)
        {
            // Only reachable under other rules: what the game needs to re-score is missing.
            throw new ContentException(sink.Errors.Count > 0 ? sink.Errors.ToArray() : [new LocatedError(path, "$", "incomplete run file")]) { OtherRulesVersion = version };
        }

        return new RunFile
        {
            RulesVersion = version!.Value,
            LevelId = levelId,
            LevelSha256 = levelSha,
            Player = player,
            SavedAt = savedAt,
            Choice = choice.Value,
            Result = result,
            Digest = digest ?? string.Empty,
        };
    }

    /// <summary>
    /// An RFC 3339 UTC time ('Z' or +00:00) read by <see cref="Rfc3339"/> (a leap second is the instant after 23:59:59),
    /// or null — also for one outside the years 0001–9999, such as the leap second after 9999-12-31T23:59:59Z.
    /// </summary>
    public static DateTimeOffset? ParseSavedAt(string text) =>
        Rfc3339Utc().IsMatch(text) && Rfc3339.TryParse(text, out var instant) ? instant : null;

    private static RunResult? ReadResult(JsonNode node)
    {
        var r = node.Object("the result", "outcome", "steps", "bounces", "beta0", "beta1", "cost", "gap", "score", "stars");
        if (r is null)
        {
            return null;
        }

        Outcome? outcome = null;
        if (!r.TryGetValue("outcome", out var outcomeNode))
        {
            node.Error("missing required key \"outcome\"");
        }
        else if (outcomeNode.String("the outcome") is { } text)
        {
            outcome = OutcomeNames.Parse(text);
            if (outcome is null)
            {
                outcomeNode.Error($"expected \"reached\", \"diverged\" or \"out-of-steps\", found \"{Excerpt.Of(text)}\"");
            }
        }

        var steps = RequiredInteger(node, r, "steps", "the step count");
        var bounces = RequiredInteger(node, r, "bounces", "the bounce count");
        var beta0 = RequiredNumber(node, r, "beta0", "the final β0");
        var beta1 = RequiredNumber(node, r, "beta1", "the final β1");
        var cost = RequiredNumber(node, r, "cost", "the final J");
        var gap = RequiredNumber(node, r, "gap", "the final gap");
        var score = RequiredInteger(node, r, "score", "the score");
        var stars = RequiredInteger(node, r, "stars", "the stars");
        foreach (var (key, value) in new[] { ("steps", steps), ("bounces", bounces), ("stars", stars) })
        {
            if (value is < 0 or > int.MaxValue)
            {
                r[key].Error($"expected a whole number from 0 to {int.MaxValue}");
                return null;
            }
        }

        return outcome is null || steps is null || bounces is null || beta0 is null || beta1 is null || cost is null || gap is null || score is null || stars is null
            ? null
            : new RunResult(outcome.Value, (int)steps, (int)bounces, beta0.Value, beta1.Value, cost.Value, gap.Value, score.Value, (int)stars);
    }

    private static string? RequiredString(JsonNode parent, Dictionary<string, JsonNode> m, string key, string what)
    {
        if (m.TryGetValue(key, out var node))
        {
            return node.String(what);
        }

        parent.Error($"missing required key \"{key}\" ({what})");
        return null;
    }

    private static double? RequiredNumber(JsonNode parent, Dictionary<string, JsonNode> m, string key, string what)
    {
        if (m.TryGetValue(key, out var node))
        {
            return node.NumberOrNonFinite(what);
        }

        parent.Error($"missing required key \"{key}\" ({what})");
        return null;
    }

    private static long? RequiredInteger(JsonNode parent, Dictionary<string, JsonNode> m, string key, string what)
    {
        if (m.TryGetValue(key, out var node))
        {
            return node.Integer(what);
        }

        parent.Error($"missing required key \"{key}\" ({what})");
        return null;
    }

    // \z, not $: in .NET '$' also matches before a final "\n"; and [0-9], not \d, which matches every Unicode digit.
    [GeneratedRegex("^[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex HexHash();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|\+00:00)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339Utc();
}
