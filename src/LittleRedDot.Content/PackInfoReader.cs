namespace LittleRedDot.Content;

/// <summary>Reads pack.json strictly, like a level file.</summary>
public static class PackInfoReader
{
    /// <exception cref="ContentException">Not a pack.json of the expected form.</exception>
    public static PackInfo Read(ReadOnlySpan<byte> utf8, string path)
    {
        var errors = new ErrorSink(path);
        using var document = StrictJson.Parse(utf8, errors);
        errors.ThrowIfAny();
        var m = new JsonNode(document!.RootElement, "$", errors).Object("a pack description", "title", "description", "workshop", "predict");
        errors.ThrowIfAny();
        string? title = null, description = null;
        var workshop = false;
        var predict = false;
        if (m!.TryGetValue("title", out var t))
        {
            title = t.String("the pack title");
        }
        else
        {
            errors.Add("$", "missing required key \"title\"");
        }

        if (m.TryGetValue("description", out var d))
        {
            description = d.String("the pack description");
        }

        if (m.TryGetValue("workshop", out var w))
        {
            workshop = w.Boolean("whether the pack is a workshop pack") ?? false;
        }

        if (m.TryGetValue("predict", out var p))
        {
            predict = p.Boolean("whether the pack asks for a prediction before each launch") ?? false;
        }

        errors.ThrowIfAny();
        return new PackInfo(title!, description, workshop, predict);
    }
}
