using System.Runtime.InteropServices;

namespace LittleRedDot.Tui.Lifecycle;

/// <summary>Ends the process with an exit code when its orderly shutdown is stuck (see <see cref="GameStop"/>).</summary>
public static partial class ProcessEnd
{
    /// <summary>How long <see cref="Environment.Exit(int)"/> (which runs the process-exit handlers) may take before _exit(2).</summary>
    public static readonly TimeSpan LastResort = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Exits with <paramref name="exitCode"/> through <see cref="Environment.Exit(int)"/>; should an exit handler itself
    /// block (one writing to the terminal that went away), a dedicated thread calls _exit(2) after <see cref="LastResort"/>.
    /// </summary>
    public static void Now(int exitCode)
    {
        if (!OperatingSystem.IsWindows())
        {
            var lastResort = new Thread(() =>
            {
                Thread.Sleep(LastResort);
                _exit(exitCode);
            })
            { IsBackground = true, Name = "last-resort exit" };
            lastResort.Start();
        }

        Environment.Exit(exitCode);
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void _exit(int status);
}
