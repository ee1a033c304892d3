using System.Diagnostics;
using LittleRedDot.Cli.Tests.TestSupport;

namespace LittleRedDot.Cli.Tests.Play;

/// <summary>
/// Issue 14, kind 1: a game whose terminal goes away (window closed, tmux session killed, SSH dropped) ends promptly with
/// 129, as for SIGHUP, instead of spinning a core for ever. The built program runs in a real pseudo-terminal.
/// </summary>
public sealed class HangUpTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("lrd-hangup-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    private string Log()
    {
        var logs = Directory.GetFiles(home, "*.log", SearchOption.AllDirectories);
        return logs.Length == 0 ? "(none)" : File.ReadAllText(logs[0]);
    }

    /// <summary>Where the game is when its terminal goes away: what to type once it has drawn, and what then shows.</summary>
    public static TheoryData<string, bool> Moments => new()
    {
        { "level list", false },
        { "level list", true },
        { "name prompt", false },
        { "help dialog", false },
        { "level screen", true },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public void Closing_the_terminal_of_a_running_game_ends_it_with_129_within_seconds(string moment, bool sigHupIgnored)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // pseudo-terminals as made here, setsid(1) and /proc are Linux's
        }

        using var terminal = new PseudoTerminal();
        using var game = Start(terminal, sigHupIgnored, player: moment != "name prompt");
        try
        {
            // Bounded waits (process tests may use them; HELPERS.md): up to 60 s for a cold start on a shared machine.
            Assert.True(terminal.WaitFor(moment == "name prompt" ? "Welcome" : "Red Dot", TimeSpan.FromSeconds(60)), "the game never drew its window:\n" + terminal.Screen);
            switch (moment)
            {
                case "help dialog":
                    terminal.Type("\u001bOP"); // F1
                    Assert.True(terminal.WaitFor("Keys and rules", TimeSpan.FromSeconds(20)), "F1 never showed the help:\n" + terminal.Screen);
                    break;
                case "level screen":
                    terminal.Type("\r");
                    Assert.True(terminal.WaitFor("launch", TimeSpan.FromSeconds(20)), "Enter never opened a level:\n" + terminal.Screen);
                    break;
            }

            terminal.Close();

            Assert.True(game.WaitForExit(TimeSpan.FromSeconds(10)), "the game still runs 10 s after its terminal closed; its log:\n" + Log());
            Assert.Equal(ExitCodes.HungUp, game.ExitCode);
            Assert.Contains("exit code 129", Log(), StringComparison.Ordinal); // the log says the code the process returned
        }
        finally
        {
            Kill(game);
        }
    }

    /// <summary>
    /// A terminal that stops reading (a frozen terminal window, a stalled SSH connection) blocks the game in a write while a
    /// run is animated; a SIGHUP then cannot be served by an orderly shutdown, so the watchdog ends the process with 129
    /// after its grace period.
    /// </summary>
    [Fact]
    public void A_game_stuck_writing_to_a_stalled_terminal_still_ends_with_129_on_SIGHUP()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var terminal = new PseudoTerminal();
        using var game = Start(terminal, sigHupIgnored: false, player: true);
        try
        {
            Assert.True(terminal.WaitFor("Red Dot", TimeSpan.FromSeconds(60)), "the game never drew its window:\n" + terminal.Screen);

            // Open the first level, predict, launch: the animation draws while nothing reads the terminal any more.
            terminal.Type("\r\rp\r\r");
            Assert.True(WaitUntilBlockedInTerminalWrite(game.Id, TimeSpan.FromSeconds(30)), "the game never blocked on the stalled terminal");

            using (var hangUp = Process.Start("kill", ["-HUP", game.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                hangUp.WaitForExit();
            }

            // Oracle: GameStop.Grace (2 s) plus ProcessEnd.LastResort (1 s) bound the exit; 10 s leaves room for a shared machine.
            Assert.True(game.WaitForExit(TimeSpan.FromSeconds(10)), "the game still runs 10 s after SIGHUP; its log:\n" + Log());
            Assert.Equal(ExitCodes.HungUp, game.ExitCode);
            Assert.Contains("ended with exit code 129", Log(), StringComparison.Ordinal);
        }
        finally
        {
            Kill(game);
        }
    }

    /// <summary>Whether the main thread of <paramref name="pid"/> sleeps in the kernel's terminal wait (a write the terminal does not take).</summary>
    private static bool WaitUntilBlockedInTerminalWrite(int pid, TimeSpan limit)
    {
        var deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            var wchan = File.ReadAllText($"/proc/{pid}/wchan");
            if (wchan is "wait_woken" or "n_tty_write")
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }

    private Process Start(PseudoTerminal terminal, bool sigHupIgnored, bool player)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "littlereddot.dll");

        // setsid -c makes the pseudo-terminal the game's controlling terminal, as a terminal window's shell has it.
        // With SIGHUP ignored (nohup, or a parent that never sends it) only the hung-up input tells the game.
        var script = (sigHupIgnored ? "trap '' HUP; " : string.Empty) + "stty rows 24 cols 80 <\"$1\"; exec setsid -c dotnet \"$0\" play <\"$1\" >\"$1\" 2>&1";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", script, program, terminal.SlavePath })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment["TERM"] = "xterm-256color";
        if (player)
        {
            start.Environment["LITTLEREDDOT__PLAYER"] = "ada";
        }
        else
        {
            start.Environment.Remove("LITTLEREDDOT__PLAYER");
        }

        start.Environment.Remove("XDG_STATE_HOME");
        start.Environment.Remove("XDG_CONFIG_HOME");
        start.Environment.Remove("XDG_DATA_HOME");
        return Process.Start(start)!;
    }

    private static void Kill(Process game)
    {
        if (!game.HasExited)
        {
            game.Kill(entireProcessTree: true);
            game.WaitForExit();
        }
    }
}
