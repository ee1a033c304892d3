namespace LittleRedDot.Content;

/// <summary>
/// The account running the program: its name (the player name suggested when there is none yet, and the
/// command line's default player) and its home folder (what a typed "~/" stands for). Read from the
/// environment once, where the program starts, and handed in — so the game never asks the environment
/// itself and tests can be anyone, anywhere.
/// </summary>
public sealed record UserAccount(string Name, string Home)
{
    /// <summary>The current process's user name and home folder.</summary>
    public static UserAccount ForCurrentUser() =>
        new(Environment.UserName, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
