namespace LittleRedDot.Tui.Lifecycle;

/// <summary>
/// A request from outside the game to stop it — a signal (SIGINT 130, SIGHUP 129, SIGTERM 143), or a terminal whose
/// input hung up (129) — with the exit code it ends with, and a watchdog (issue 14, kind 1). The first request wins:
/// its code is the one the game logs and the process returns. Once a request is made, the orderly shutdown (restoring
/// the terminal, disposing the application, flushing output and the log) gets <see cref="Grace"/>; a shutdown stuck
/// on a terminal that went away — a blocking write, a thread joined on a dead input — no longer keeps the process
/// alive: the watchdog calls the exit action with the requested code.
/// </summary>
public sealed class GameStop : IDisposable
{
    /// <summary>How long the orderly shutdown may take after a stop request before the process is ended regardless.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    // The watchdogs belong to the process, not to this object: they must outlive it (the shutdown that may hang runs
    // after the game returns, when this object is gone), so they are rooted here and never disposed.
    private static readonly List<ITimer> Watchdogs = [];

    private readonly CancellationTokenSource requested = new();
    private readonly TimeProvider time;
    private readonly Action<int> exit;
    private int code = NotRequested;

    private const int NotRequested = int.MinValue;

    /// <param name="time">The clock the watchdog counts <see cref="Grace"/> on.</param>
    /// <param name="exit">Ends the process with the code (<see cref="ProcessEnd.Now"/> in the program, a probe in tests).</param>
    public GameStop(TimeProvider time, Action<int> exit)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(exit);
        this.time = time;
        this.exit = exit;
    }

    /// <summary>Cancelled at the first request.</summary>
    public CancellationToken Token => requested.Token;

    /// <summary>The first request's exit code; null before any.</summary>
    public int? ExitCode
    {
        get
        {
            var value = Volatile.Read(ref code);
            return value == NotRequested ? null : value;
        }
    }

    /// <summary>
    /// Asks the game to stop with <paramref name="exitCode"/> and arms the watchdog. Safe from any thread, a signal
    /// handler's included; later requests change nothing.
    /// </summary>
    public void Request(int exitCode)
    {
        if (Interlocked.CompareExchange(ref code, exitCode, NotRequested) != NotRequested)
        {
            return;
        }

        var watchdog = time.CreateTimer(_ => exit(exitCode), null, Grace, Timeout.InfiniteTimeSpan);
        lock (Watchdogs)
        {
            Watchdogs.Add(watchdog);
        }

        requested.Cancel();
    }

    /// <summary>Frees the token; an armed watchdog stays armed (see the class remarks).</summary>
    public void Dispose() => requested.Dispose();
}
