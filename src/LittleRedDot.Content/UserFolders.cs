namespace LittleRedDot.Content;

/// <summary>
/// The user's folders for the game: XDG on Linux ($XDG_DATA_HOME, $XDG_CONFIG_HOME, $XDG_STATE_HOME with
/// their ~/.local/share, ~/.config, ~/.local/state defaults), the platform's own folders elsewhere.
/// Computed from the environment handed in, so tests can point them anywhere. Never a relative path: as the XDG Base
/// Directory spec says, a relative XDG_* value is ignored, and so is a relative home; a folder that cannot be placed is
/// null (<see cref="NoHome"/> says why), and nothing is kept there rather than in the working folder. A folder need not
/// exist: writers create it, and report a failure to as any write failure.
/// </summary>
/// <param name="environment">Reads an environment variable (HOME, XDG_*_HOME); null when unset.</param>
/// <param name="profile">The platform's user profile folder (may be empty or relative: it is then not used).</param>
public sealed class UserFolders(Func<string, string?> environment, string? profile)
{
    private const string AppName = "littlereddot";

    /// <summary>Why a folder is null: said on stderr and in the game, and where something would have been kept.</summary>
    public const string NoHome = "no home folder: HOME is unset or not an absolute path (nor is XDG_CONFIG_HOME, XDG_DATA_HOME or XDG_STATE_HOME), so settings, progress, the outbox and the log are not kept; set HOME to an absolute path";

    public static UserFolders ForCurrentUser() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The home folder: $HOME when absolute (whether or not it exists yet), else the platform's profile when absolute, else null.</summary>
    public string? Home => Absolute(environment("HOME")) ?? Absolute(profile);

    /// <summary>Progress: the player's best runs per level; null without a home (<see cref="NoHome"/>).</summary>
    public string? Data => Xdg("XDG_DATA_HOME", Path.Combine(".local", "share"), Environment.SpecialFolder.LocalApplicationData);

    /// <summary>Settings: player name, runs folder, last choices; null without a home (<see cref="NoHome"/>).</summary>
    public string? Config => Xdg("XDG_CONFIG_HOME", ".config", Environment.SpecialFolder.ApplicationData);

    /// <summary>Logs; null without a home (<see cref="NoHome"/>).</summary>
    public string? State => Xdg("XDG_STATE_HOME", Path.Combine(".local", "state"), Environment.SpecialFolder.LocalApplicationData, "logs");

    /// <summary>True when any of the folders cannot be placed (<see cref="NoHome"/>).</summary>
    public bool Homeless => Data is null || Config is null || State is null;

    public string? SettingsFile => Config is { } config ? Path.Combine(config, "settings.json") : null;

    public string? LogFile => State is { } state ? Path.Combine(state, AppName + ".log") : null;

    private static string? Absolute(string? path) => !string.IsNullOrEmpty(path) && Path.IsPathFullyQualified(path) ? path : null;

    private string? Xdg(string variable, string fallback, Environment.SpecialFolder platformFolder, string? platformSub = null)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsFreeBSD())
        {
            var platform = Absolute(Environment.GetFolderPath(platformFolder));
            if (platform is null)
            {
                return null;
            }

            var baseFolder = Path.Combine(platform, "LittleRedDot");
            return platformSub is null ? baseFolder : Path.Combine(baseFolder, platformSub);
        }

        var root = Absolute(environment(variable)) ?? (Home is { } home ? Path.Combine(home, fallback) : null);
        return root is null ? null : Path.Combine(root, AppName);
    }
}
