using System.Drawing;
using LittleRedDot.Content;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The base of the game's views: each draws itself whole from its presenter's state, in the theme's
/// inks, with frames of its own (so that an ASCII terminal gets ASCII frames too).
/// </summary>
public abstract class GameView : View
{
    protected GameView(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        Theme = theme;
        SetScheme(theme.Scheme);
    }

    protected Theme Theme { get; }

    protected GlyphSet Glyphs => Theme.Glyphs;

    /// <summary>
    /// The texts the last draw cut (lost a visible character at an edge, a width or under other text, or rows past the
    /// bottom that nothing says are there): a test reads it to find meaning cut at a screen size (issue 11).
    /// </summary>
    public IReadOnlyList<string> Cuts => cuts;

    private readonly List<string> cuts = [];

    protected sealed override bool OnDrawingContent(DrawContext? context)
    {
        cuts.Clear();
        Draw(Viewport.Width, Viewport.Height);
        return true;
    }

    /// <summary>Draws every cell of the view's viewport.</summary>
    protected abstract void Draw(int width, int height);

    /// <summary>
    /// Copies a canvas onto the view. Only cells that differ from what the screen already holds are written —
    /// an animation frame changes a few dozen cells of thousands, and writing a cell is what costs — and each
    /// run of changed cells in one attribute is written at once.
    /// </summary>
    protected void Blit(CellCanvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        cuts.AddRange(canvas.Cuts);
        var unicode = Glyphs.Unicode;
        var screen = App?.Driver?.Contents;
        var origin = ViewportToScreen(Point.Empty);
        var run = new System.Text.StringBuilder(canvas.Width);
        for (var y = 0; y < canvas.Height; y++)
        {
            var x = 0;
            while (x < canvas.Width)
            {
                var glyph = unicode ? canvas.GlyphAt(x, y) : AsciiText.Of(canvas.GlyphAt(x, y));
                var attribute = AttributeOf(canvas.InkAt(x, y), canvas.ShadeAt(x, y));
                if (Shows(screen, origin.X + x, origin.Y + y, glyph, attribute))
                {
                    x++;
                    continue;
                }

                var start = x;
                run.Clear();
                while (x < canvas.Width)
                {
                    var g = unicode ? canvas.GlyphAt(x, y) : AsciiText.Of(canvas.GlyphAt(x, y));
                    if (AttributeOf(canvas.InkAt(x, y), canvas.ShadeAt(x, y)) != attribute || Shows(screen, origin.X + x, origin.Y + y, g, attribute))
                    {
                        break;
                    }

                    run.Append(g);
                    x++;
                }

                SetAttribute(attribute);
                AddStr(start, y, run.ToString());
            }
        }
    }

    /// <summary>The view paints every cell itself (Blit compares against the screen), so Terminal.Gui need not clear it first.</summary>
    protected override bool OnClearingViewport() => true;

    /// <summary>
    /// Writes styled lines into a rectangle, each clipped to its width and padded with blanks. With CellCanvas.Text, one
    /// of the Tui's two drawing primitives: control and format characters become visible \u escapes here (RULES.md §8).
    /// </summary>
    protected void WriteLines(int left, int top, int width, int height, IReadOnlyList<StyledLine> lines, int skip = 0)
    {
        ArgumentNullException.ThrowIfNull(lines);
        for (var row = 0; row < height; row++)
        {
            var index = row + skip;
            var used = 0;
            if (index >= 0 && index < lines.Count)
            {
                foreach (var segment in lines[index].Segments)
                {
                    if (used >= width)
                    {
                        break;
                    }

                    var safe = TextSafety.Escape(segment.Text);
                    var text = CellCanvas.Cut(safe, width - used);
                    if (!string.IsNullOrWhiteSpace(safe[text.Length..]))
                    {
                        cuts.Add(safe);
                    }

                    SetAttribute(Theme[segment.Ink]);
                    AddStr(left + used, top + row, Glyphs.Unicode ? text : AsciiText.Of(text));
                    used += text.Length;
                }
            }

            if (used < width)
            {
                SetAttribute(Theme[Ink.Normal]);
                AddStr(left + used, top + row, new string(' ', width - used));
            }
        }
    }

    /// <summary>Notes text the view could not show whole (rows below its bottom) for <see cref="Cuts"/>.</summary>
    protected void ReportCut(string text) => cuts.Add(text);

    /// <summary>Whether the screen cell already shows this glyph in this attribute.</summary>
    private static bool Shows(Cell[,]? screen, int column, int row, char glyph, Attribute attribute)
    {
        if (screen is null || row < 0 || column < 0 || row >= screen.GetLength(0) || column >= screen.GetLength(1))
        {
            return false;
        }

        var cell = screen[row, column];
        return cell.Grapheme is { Length: 1 } g && g[0] == glyph && cell.Attribute == attribute;
    }

    private Attribute AttributeOf(Ink ink, int shade)
    {
        if (shade < 0)
        {
            return Theme[ink];
        }

        var background = Theme.Shade(shade);
        var foreground = ink == Ink.Normal ? background : Theme[ink];
        return new Attribute(foreground.Foreground, background.Background, foreground.Style);
    }
}
