using System.Text;
using LittleRedDot.Content;
using LittleRedDot.Tui.Plotting;
using LittleRedDot.Tui.Theming;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LittleRedDot.Tui.Views;

/// <summary>
/// Asks for one line of text (the player's name, the runs folder, a run file). Enter offers it to
/// <c>accept</c>, which returns why it is refused or null to close; Esc cancels unless the answer is
/// required. The field starts empty, so typing never lands after a pre-filled answer; a suggested answer
/// (the current name) is shown below it and taken by Enter on an empty field. A control or format character or a line
/// or paragraph separator (<see cref="TextSafety.IsUnsafe"/>: a bidirectional override, a zero-width joiner, ESC, U+2028;
/// a name from a file may hold the separators, RULES.md §7, but a field drawn raw must not) is refused as it is typed or
/// pasted, and a note under the field names it: the field, which the terminal draws as it holds it, never holds one, and
/// nothing typed after it is lost (issue 14).
/// </summary>
public sealed class PromptView : GameView
{
    private readonly string question;
    private readonly Func<string, string?> accept;
    private readonly Action onClose;
    private readonly bool required;
    private readonly string? suggestion;
    private readonly TextField input;
    private string? refusal;
    private string? keptOut;

    /// <param name="theme">The game's theme.</param>
    /// <param name="title">The frame's title.</param>
    /// <param name="question">What is asked, in a line or two.</param>
    /// <param name="suggestion">What Enter on an empty field answers (null: an empty answer is offered as it is).</param>
    /// <param name="required">Whether Esc is refused (the game cannot go on without an answer).</param>
    /// <param name="accept">Takes an answer; returns why it is refused, or null to close.</param>
    /// <param name="onClose">Closes the prompt.</param>
    public PromptView(Theme theme, string title, string question, string? suggestion, bool required, Func<string, string?> accept, Action onClose)
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
        this.suggestion = string.IsNullOrEmpty(suggestion) ? null : suggestion;
        CanFocus = true;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Func(_ => PreferredWidth(), null);

        // The prompt grows to hold its whole question and a refusal in full (a path and its reason are long).
        Height = Dim.Func(_ => QuestionLines().Count + BelowLines().Count + 5, null);
        input = new TextField { X = 2, Y = Pos.Func(_ => 1 + QuestionLines().Count, null), Width = Dim.Fill(2), Text = string.Empty };
        input.SetScheme(theme.Scheme);
        input.KeyDown += (_, key) =>
        {
            // A key may type a whole grapheme cluster (a ZWJ emoji): its safe characters are typed, in order, and the rest noted.
            var typed = key.IsCtrl || key.IsAlt ? string.Empty : key.GetPrintableText();
            if (Unsafe(typed).FirstOrDefault() is { Value: not 0 } first)
            {
                key.Handled = true;
                input.InsertText(Safe(typed));
                KeepOut(first);
            }
        };
        input.TextChanging += (_, change) =>
        {
            // What reaches the field by another way (a paste) keeps its safe characters only.
            if (Unsafe(change.Result).FirstOrDefault() is { Value: not 0 } first)
            {
                change.Result = Safe(change.Result);
                KeepOut(first);
            }
        };
        input.TextChanged += (_, _) => SetNeedsDraw();
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

    /// <summary>What the field last kept out (a control or format character typed or pasted), said as its code point.</summary>
    public string? KeptOut => keptOut;

    /// <summary>Why the last answer was refused, if it was.</summary>
    public string? Refusal => refusal;

    /// <summary>What Enter on an empty field answers, if anything.</summary>
    public string? Suggestion => suggestion;

    public void Focus() => input.SetFocus();

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
        var questionLines = QuestionLines();
        WriteLines(2, 1, inner, questionLines.Count, questionLines.Select(l => new StyledLine(l)).ToList());
        var below = BelowLines();
        WriteLines(2, 2 + questionLines.Count, inner, below.Count, below);
        var footer = new StyledLine().Key(Enter, "keep");
        if (!required)
        {
            footer.Key("Esc", "cancel");
        }
        else
        {
            footer.Key("Ctrl+Q", "quit"); // Esc is refused here, though the key bar below still says "Esc quit"
        }

        WriteLines(2, height - 2, inner, 1, [footer]);
    }

    private string Enter => Glyphs.Unicode ? "⏎" : "Enter";

    private int PreferredWidth() => Math.Min(Math.Max((SuperView?.Viewport.Width ?? 80) - 4, 20), 70);

    private IReadOnlyList<string> QuestionLines() => RichText.Wrap(question, PreferredWidth() - 4).Take(4).ToArray();

    /// <summary>Under the field: why the answer was refused (up to three lines), or what Enter alone answers.</summary>
    private IReadOnlyList<StyledLine> BelowLines()
    {
        if (refusal is not null)
        {
            return RichText.Wrap(refusal, PreferredWidth() - 4).Take(3).Select(l => new StyledLine(l, Ink.Warn)).ToArray();
        }

        if (keptOut is not null)
        {
            return RichText.Wrap(keptOut, PreferredWidth() - 4).Take(3).Select(l => new StyledLine(l, Ink.Warn)).ToArray();
        }

        return suggestion is not null && string.IsNullOrEmpty(input.Text)
            ? [new StyledLine($"{Enter} alone keeps ", Ink.Dim).Add(suggestion, Ink.Title)]
            : [new StyledLine()];
    }

    /// <summary>
    /// The characters of <paramref name="text"/> the field must not hold. C0 controls and DEL are left to the field: they
    /// come from keys it acts on (Enter, Backspace, Tab, Esc) and it never inserts them.
    /// </summary>
    private static IEnumerable<Rune> Unsafe(string? text) => (text ?? string.Empty).EnumerateRunes().Where(IsKeptOut);

    private static string Safe(string? text) => string.Concat((text ?? string.Empty).EnumerateRunes().Where(r => !IsKeptOut(r)).Select(r => r.ToString()));

    private static bool IsKeptOut(Rune rune) => rune.Value is >= 0x20 and not 0x7F && TextSafety.IsUnsafe(rune);

    private void KeepOut(Rune rune)
    {
        keptOut = $"U+{rune.Value:X4} was not typed: control, format and line-separator characters (a direction override, a joiner, U+2028) cannot be part of it";
        SetNeedsLayout();
        SetNeedsDraw();
    }

    private void Submit()
    {
        keptOut = null;
        var answer = input.Text ?? string.Empty;
        refusal = accept(answer.Length == 0 && suggestion is not null ? suggestion : answer);
        if (refusal is null)
        {
            onClose();
            return;
        }

        // The refused answer stays to be mended (the arrows edit it) but is selected, so typing a new one replaces it.
        input.SelectAll();
        SetNeedsLayout();
        SetNeedsDraw();
    }
}
