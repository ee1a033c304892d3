using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>A line of text made of runs in different inks.</summary>
public sealed class StyledLine
{
    private readonly List<Segment> segments = [];

    public StyledLine()
    {
    }

    public StyledLine(string text, Ink ink = Ink.Normal) => Add(text, ink);

    public IReadOnlyList<Segment> Segments => segments;

    public int Length => segments.Sum(s => s.Text.Length);

    public string Text => string.Concat(segments.Select(s => s.Text));

    public StyledLine Add(string text, Ink ink = Ink.Normal)
    {
        if (!string.IsNullOrEmpty(text))
        {
            segments.Add(new Segment(text, ink));
        }

        return this;
    }

    /// <summary>A key and what it does, as the key bars show them: "⏎ launch".</summary>
    public StyledLine Key(string key, string action)
    {
        if (segments.Count > 0 && !Text.EndsWith(' '))
        {
            Add("  ");
        }

        return Add(key, Ink.Key).Add(" " + action, Ink.Normal);
    }

    public override string ToString() => Text;
}
