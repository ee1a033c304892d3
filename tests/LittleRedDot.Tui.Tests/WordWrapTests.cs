using LittleRedDot.Tui.Views;
using Terminal.Gui.Text;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The one word wrapper (RichText): words kept whole, a word longer than a line cut, widths counted in
/// terminal columns. Oracles: the wrapped lines written out by hand; a character's columns as the terminal
/// draws it (East Asian Wide and emoji two columns, Unicode UAX #11), which Terminal.Gui's GetColumns gives.
/// </summary>
public sealed class WordWrapTests
{
    [Fact]
    public void Words_stay_whole_paragraphs_stay_apart_and_a_long_word_is_cut()
    {
        Assert.Equal(["the dot", "rolls", "", "abcdefg", "h"], RichText.Wrap("the dot rolls\n\nabcdefgh", 7));
        Assert.Equal(["abcde", "fgh"], RichText.Wrap("abcdefgh", 5));
        Assert.Empty(RichText.Wrap(null, 10));
        Assert.Empty(RichText.Wrap(string.Empty, 10));
        Assert.Empty(RichText.Wrap("text", 0));
    }

    [Fact]
    public void Wide_characters_count_two_columns()
    {
        // 谷 (valley) and 点 (dot) are East Asian Wide: "谷 点 谷" takes 2+1+2+1+2 = 8 columns, so at 5 columns
        // two words fit a line ("谷 点" = 5) and the third goes to the next.
        Assert.Equal(["谷 点", "谷"], RichText.Wrap("谷 点 谷", 5));

        // A word of four wide characters (8 columns) is cut at 5 columns after two of them (4 columns): a third
        // would straddle the edge.
        Assert.Equal(["谷谷", "谷谷"], RichText.Wrap("谷谷谷谷", 5));

        // An emoji outside the BMP (a surrogate pair, 2 columns) is never split in half.
        var lines = RichText.Wrap("🔴🔴🔴", 3);
        Assert.Equal(["🔴", "🔴", "🔴"], lines);
        Assert.All(lines, l => Assert.True(l.GetColumns() <= 3));
    }

    [Fact]
    public void A_wide_character_wider_than_the_line_still_moves_the_cut_on() =>
        Assert.Equal(["谷", "谷"], RichText.Wrap("谷谷", 1)); // 1 column: each goes alone rather than looping forever
}
