using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>A framed panel of styled lines that its owner supplies fresh at each draw.</summary>
public class PanelView(Theme theme, Func<int, IReadOnlyList<StyledLine>> lines) : GameView(theme)
{
    private readonly Plotting.CellCanvas canvas = new();

    /// <summary>The frame's title; null for a panel without a frame.</summary>
    public string? PanelTitle { get; set; }

    public bool Framed { get; set; } = true;

    /// <summary>How many lines are scrolled off the top.</summary>
    public int Scroll { get; set; }

    /// <summary>The lines last drawn (for scrolling limits).</summary>
    public int LineCount { get; private set; }

    protected override void Draw(int width, int height)
    {
        var inset = Framed ? 2 : 0;
        var innerWidth = Math.Max(0, width - (2 * inset));
        var content = lines(innerWidth);
        LineCount = content.Count;
        canvas.Reset(width, height);
        if (Framed)
        {
            canvas.Box(0, 0, width, height, PanelTitle, Glyphs);
        }

        var top = Framed ? 1 : 0;
        var rows = Math.Max(0, height - (2 * top));
        for (var row = 0; row < rows && row + Scroll < content.Count; row++)
        {
            canvas.Segments(inset, top + row, innerWidth, content[row + Scroll].Segments.Select(s => (s.Text, s.Ink)));
        }

        Blit(canvas);
        var hidden = content.Skip(Scroll + rows).Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToList();
        if (hidden.Count > 0 && PanelTitle?.Contains("PgDn", StringComparison.Ordinal) != true)
        {
            // Rows past the bottom that the title does not point to are cut: a player never learns they are there.
            ReportCut(hidden[0].Text);
        }
    }
}
