using System.Runtime.InteropServices;
using System.Text;

namespace LittleRedDot.Cli.Tests.TestSupport;

/// <summary>
/// A pseudo-terminal made with posix_openpt(3), for tests that run the built program as a person's terminal would:
/// the slave side is the program's terminal, this side reads what it draws, and <see cref="Close"/> is what a closed
/// terminal window, a killed tmux session or a dropped SSH connection does to it.
/// </summary>
public sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 0x2;
    private const int NoControllingTerminal = 0x100;
    private const int CloseOnExec = 0x80000;
    private const short PollIn = 0x1;
    private readonly StringBuilder screen = new();
    private int master;

    public PseudoTerminal()
    {
        // Close-on-exec: a program started later must not inherit this side, or closing it here would hang nothing up.
        master = posix_openpt(ReadWrite | NoControllingTerminal | CloseOnExec);
        if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
        {
            throw new InvalidOperationException($"no pseudo-terminal (errno {Marshal.GetLastPInvokeError()})");
        }

        SlavePath = Marshal.PtrToStringUTF8(ptsname(master)) ?? throw new InvalidOperationException("ptsname failed");
    }

    /// <summary>The terminal's device, for the program's standard input, output and error.</summary>
    public string SlavePath { get; }

    /// <summary>Everything read from the terminal so far, escape sequences included.</summary>
    public string Screen => screen.ToString();

    /// <summary>Reads what the program draws until it holds <paramref name="text"/> or <paramref name="limit"/> passes (a bounded wait).</summary>
    public bool WaitFor(string text, TimeSpan limit)
    {
        var buffer = new byte[65536];
        var deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (!screen.ToString().Contains(text, StringComparison.Ordinal))
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            var fds = new PollFd { Fd = master, Events = PollIn };
            if (poll(ref fds, 1, 100) > 0)
            {
                // Before the program opens its side, the master reads as hung up (EIO): wait a little and ask again.
                var read = read_(master, buffer, buffer.Length);
                if (read > 0)
                {
                    screen.Append(Encoding.UTF8.GetString(buffer, 0, (int)read));
                }
                else
                {
                    Thread.Sleep(50);
                }
            }
        }

        return true;
    }

    /// <summary>Types <paramref name="keys"/> into the terminal, as a person would.</summary>
    public void Type(string keys)
    {
        var bytes = Encoding.UTF8.GetBytes(keys);
        if (write(master, bytes, bytes.Length) != bytes.Length)
        {
            throw new InvalidOperationException($"the terminal took not all of {bytes.Length} bytes (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>Closes this side: the terminal hangs up.</summary>
    public void Close()
    {
        if (master >= 0)
        {
            _ = close(master);
            master = -1;
        }
    }

    public void Dispose() => Close();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial IntPtr ptsname(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(ref PollFd fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint read_(int fd, [Out] byte[] buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
