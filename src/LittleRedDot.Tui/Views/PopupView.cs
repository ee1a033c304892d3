using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Text shown over a screen — a story, a hint, the help — until the player closes it with Enter, Esc or
/// Space. The text is styled (a story's Markdown) and wrapped to the popup; long text scrolls with the
/// arrow and page keys. While it is open it has the focus, so the screen below gets no keys.
/// </summary>
public sealed class PopupView : GameView
{
    private readonly RichText text;
    private readonly Action onClose;
    private int scroll;
    private int bodyRows;
    private int lineCount;

    public PopupView(Theme theme, string title, RichText text, Action onClose)
        : base(theme)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onClose);
        PopupTitle = title;
        this.text = text;
        this.onClose = onClose;
        CanFocus = true;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Func(_ => PreferredWidth(), null);
        Height = Dim.Func(_ => PreferredHeight(SuperView?.Viewport.Height ?? 24), null);
    }

    public string PopupTitle { get; }

    /// <summary>The words shown, without their styles.</summary>
    public string Body => text.PlainText;

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.Enter || key == Key.Esc || key == Key.Space)
        {
            onClose();
            return true;
        }

        var delta = key == Key.CursorDown ? 1 : key == Key.CursorUp ? -1 : key == Key.PageDown ? bodyRows : key == Key.PageUp ? -bodyRows : 0;
        if (delta != 0)
        {
            scroll = Math.Clamp(scroll + delta, 0, Math.Max(0, lineCount - bodyRows));
            SetNeedsDraw();
            return true;
        }

        // Keys meant for the screen below wait until the text is closed; Ctrl+Q and Ctrl+C go through to the window.
        return !key.IsCtrl;
    }

    protected override void Draw(int width, int height)
    {
        var canvas = new CellCanvas();
        canvas.Reset(width, height);
        canvas.Box(0, 0, width, height, PopupTitle, Glyphs, Ink.Title, Ink.Title);
        Blit(canvas);
        var inner = Math.Max(1, width - 4);
        var lines = text.Lines(inner);
        lineCount = lines.Count;
        bodyRows = Math.Max(1, height - 4);
        scroll = Math.Clamp(scroll, 0, Math.Max(0, lineCount - bodyRows));
        WriteLines(2, 1, inner, bodyRows, lines, scroll);
        var footer = new StyledLine().Key(Glyphs.Unicode ? "⏎" : "Enter", "close");
        if (lineCount > bodyRows)
        {
            footer.Key(Glyphs.Unicode ? "↑↓" : "Up/Dn", $"scroll ({scroll + 1}-{Math.Min(scroll + bodyRows, lineCount)} of {lineCount})");
        }

        WriteLines(2, height - 2, inner, 1, [footer]);
    }

    private int PreferredWidth() => Math.Min(Math.Max((SuperView?.Viewport.Width ?? 80) - 4, 20), 76);

    private int PreferredHeight(int screenHeight)
    {
        var width = PreferredWidth() - 4;
        var wanted = text.Lines(width).Count + 4;
        return Math.Max(5, Math.Min(wanted, screenHeight - 2));
    }
}
