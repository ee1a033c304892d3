using LittleRedDot.Tui.Presentation;

namespace LittleRedDot.Tui.Views;

/// <summary>What the level list asks of the window that holds it.</summary>
public interface IChooserHost
{
    /// <summary>Opens a level (Enter on the list).</summary>
    void OpenLevel(LevelEntry level);

    /// <summary>Asks for the player's name (P).</summary>
    void EditPlayer();

    /// <summary>Asks for the runs folder (R).</summary>
    void EditRunsFolder();

    /// <summary>Opens the leaderboard of the runs folder (B).</summary>
    void OpenBoard();

    /// <summary>Quits the game (Esc twice).</summary>
    void QuitGame();
}
