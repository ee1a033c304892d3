namespace LittleRedDot;

/// <summary>Where the log goes: a file in the user's state folder, never the screen.</summary>
public static class LogFiles
{
    /// <summary>$XDG_STATE_HOME/littlereddot (~/.local/state/littlereddot) on Linux; the local app-data folder elsewhere.</summary>
    public static string Folder
    {
        get
        {
            if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "LittleRedDot", "logs");
            }

            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
            {
                state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
            }

            return Path.Combine(state, "littlereddot");
        }
    }

    public static string File => Path.Combine(Folder, "littlereddot.log");
}
