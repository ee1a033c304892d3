using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Asks for one line of text (the player's name, the runs folder). Enter offers it to <c>accept</c>,
/// which returns why it is refused or null to close; Esc cancels unless the answer is required.
/// </summary>
public sealed class PromptView : GameView
{
    private readonly string question;
    private readonly Func<string, string?> accept;
    private readonly Action onClose;
    private readonly bool required;
    private readonly TextField input;
    private string? refusal;

    public PromptView(Theme theme, string title, string question, string initial, bool required, Func<string, string?> accept, Action onClose)
        : base(theme)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(onClose);
        PromptTitle = title;
        this.question = question;
        this.accept = accept;
        this.onClose = onClose;
        this.required = required;
        CanFocus = true;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Func(_ => Math.Min(Math.Max((SuperView?.Viewport.Width ?? 80) - 4, 20), 70), null);
        Height = 8;
        input = new TextField { X = 2, Y = 3, Width = Dim.Fill(2), Text = initial };
        input.SetScheme(theme.Scheme);
        input.Accepting += (_, e) =>
        {
            e.Handled = true;
            Submit();
        };
        Add(input);
    }

    public string PromptTitle { get; }

    /// <summary>The text input, for tests that type into it.</summary>
    public TextField Field => input;

    /// <summary>Why the last answer was refused, if it was.</summary>
    public string? Refusal => refusal;

    public void Focus()
    {
        input.SetFocus();
        input.SelectAll();
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == Key.Esc)
        {
            if (!required)
            {
                onClose();
            }

            return true;
        }

        return base.OnKeyDown(key);
    }

    protected override void Draw(int width, int height)
    {
        var canvas = new CellCanvas();
        canvas.Reset(width, height);
        canvas.Box(0, 0, width, height, PromptTitle, Glyphs, Ink.Title, Ink.Title);
        Blit(canvas);
        var inner = Math.Max(1, width - 4);
        var lines = TextWrap.Wrap(question, inner).Take(2).Select(l => new StyledLine(l)).ToList();
        WriteLines(2, 1, inner, 2, lines);
        WriteLines(2, 4, inner, 1, refusal is null ? [] : [new StyledLine(refusal, Ink.Warn)]);
        var footer = new StyledLine().Key(Glyphs.Unicode ? "⏎" : "Enter", "keep");
        if (!required)
        {
            footer.Key("Esc", "cancel");
        }

        WriteLines(2, height - 2, inner, 1, [footer]);
    }

    private void Submit()
    {
        refusal = accept(input.Text ?? string.Empty);
        if (refusal is null)
        {
            onClose();
        }
        else
        {
            SetNeedsDraw();
        }
    }
}
