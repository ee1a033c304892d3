using System.Drawing;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Where the parts of the level screen go for a terminal size: a header row, the pictures, the choice
/// and run panels, a message row and the key bar. 80×24 gets everything; larger terminals get larger
/// pictures and, from 140 columns, the Learn panel beside them rather than in place of the data plot.
/// A message too long for one row (a room's refusal with its reason) gets a second row from the pictures.
/// </summary>
public sealed record LevelLayout(
    Rectangle Header,
    Rectangle Left,
    Rectangle Valley,
    Rectangle? Side,
    Rectangle Controls,
    Rectangle Live,
    Rectangle Message,
    Rectangle Keys)
{
    /// <summary>The width from which the Learn panel gets a column of its own.</summary>
    public const int WideWidth = 140;

    /// <summary>The most rows the message row takes.</summary>
    public const int MaxMessageRows = 2;

    public static LevelLayout For(Size size, bool learnBeside, int messageRows = 1)
    {
        messageRows = Math.Clamp(messageRows, 1, MaxMessageRows);
        var w = Math.Max(size.Width, 1);
        var h = Math.Max(size.Height, 1);
        var bottom = h >= 36 ? 8 : 6;
        var plotsTop = 1;
        var plotsHeight = Math.Max(h - plotsTop - bottom - 1 - messageRows, 3);
        var bottomTop = plotsTop + plotsHeight;
        Rectangle left, valley;
        Rectangle? side = null;
        if (learnBeside && w >= WideWidth)
        {
            var leftWidth = w * 3 / 10;
            var sideWidth = w * 3 / 10;
            left = new Rectangle(0, plotsTop, leftWidth, plotsHeight);
            side = new Rectangle(w - sideWidth, plotsTop, sideWidth, plotsHeight);
            valley = new Rectangle(leftWidth, plotsTop, w - leftWidth - sideWidth, plotsHeight);
        }
        else
        {
            var leftWidth = Math.Max(w * 45 / 100, Math.Min(w, 30));
            left = new Rectangle(0, plotsTop, leftWidth, plotsHeight);
            valley = new Rectangle(leftWidth, plotsTop, w - leftWidth, plotsHeight);
        }

        var controlsWidth = Math.Min(Math.Max(w / 2, Math.Min(w, 42)), w);
        return new LevelLayout(
            new Rectangle(0, 0, w, 1),
            left,
            valley,
            side,
            new Rectangle(0, bottomTop, controlsWidth, bottom),
            new Rectangle(controlsWidth, bottomTop, w - controlsWidth, bottom),
            new Rectangle(0, h - 1 - messageRows, w, messageRows),
            new Rectangle(0, h - 1, w, 1));
    }
}
