using System.IO.Abstractions;
using LittleRedDot.Content;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Stories, hints and credits are Markdown (RULES.md §6): the markers go, the styles stay as inks, paragraphs
/// and bullets stay. The expected texts are the CommonMark reading of each input, written out by hand.
/// </summary>
public sealed class MarkdownTextTests
{
    [Fact]
    public void Strong_emphasis_and_code_lose_their_markers_and_keep_their_inks()
    {
        var text = MarkdownText.Parse("Start at **β1 = −5**, *past* the `floor`.");
        var line = Assert.Single(text.Lines(80));
        Assert.Equal("Start at β1 = −5, past the floor.", line.Text);
        Assert.Contains(new Segment("β1", Ink.Title), line.Segments);
        Assert.Contains(new Segment("past", Ink.Emphasis), line.Segments);
        Assert.Contains(new Segment("floor", Ink.Code), line.Segments);
    }

    [Fact]
    public void Paragraphs_stay_apart_and_a_single_newline_is_a_space()
    {
        // CommonMark: a blank line ends a paragraph; a lone newline inside one is a soft break.
        var lines = MarkdownText.Parse("one\ntwo\n\nthree").Lines(80).Select(l => l.Text).ToArray();
        Assert.Equal(["one two", string.Empty, "three"], lines);
    }

    [Fact]
    public void Headings_take_the_title_ink_and_lists_keep_their_bullets()
    {
        var lines = MarkdownText.Parse("# The valley\n\n- one\n- two\n\n1. first\n2. second").Lines(80);
        Assert.Equal(["The valley", string.Empty, "• one", "• two", string.Empty, "1. first", "2. second"], lines.Select(l => l.Text).ToArray());
        Assert.All(lines[0].Segments.Where(s => s.Text != " "), s => Assert.Equal(Ink.Title, s.Ink));
        Assert.Equal(["- one", "- two"], MarkdownText.Parse("- one\n- two", unicode: false).Lines(80).Select(l => l.Text).ToArray());
    }

    [Fact]
    public void A_long_list_item_wraps_under_its_first_word()
    {
        // Width 12: "• " then 10 columns; the item's second line hangs two columns in, under "alpha".
        var lines = MarkdownText.Parse("- alpha beta gamma delta").Lines(12).Select(l => l.Text).ToArray();
        Assert.Equal(["• alpha beta", "  gamma", "  delta"], lines);
    }

    [Fact]
    public void A_word_in_two_inks_is_not_split_by_the_wrap()
    {
        // "**β1**," is one word of three columns: it moves to the next line whole, its comma with it.
        var lines = MarkdownText.Parse("aaaa bb **β1**, c").Lines(9).Select(l => l.Text).ToArray();
        Assert.Equal(["aaaa bb", "β1, c"], lines);
    }

    [Fact]
    public void Control_characters_raw_or_written_as_entities_reach_the_drawing_as_the_same_character()
    {
        // ESC raw, and as the HTML entity &#27; (which a Markdown reader decodes): both arrive as ESC, so the one escape
        // where text is drawn (CellCanvas.Text, GameView.WriteLines) shows both as a visible \u001B (GhostTests checks the screen).
        var text = MarkdownText.Parse("a \u001b[31mred\u001b[0m and &#27;[2J").PlainText;
        Assert.Equal("a \u001b[31mred\u001b[0m and \u001b[2J", text);
        Assert.Equal("a \\u001B[31mred\\u001B[0m and \\u001B[2J", TextSafety.Escape(text));
    }

    [Fact]
    public void Plain_text_is_not_read_as_markdown()
    {
        // A file name in an error may hold underscores and stars: shown as written.
        Assert.Equal("my_level_file *.json", RichText.Plain("my_level_file *.json").PlainText);
    }

    [Fact]
    public void No_shipped_story_hint_or_credit_shows_a_markdown_marker()
    {
        // The shipped levels (levels/ of this repository) use **…** and *…*; read as Markdown, none is left.
        var root = TestLevels.ShippedLevels();
        var loader = new LevelLibrary(new FileSystem(), root).Loader;
        var texts = Directory.GetFiles(root, "*.level.json", SearchOption.AllDirectories)
            .Select(f => loader.ReadSpec(f))
            .SelectMany(s => new[] { s.Story, s.Credits }.Concat(s.Hints))
            .Where(t => !string.IsNullOrEmpty(t))
            .ToArray();
        Assert.Contains(texts, t => t!.Contains("**", StringComparison.Ordinal)); // the test reads Markdown that is really there
        foreach (var shown in texts.Select(t => MarkdownText.Parse(t).PlainText))
        {
            Assert.DoesNotContain("**", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("`", shown, StringComparison.Ordinal);
        }
    }
}
