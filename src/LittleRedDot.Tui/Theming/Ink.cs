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
}
