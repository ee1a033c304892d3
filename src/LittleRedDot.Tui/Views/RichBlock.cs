namespace LittleRedDot.Tui.Views;

/// <summary>
/// A paragraph of styled text: its runs (a run "\n" breaks the line), a lead written before its first line
/// (a list bullet) and the indent of every line, lead included. A block without runs is a blank line.
/// </summary>
public sealed record RichBlock(IReadOnlyList<Segment> Runs, string Lead = "", int Indent = 0)
{
    public static RichBlock Blank { get; } = new([]);

    public bool IsBlank => Runs.Count == 0 && Lead.Length == 0;
}
