using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Text;

namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// A grid of cells drawn off screen — a glyph, its ink and an optional shade behind it — so that the
/// pictures can be made (and tested) without a terminal and copied to a view in one pass.
/// </summary>
public sealed class CellCanvas
{
    private char[] glyphs = [];
    private Ink[] inks = [];
    private sbyte[] shades = [];
    private bool[] written = [];
    private readonly List<string> cuts = [];

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>
    /// The texts drawn since <see cref="Reset"/> that lost a visible character: past the canvas edge or a segment's width,
    /// or under later text over them. Text shortened on purpose by <see cref="Fit"/> ends in its ellipsis and is not cut.
    /// </summary>
    public IReadOnlyList<string> Cuts => cuts;

    /// <summary>Makes the canvas this size (reusing its memory) and blank.</summary>
    public void Reset(int width, int height)
    {
        width = Math.Max(0, width);
        height = Math.Max(0, height);
        if (width * height != glyphs.Length)
        {
            glyphs = new char[width * height];
            inks = new Ink[width * height];
            shades = new sbyte[width * height];
            written = new bool[width * height];
        }

        Width = width;
        Height = height;
        Array.Fill(glyphs, ' ');
        Array.Fill(inks, Ink.Normal);
        Array.Fill(shades, (sbyte)-1);
        Array.Fill(written, false);
        cuts.Clear();
    }

    public bool Contains(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height;

    public char GlyphAt(int x, int y) => glyphs[(y * Width) + x];

    public Ink InkAt(int x, int y) => inks[(y * Width) + x];

    /// <summary>The shade band behind a cell, or −1 for none.</summary>
    public int ShadeAt(int x, int y) => shades[(y * Width) + x];

    public void Set(int x, int y, char glyph, Ink ink)
    {
        if (Contains(x, y))
        {
            glyphs[(y * Width) + x] = glyph;
            inks[(y * Width) + x] = ink;
        }
    }

    public void Shade(int x, int y, int band)
    {
        if (Contains(x, y))
        {
            shades[(y * Width) + x] = (sbyte)band;
        }
    }

    /// <summary>
    /// Writes text from (x, y) to the right, clipped at the canvas edge. One of the Tui's two drawing primitives (with
    /// GameView.WriteLines): text from a file may hold anything, so control and format characters are written as their
    /// visible \u escapes here, where it meets the screen (RULES.md §8, ARCHITECTURE.md).
    /// </summary>
    public void Text(int x, int y, string text, Ink ink)
    {
        ArgumentNullException.ThrowIfNull(text);
        var safe = TextSafety.Escape(text);

        // Clipped at the right edge between grapheme clusters: a surrogate half left in the last cell cannot be drawn.
        text = Cut(safe, Width - Math.Max(0, x));
        var cut = !string.IsNullOrWhiteSpace(safe[text.Length..]);
        for (var i = 0; i < text.Length; i++)
        {
            var visible = !char.IsWhiteSpace(text[i]);
            if (!Contains(x + i, y))
            {
                cut |= visible;
                continue;
            }

            var at = (y * Width) + x + i;
            cut |= visible && written[at] && !char.IsWhiteSpace(glyphs[at]) && glyphs[at] != text[i];
            written[at] |= visible;
            Set(x + i, y, text[i], ink);
        }

        if (cut)
        {
            cuts.Add(safe);
        }
    }

    /// <summary>Writes runs of text in their inks from (x, y), clipped at <paramref name="width"/> columns and the canvas edge.</summary>
    public void Segments(int x, int y, int width, IEnumerable<(string Text, Ink Ink)> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var used = 0;
        foreach (var (text, ink) in segments)
        {
            if (used >= width)
            {
                break;
            }

            var safe = TextSafety.Escape(text);
            var part = Cut(safe, width - used);
            if (!string.IsNullOrWhiteSpace(safe[part.Length..]))
            {
                cuts.Add(safe);
            }

            Text(x + used, y, part, ink);
            used += Span(part);
        }
    }

    /// <summary>Copies another canvas of the same size (a cached background) into this one.</summary>
    public void CopyFrom(CellCanvas other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Reset(other.Width, other.Height);
        other.glyphs.CopyTo(glyphs, 0);
        other.inks.CopyTo(inks, 0);
        other.shades.CopyTo(shades, 0);
        other.written.CopyTo(written, 0);
        cuts.AddRange(other.cuts);
    }

    /// <summary>A box with its title set into the top edge, like a panel.</summary>
    public void Box(int x, int y, int width, int height, string? title, GlyphSet glyphs, Ink ink = Ink.Axis, Ink titleInk = Ink.Title)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        if (width < 2 || height < 2)
        {
            return;
        }

        for (var i = 1; i < width - 1; i++)
        {
            Set(x + i, y, glyphs.Horizontal, ink);
            Set(x + i, y + height - 1, glyphs.Horizontal, ink);
        }

        for (var j = 1; j < height - 1; j++)
        {
            Set(x, y + j, glyphs.Vertical, ink);
            Set(x + width - 1, y + j, glyphs.Vertical, ink);
        }

        Set(x, y, glyphs.TopLeft, ink);
        Set(x + width - 1, y, glyphs.TopRight, ink);
        Set(x, y + height - 1, glyphs.BottomLeft, ink);
        Set(x + width - 1, y + height - 1, glyphs.BottomRight, ink);
        if (!string.IsNullOrEmpty(title) && width > 6)
        {
            Text(x + 2, y, " " + Fit(title, width - 6, glyphs.Ellipsis) + " ", titleInk);
        }
    }

    /// <summary>Text cut to a width, with an ellipsis where it was cut (only between grapheme clusters, see <see cref="Cut"/>).</summary>
    public static string Fit(string text, int width, string ellipsis = "…")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ellipsis);

        // Fitted as it will be drawn: control characters already as their visible escapes, so the escape does not
        // push the text past its width (over a panel's border) when it is drawn.
        text = TextSafety.Escape(text);
        return Span(text) <= width ? text : Span(ellipsis) >= width ? Cut(text, width) : Cut(text, width - Span(ellipsis)) + ellipsis;
    }

    /// <summary>
    /// The cells a piece of text takes: the larger of its terminal columns (Terminal.Gui's measure: wide characters
    /// two, combining marks none) and its UTF-16 length (the canvas holds one char a cell). Text measured so is
    /// drawn inside its width both on the canvas and on the screen.
    /// </summary>
    public static int Span(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Math.Max(text.Length, Math.Max(0, text.GetColumns()));
    }

    /// <summary>
    /// The longest start of <paramref name="text"/> that ends between two grapheme clusters (so never inside a
    /// surrogate pair, a ZWJ sequence or before a combining mark) and whose <see cref="Span"/> is at most
    /// <paramref name="width"/> cells; empty when the width is zero or less. The one place the Tui cuts text.
    /// </summary>
    public static string Cut(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Span(text) <= width)
        {
            return text;
        }

        var end = 0;
        var used = 0;
        var clusters = StringInfo.GetTextElementEnumerator(text);
        while (clusters.MoveNext())
        {
            var cells = Span(clusters.GetTextElement());
            if (used + cells > width)
            {
                break;
            }

            used += cells;
            end = clusters.ElementIndex + clusters.GetTextElement().Length;
        }

        return text[..end];
    }

    /// <summary>One row as text, for tests and for copying to the screen.</summary>
    public string Row(int y) => new(glyphs, y * Width, Width);

    public override string ToString() => string.Join("\n", Enumerable.Range(0, Height).Select(Row));
}
