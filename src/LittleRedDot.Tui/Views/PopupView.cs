using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Text shown over a screen — a story, a hint, the help — until the player closes it with Enter, Esc or
/// Space. The text is styled (a story's Markdown) and wrapped to the popup; long text scrolls with the
/// arrow and page keys. While it is open it has the focus, so the screen below gets no keys — except one
/// <see cref="PopupKey"/> the box may offer (H for the next hint), named in its footer: it closes the box, then acts.
/// </summary>
public sealed class PopupView : GameView
{
    private readonly RichText text;
    private readonly Action onClose;
    private readonly PopupKey? more;
    private int scroll;
    private int bodyRows;
    private int lineCount;

    public PopupView(Theme theme, string title, RichText text, Action onClose, PopupKey? more = null)
        : base(theme)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onClose);
        PopupTitle = title;
        this.text = text;
        this.onClose = onClose;
        this.more = more;
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

        if (more is { } extra && key.NoShift == extra.Key.NoShift)
        {
            onClose();
            extra.Act();
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
        // A blank column either side of the box (SideGap): text of the screen below would otherwise run up to the border
        // and read as part of it (a header's full stop showed as "┐.").
        canvas.Box(SideGap, 0, width - (2 * SideGap), height, PopupTitle, Glyphs, Ink.Title, Ink.Title);
        Blit(canvas);
        var inner = Math.Max(1, width - 4 - (2 * SideGap));
        var lines = text.Lines(inner);
        lineCount = lines.Count;
        bodyRows = Math.Max(1, height - 4);
        scroll = Math.Clamp(scroll, 0, Math.Max(0, lineCount - bodyRows));
        WriteLines(2 + SideGap, 1, inner, bodyRows, lines, scroll);
        var footer = new StyledLine().Key(Glyphs.Unicode ? "⏎" : "Enter", "close");
        if (more is { } extra)
        {
            footer.Key(extra.Label, extra.Does);
        }

        if (lineCount > bodyRows)
        {
            footer.Key(Glyphs.Unicode ? "↑↓" : "Up/Dn", $"scroll ({scroll + 1}-{Math.Min(scroll + bodyRows, lineCount)} of {lineCount})");
        }

        WriteLines(2 + SideGap, height - 2, inner, 1, [footer]);
    }

    /// <summary>Blank columns on each side of the box, so that the screen's text below never touches its border.</summary>
    private const int SideGap = 1;

    /// <summary>The box's width: up to 76 columns, and 2 less than the screen so the margins fit beside it.</summary>
    private int BoxWidth() => Math.Min(Math.Max((SuperView?.Viewport.Width ?? 80) - 4, 20), 76);

    private int PreferredWidth() => BoxWidth() + (2 * SideGap);

    private int PreferredHeight(int screenHeight)
    {
        var width = BoxWidth() - 4;
        var wanted = text.Lines(width).Count + 4;
        return Math.Max(5, Math.Min(wanted, screenHeight - 2));
    }
}

/// <summary>One more key a <see cref="PopupView"/> takes besides closing and scrolling: the key, its label in the footer, what it does there, and the action.</summary>
/// <param name="Key">The key; Shift is ignored, so h and H both work.</param>
/// <param name="Label">How the footer names the key ("H").</param>
/// <param name="Does">What the footer says it does ("next hint").</param>
/// <param name="Act">Runs after the box has closed.</param>
public sealed record PopupKey(Key Key, string Label, string Does, Action Act);
