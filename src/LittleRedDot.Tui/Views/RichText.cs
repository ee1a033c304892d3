using System.Globalization;
using System.Text;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Text;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Text for a popup or a panel, made of paragraphs of styled runs (a story or a hint read from Markdown,
/// or plain text), and word-wrapped to a width when drawn: list items hang under their bullet. This is the
/// game's one word wrapper; it measures in terminal columns as Terminal.Gui's <see cref="TextFormatter"/>
/// does, so a CJK character or an emoji takes the two columns the terminal gives it.
/// </summary>
public sealed class RichText
{
    public RichText(IReadOnlyList<RichBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        Blocks = blocks;
    }

    public IReadOnlyList<RichBlock> Blocks { get; }

    /// <summary>The words without their styles, lines joined by newlines (for tests and logs).</summary>
    public string PlainText => string.Join("\n", Blocks.Select(b => b.Lead + string.Concat(b.Runs.Select(r => r.Text))));

    /// <summary>Plain text: each line a paragraph, an empty line a blank one; nothing in it is read as Markdown.</summary>
    public static RichText Plain(string text, Ink ink = Ink.Normal)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Length == 0 ? RichBlock.Blank : new RichBlock([new Segment(line, ink)]))
            .ToArray();
        return new RichText(blocks);
    }

    /// <summary>This text, a blank line, then <paramref name="next"/>; an empty side adds nothing.</summary>
    public RichText Then(RichText next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Blocks.Count == 0)
        {
            return next;
        }

        return next.Blocks.Count == 0 ? this : new RichText([.. Blocks, RichBlock.Blank, .. next.Blocks]);
    }

    /// <summary>The text with <paramref name="run"/> put before its first word ("Data: "); an empty text stays empty.</summary>
    public RichText Prefixed(Segment run)
    {
        if (Blocks.Count == 0)
        {
            return this;
        }

        var first = Blocks[0] with { Runs = [run, .. Blocks[0].Runs] };
        return new RichText([first, .. Blocks.Skip(1)]);
    }

    /// <summary>
    /// Plain text wrapped to <paramref name="width"/> columns, one string a line: each line of the text a
    /// paragraph, words kept whole unless longer than a line. Nothing (no lines) for null or empty text.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string? text, int width) =>
        string.IsNullOrEmpty(text) ? [] : Plain(text).Lines(width).Select(l => l.Text).ToArray();

    /// <summary>The text wrapped to <paramref name="width"/> columns: words (which a no-break space joins) kept whole unless longer than a line.</summary>
    public IReadOnlyList<StyledLine> Lines(int width)
    {
        var lines = new List<StyledLine>();
        if (width <= 0)
        {
            return lines;
        }

        foreach (var block in Blocks)
        {
            if (block.IsBlank)
            {
                lines.Add(new StyledLine());
                continue;
            }

            Wrap(block, width, lines);
        }

        return lines;
    }

    private static void Wrap(RichBlock block, int width, List<StyledLine> lines)
    {
        // Too narrow to indent: the block starts at the left edge rather than not at all.
        var indent = block.Indent < width - 4 ? block.Indent : 0;
        var room = width - indent;
        var margin = new string(' ', indent);
        var lead = block.Lead.Length > 0 ? margin[..Math.Max(0, indent - block.Lead.Length)] + block.Lead : margin;
        var line = new StyledLine(lead, Ink.Dim);
        var used = 0;
        var pendingSpace = false;
        foreach (var word in Words(block.Runs))
        {
            if (word is null)
            {
                lines.Add(line);
                line = new StyledLine(margin);
                used = 0;
                pendingSpace = false;
                continue;
            }

            if (word.Count == 0)
            {
                pendingSpace = used > 0;
                continue;
            }

            var length = word.Sum(p => Columns(p.Text));
            if (used > 0 && used + (pendingSpace ? 1 : 0) + length > room)
            {
                lines.Add(line);
                line = new StyledLine(margin);
                used = 0;
            }
            else if (pendingSpace && used > 0)
            {
                line.Add(" ");
                used++;
            }

            pendingSpace = false;
            foreach (var (text, ink) in word)
            {
                var rest = text;
                while (used + Columns(rest) > room)
                {
                    // A word longer than the line is cut where the line ends (a wide character that would
                    // straddle it goes to the next line; on an empty line one always goes, so the cut moves on).
                    var fits = CellCanvas.Cut(rest, room - used).Length;
                    if (fits == 0 && used == 0)
                    {
                        fits = StringInfo.GetNextTextElementLength(rest);
                    }

                    line.Add(rest[..fits], ink);
                    used += Columns(rest[..fits]);
                    rest = rest[fits..];
                    if (rest.Length == 0)
                    {
                        break;
                    }

                    lines.Add(line);
                    line = new StyledLine(margin);
                    used = 0;
                }

                line.Add(rest, ink);
                used += Columns(rest);
            }
        }

        lines.Add(line);
    }

    /// <summary>The cells a piece of text takes where it is drawn (CellCanvas.Span: wide characters two, combining marks none).</summary>
    private static int Columns(string text) => CellCanvas.Span(text);

    /// <summary>
    /// The runs as words, each a list of (text, ink) pieces — "**β1**," is one word in two inks; an empty
    /// word stands for a space, null for a line break.
    /// </summary>
    private static IEnumerable<List<(string Text, Ink Ink)>?> Words(IReadOnlyList<Segment> runs)
    {
        var word = new List<(string Text, Ink Ink)>();
        var piece = new StringBuilder();
        foreach (var run in runs)
        {
            if (run.Text == "\n")
            {
                Flush(run.Ink);
                if (word.Count > 0)
                {
                    yield return word;
                    word = [];
                }

                yield return null;
                continue;
            }

            foreach (var c in run.Text)
            {
                if (c is ' ' or '\n')
                {
                    Flush(run.Ink);
                    if (word.Count > 0)
                    {
                        yield return word;
                        word = [];
                    }

                    yield return [];
                }
                else
                {
                    piece.Append(c);
                }
            }

            Flush(run.Ink);
        }

        if (word.Count > 0)
        {
            yield return word;
        }

        void Flush(Ink ink)
        {
            if (piece.Length > 0)
            {
                // A no-break space holds a word together and is drawn as a plain space.
                word.Add((piece.ToString().Replace('\u00A0', ' '), ink));
                piece.Clear();
            }
        }
    }
}
