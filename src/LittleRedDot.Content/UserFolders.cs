namespace LittleRedDot.Content;

/// <summary>
/// The user's folders for the game: XDG on Linux ($XDG_DATA_HOME, $XDG_CONFIG_HOME, $XDG_STATE_HOME with
/// their ~/.local/share, ~/.config, ~/.local/state defaults), the platform's own folders elsewhere.
/// Computed from the environment handed in, so tests can point them anywhere.
/// </summary>
public sealed class UserFolders(Func<string, string?> environment, string home)
{
    private const string AppName = "littlereddot";

    public static UserFolders ForCurrentUser() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Progress: the player's best runs per level.</summary>
    public string Data => Xdg("XDG_DATA_HOME", Path.Combine(".local", "share"), Environment.SpecialFolder.LocalApplicationData);

    /// <summary>Settings: player name, runs folder, last choices.</summary>
    public string Config => Xdg("XDG_CONFIG_HOME", ".config", Environment.SpecialFolder.ApplicationData);

    /// <summary>Logs.</summary>
    public string State => Xdg("XDG_STATE_HOME", Path.Combine(".local", "state"), Environment.SpecialFolder.LocalApplicationData, "logs");

    public string SettingsFile => Path.Combine(Config, "settings.json");

    public string LogFile => Path.Combine(State, AppName + ".log");

    private string Xdg(string variable, string fallback, Environment.SpecialFolder platformFolder, string? platformSub = null)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD())
        {
            var baseFolder = Path.Combine(Environment.GetFolderPath(platformFolder), "LittleRedDot");
            return platformSub is null ? baseFolder : Path.Combine(baseFolder, platformSub);
        }

        var value = environment(variable);
        var root = string.IsNullOrEmpty(value) || !Path.IsPathRooted(value) ? Path.Combine(home, fallback) : value;
        return Path.Combine(root, AppName);
    }
}
