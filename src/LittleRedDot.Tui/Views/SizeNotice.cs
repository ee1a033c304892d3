using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>Fills a terminal too small for the game with a plain request to make it bigger.</summary>
public sealed class SizeNotice(Theme theme, int minWidth, int minHeight) : GameView(theme)
{
    protected override void Draw(int width, int height)
    {
        var lines = new List<StyledLine>();
        foreach (var text in RichText.Wrap($"Please make the window bigger: the game needs at least {minWidth}×{minHeight}; this one is {width}×{height}. Ctrl+Q quits.", Math.Max(1, width - 2)))
        {
            lines.Add(new StyledLine(text, Ink.Warn));
        }

        var top = Math.Max(0, (height - lines.Count) / 2);
        WriteLines(1, 0, Math.Max(0, width - 1), height, [.. Enumerable.Repeat(new StyledLine(), top), .. lines]);
    }
}
