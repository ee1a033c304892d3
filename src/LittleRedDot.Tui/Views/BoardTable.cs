using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Content.Board;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// The leaderboard as a table that fits its width: rank, player, total score, stars and bounces, then one
/// column per level headed L1, L2, … (a legend names them). When the levels do not all fit, the table shows
/// as many as it can from <c>firstLevel</c> on, and says which; the player column takes what is left.
/// </summary>
public sealed class BoardTable
{
    /// <summary>A level's best score is at most 10000 (RULES.md §4): five digits.</summary>
    public const int LevelWidth = 5;

    public const int MinPlayerWidth = 10;

    /// <summary>A player name has at most 40 characters (RULES.md §7); a wide screen shows it whole.</summary>
    public const int MaxPlayerWidth = 40;

    private const int ScoreWidth = 6;
    private const int StarsWidth = 5;
    private const int BouncesWidth = 7;

    private readonly GlyphSet glyphs;
    private readonly int rankWidth;
    private readonly int playerWidth;
    private readonly int scoreWidth;
    private readonly int starsWidth;
    private readonly int bouncesWidth;
    private readonly int levelWidth;

    public BoardTable(BoardSnapshot board, int width, int firstLevel, GlyphSet glyphs)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(glyphs);
        this.glyphs = glyphs;
        Board = board;
        Total = board.LevelIds.Count;
        // Each number column as wide as its widest number, at least its usual width: a room's board is its own to
        // write, and a score of 2^63 - 1 pushed every column after it out of line (attacker round 5).
        int Widest(int usual, Func<BoardRow, IEnumerable<long>> numbers) =>
            Math.Max(usual, board.Players.SelectMany(numbers).Select(n => I(n).Length).DefaultIfEmpty(0).Max());
        rankWidth = Widest(Math.Max(2, I(board.Players.Count).Length), p => [p.Rank]);
        scoreWidth = Widest(ScoreWidth, p => [p.Score]);
        starsWidth = Widest(StarsWidth, p => [p.Stars]);
        bouncesWidth = Widest(BouncesWidth, p => [p.Bounces]);
        levelWidth = Widest(LevelWidth, p => p.Levels.Values);
        var fixedWidth = 1 + rankWidth + 1 + 1 + scoreWidth + 1 + starsWidth + 1 + bouncesWidth;
        var fits = Math.Max(0, (width - fixedWidth - MinPlayerWidth) / (levelWidth + 1));
        Shown = Math.Min(fits, Total);
        FirstLevel = Math.Clamp(firstLevel, 0, Math.Max(0, Total - Shown));
        // Names measured as they are drawn: escaped (U+2028 is six cells, "\u2028") and in cells (a wide character is two).
        var wanted = Math.Max("player".Length, board.Players.Count == 0 ? 0 : board.Players.Max(p => CellCanvas.Span(TextSafety.Escape(p.Player))));
        playerWidth = Math.Clamp(Math.Min(wanted, width - fixedWidth - (Shown * (levelWidth + 1))), Math.Min(MinPlayerWidth, Math.Max(1, width - fixedWidth)), MaxPlayerWidth);
    }

    public BoardSnapshot Board { get; }

    /// <summary>The first level column shown (0-based).</summary>
    public int FirstLevel { get; }

    /// <summary>How many level columns are shown.</summary>
    public int Shown { get; }

    /// <summary>How many levels the pack has.</summary>
    public int Total { get; }

    /// <summary>Whether some level columns did not fit.</summary>
    public bool Clipped => Shown < Total;

    /// <summary>A level's column heading: L1 for the pack's first level.</summary>
    public static string LevelHeading(int index) => "L" + (index + 1).ToString(CultureInfo.InvariantCulture);

    public StyledLine Header()
    {
        var line = new StyledLine(" " + "#".PadLeft(rankWidth) + " " + Padded("player"), Ink.Dim)
            .Add(" " + "score".PadLeft(scoreWidth) + " " + "stars".PadLeft(starsWidth) + " " + "bounces".PadLeft(bouncesWidth), Ink.Dim);
        for (var i = FirstLevel; i < FirstLevel + Shown; i++)
        {
            line.Add(" " + LevelHeading(i).PadLeft(levelWidth), Ink.Dim);
        }

        return line;
    }

    /// <summary>One row per ranked player; <paramref name="me"/>'s row stands out.</summary>
    public IReadOnlyList<StyledLine> Rows(string? me)
    {
        var rows = new List<StyledLine>();
        foreach (var p in Board.Players)
        {
            var mine = me is not null && string.Equals(p.Player, me, StringComparison.Ordinal);
            var ink = mine ? Ink.Title : Ink.Normal;
            var name = Padded(p.Player);
            var line = new StyledLine(mine ? glyphs.Pointer.ToString() : " ", Ink.Key)
                .Add(I(p.Rank).PadLeft(rankWidth), p.Rank <= 3 ? Ink.Star : ink)
                .Add(" " + name, ink)
                .Add(" " + I(p.Score).PadLeft(scoreWidth), ink)
                .Add(" " + I(p.Stars).PadLeft(starsWidth), Ink.Star)
                .Add(" " + I(p.Bounces).PadLeft(bouncesWidth), ink);
            for (var i = FirstLevel; i < FirstLevel + Shown; i++)
            {
                line = p.Levels.TryGetValue(Board.LevelIds[i], out var score)
                    ? line.Add(" " + I(score).PadLeft(levelWidth), ink)
                    : line.Add(" " + "-".PadLeft(levelWidth), Ink.Dim);
            }

            rows.Add(line);
        }

        return rows;
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text in the player column: fitted (escaped, cut with an ellipsis) and padded to its width in cells.</summary>
    private string Padded(string text)
    {
        var fitted = CellCanvas.Fit(text, playerWidth, glyphs.Ellipsis);
        return fitted + new string(' ', Math.Max(0, playerWidth - CellCanvas.Span(fitted)));
    }
}
