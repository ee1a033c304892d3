namespace LittleRedDot.Tui.Views;

/// <summary>What a screen asks of the window that holds it.</summary>
public interface IGameHost
{
    /// <summary>
    /// Shows text over the screen until the player closes it; <paramref name="more"/>, when given, is one more key the
    /// box takes and names in its footer (it closes the box, then acts).
    /// </summary>
    void ShowText(string title, RichText text, PopupKey? more = null);

    /// <summary>Asks for a line of text over the screen; <paramref name="accept"/> returns why an answer is refused, or null to close.</summary>
    void Ask(string title, string question, string? suggestion, Func<string, string?> accept);

    /// <summary>Leaves the level for the level list.</summary>
    void BackToChooser();

    /// <summary>Opens the level after the current one in its pack, if there is one.</summary>
    void OpenNextLevel();
}
