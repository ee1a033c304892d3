namespace LittleRedDot.Tui.Views;

/// <summary>The value the player is typing, if any.</summary>
public enum EditTarget
{
    None,
    Alpha,
    Start0,
    Start1,
}
