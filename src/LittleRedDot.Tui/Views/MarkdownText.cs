using LittleRedDot.Tui.Theming;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Reads the Markdown of a story, a hint or a credit (RULES.md §6: "Markdown allowed") into text a terminal
/// shows readably: the markers go, **strong** and headings take the title ink, *emphasis* and `code` inks of
/// their own, paragraphs stay apart and list items keep a bullet. Every run is escaped after parsing, so that
/// neither a raw control character nor one written as an entity (&amp;#27;) reaches the terminal.
/// </summary>
public static class MarkdownText
{
    private const int ListIndent = 2;

    public static RichText Parse(string? markdown, bool unicode = true)
    {
        var blocks = new List<RichBlock>();
        if (!string.IsNullOrWhiteSpace(markdown))
        {
            AddBlocks(Markdig.Markdown.Parse(markdown), 0, unicode, blocks, separate: true);
        }

        return new RichText(blocks);
    }

    private static void AddBlocks(ContainerBlock container, int indent, bool unicode, List<RichBlock> blocks, bool separate)
    {
        foreach (var block in container)
        {
            if (separate && blocks.Count > 0 && !blocks[^1].IsBlank)
            {
                blocks.Add(RichBlock.Blank);
            }

            switch (block)
            {
                case HeadingBlock heading:
                    blocks.Add(new RichBlock(Runs(heading.Inline, Ink.Title), Indent: indent));
                    break;
                case ParagraphBlock paragraph:
                    blocks.Add(new RichBlock(Runs(paragraph.Inline, Ink.Normal), Indent: indent));
                    break;
                case ListBlock list:
                    AddList(list, indent, unicode, blocks);
                    break;
                case QuoteBlock quote:
                    AddBlocks(quote, indent + ListIndent, unicode, blocks, separate: false);
                    break;
                case LeafBlock leaf when leaf is CodeBlock or HtmlBlock:
                    // Code and raw HTML keep their lines as written; HTML is shown, never interpreted.
                    foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
                    {
                        blocks.Add(new RichBlock([new Segment(Safe(line.Slice.ToString()), leaf is CodeBlock ? Ink.Code : Ink.Normal)], Indent: indent + ListIndent));
                    }

                    break;
                case ThematicBreakBlock:
                    blocks.Add(new RichBlock([new Segment(new string(unicode ? '─' : '-', 12), Ink.Dim)], Indent: indent));
                    break;
                case ContainerBlock other:
                    AddBlocks(other, indent, unicode, blocks, separate: false);
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddList(ListBlock list, int indent, bool unicode, List<RichBlock> blocks)
    {
        var number = int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : unicode ? "• " : "- ";
            var itemIndent = indent + Math.Max(ListIndent, bullet.Length);
            var first = blocks.Count;
            AddBlocks(item, itemIndent, unicode, blocks, separate: list.IsLoose);
            if (first < blocks.Count && blocks[first].IsBlank)
            {
                first++;
            }

            if (first < blocks.Count)
            {
                blocks[first] = blocks[first] with { Lead = bullet };
            }
            else
            {
                blocks.Add(new RichBlock([], bullet, itemIndent));
            }
        }
    }

    private static List<Segment> Runs(ContainerInline? inline, Ink ink)
    {
        var runs = new List<Segment>();
        if (inline is not null)
        {
            AddRuns(inline, ink, runs);
        }

        return runs;
    }

    private static void AddRuns(ContainerInline container, Ink ink, List<Segment> runs)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Add(literal.Content.ToString(), ink);
                    break;
                case EmphasisInline emphasis:
                    // Strong wins over emphasis, and a heading's ink over both.
                    var inner = ink == Ink.Title ? Ink.Title : emphasis.DelimiterCount >= 2 ? Ink.Title : Ink.Emphasis;
                    AddRuns(emphasis, inner, runs);
                    break;
                case CodeInline code:
                    Add(code.Content, Ink.Code);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard)
                    {
                        runs.Add(new Segment("\n", ink));
                    }
                    else
                    {
                        Add(" ", ink);
                    }

                    break;
                case LinkInline link:
                    var before = runs.Count;
                    AddRuns(link, ink, runs);
                    var text = string.Concat(runs.Skip(before).Select(r => r.Text));
                    if (!link.IsImage && !string.IsNullOrEmpty(link.Url) && !string.Equals(text, link.Url, StringComparison.Ordinal))
                    {
                        Add($" ({link.Url})", Ink.Dim);
                    }

                    break;
                case AutolinkInline autolink:
                    Add(autolink.Url, ink);
                    break;
                case HtmlEntityInline entity:
                    Add(entity.Transcoded.ToString(), ink);
                    break;
                case HtmlInline html:
                    Add(html.Tag, ink);
                    break;
                case DelimiterInline delimiter:
                    // A bracket or star that opened nothing ("[31m" with no "]") is text as written.
                    Add(delimiter.ToLiteral(), ink);
                    AddRuns(delimiter, ink, runs);
                    break;
                case ContainerInline other:
                    AddRuns(other, ink, runs);
                    break;
                default:
                    Add(inline.ToString() ?? string.Empty, ink);
                    break;
            }
        }

        void Add(string text, Ink runInk)
        {
            if (text.Length > 0)
            {
                runs.Add(new Segment(Safe(text), runInk));
            }
        }
    }

    /// <summary>Text from a file on one line: a newline inside a run is a space (paragraphs are blocks); the drawing escapes the rest.</summary>
    private static string Safe(string text) => text.Replace('\n', ' ').Replace("\r", string.Empty, StringComparison.Ordinal);
}
