using System.Globalization;
using CsCheck;
using LittleRedDot.Content;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Text;
using LittleRedDot.TestSupport;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Text is fitted by grapheme clusters and terminal columns: a player name of emoji (RULES.md §7 allows 40 scalar
/// values) cut inside a surrogate pair crashed Terminal.Gui ("Only valid Unicode scalar values are allowed in a single
/// Grapheme cluster"), and a title of wide characters drew past its width.
/// </summary>
public sealed class CellCanvasFitTests
{
    // Pieces a name or title may hold: emoji (surrogate pairs, two columns), a ZWJ family (drawn with its joiners escaped), a
    // flag (two regional indicators), e + combining acute, CJK (one char, two columns), ASCII.
    private static readonly Gen<string> Piece = Gen.OneOf("😀", "👨‍👩‍👧", "🇫🇷", "e\u0301", "中", "a", " ", "é");

    [Fact]
    public void The_fitter_never_splits_a_cluster_and_never_exceeds_the_width()
    {
        Gen.Select(Piece.List[0, 40], Gen.Int[0, 30], Gen.OneOf("…", "..."), (pieces, width, ellipsis) => (Text: string.Concat(pieces), Width: width, Ellipsis: ellipsis))
            .Sample(c =>
            {
                var fitted = CellCanvas.Fit(c.Text, c.Width, c.Ellipsis);

                // Fit draws format characters (the ZWJ) as visible escapes (RULES.md §8), so the cut is in the escaped text.
                var shown = TextSafety.Escape(c.Text);
                var cut = fitted != shown && c.Width > c.Ellipsis.Length; // too narrow for the ellipsis: the text is cut bare
                Assert.True(!cut || fitted.EndsWith(c.Ellipsis, StringComparison.Ordinal), $"\"{fitted}\" was cut without its ellipsis");
                var kept = cut ? fitted[..^c.Ellipsis.Length] : fitted;

                // Oracle: .NET's extended grapheme cluster boundaries of the shown text; the kept part ends on one.
                var boundaries = StringInfo.ParseCombiningCharacters(shown).Append(shown.Length);
                Assert.True(Utf16Text.IsWellFormed(fitted), $"a lone surrogate in \"{fitted}\"");
                Assert.StartsWith(kept, shown, StringComparison.Ordinal);
                Assert.Contains(kept.Length, boundaries);
                Assert.InRange(fitted.GetColumns(), 0, Math.Max(0, c.Width));
                Assert.InRange(fitted.Length, 0, Math.Max(0, c.Width));
            });
    }

    [Fact]
    public void Text_at_the_canvas_edge_drops_a_pair_that_does_not_fit_whole()
    {
        var canvas = new CellCanvas();
        canvas.Reset(5, 1);

        canvas.Text(0, 0, "😀😀😀", Ink.Normal);

        // By hand: 2 + 2 columns fit in 5, the third emoji would leave its high surrogate in the last cell.
        Assert.Equal("😀😀 ", canvas.Row(0));
    }
}
