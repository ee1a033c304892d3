namespace LittleRedDot.Tui.Views;

/// <summary>What a screen asks of the window that holds it.</summary>
public interface IGameHost
{
    /// <summary>Shows text over the screen until the player closes it.</summary>
    void ShowText(string title, RichText text);

    /// <summary>Leaves the level for the level list.</summary>
    void BackToChooser();

    /// <summary>Opens the level after the current one in its pack, if there is one.</summary>
    void OpenNextLevel();
}
