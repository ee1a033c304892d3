namespace LittleRedDot.Tui.Theming;

/// <summary>What a cell shows, in the game's words; the <see cref="Theme"/> turns it into colours or text styles.</summary>
public enum Ink
{
    Normal,
    Dim,
    Title,
    Key,
    Dot,
    Data,
    Line,
    Path,
    Ghost,
    Floor,
    Start,
    Minimum,
    Good,
    Bad,
    Warn,
    Axis,
    Selected,
    Star,

    /// <summary>Markdown's *emphasis* in a story or hint.</summary>
    Emphasis,

    /// <summary>Markdown's `code` in a story or hint.</summary>
    Code,
}
