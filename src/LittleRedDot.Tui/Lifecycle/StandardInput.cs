using System.Runtime.InteropServices;
using Terminal.Gui.App;

namespace LittleRedDot.Tui.Lifecycle;

/// <summary>
/// Standard input as the operating system sees it: whether its terminal has gone away, and a way to stop reading a
/// terminal that has (issue 14, kind 1). When a terminal window, a tmux session or an SSH connection closes, the
/// terminal hangs up: poll(2) then reports it ready for ever while read(2) returns nothing, and Terminal.Gui's input
/// loop (<c>while (Peek ()) Read ()</c>, which looks at its cancellation only when Peek says no) spun a core for ever
/// and kept the program from shutting down, the game's "ended" already logged.
/// </summary>
public static partial class StandardInput
{
    /// <summary>How often the game asks whether its terminal is still there.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(200);

    private const short PollIn = 0x001;
    private const short PollErr = 0x008;
    private const short PollHup = 0x010;
    private const short PollNval = 0x020;

    /// <summary>
    /// True when poll(2) on file descriptor 0 reports a hang-up, an error or a closed descriptor: what a terminal that
    /// went away looks like. False on Windows, where consoles do not hang up this way, and when poll itself fails.
    /// </summary>
    public static bool HasHungUp()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var fds = new PollFd { Fd = 0, Events = PollIn };
        return poll(ref fds, 1, 0) > 0 && (fds.Revents & (PollErr | PollHup | PollNval)) != 0;
    }

    /// <summary>
    /// Puts, in place of a hung-up standard input, the reading end of a pipe that nothing ever writes to (its writing end
    /// stays open until the process ends): poll then says "nothing to read", so Terminal.Gui's input loop sleeps, sees its
    /// cancellation and lets the application shut down. Returns false when the descriptors could not be swapped.
    /// </summary>
    public static bool Detach()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var ends = new int[2];
        return pipe(ends) == 0 && dup2(ends[0], 0) >= 0;
    }

    /// <summary>
    /// Watches <paramref name="app"/>'s terminal every <see cref="WatchInterval"/> on its main loop: once it has hung up,
    /// detaches standard input and calls <paramref name="onHangUp"/> (once), so that the game quits as on SIGHUP.
    /// </summary>
    public static void Watch(IApplication app, Action onHangUp)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(onHangUp);
        app.AddTimeout(WatchInterval, () =>
        {
            if (!HasHungUp())
            {
                return true;
            }

            Detach();
            onHangUp();
            return false;
        });
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int pipe([Out] int[] fileDescriptors);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldDescriptor, int newDescriptor);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
