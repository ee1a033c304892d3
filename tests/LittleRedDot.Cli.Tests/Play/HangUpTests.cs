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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Closing_the_terminal_of_a_running_game_ends_it_with_129_within_seconds(bool sigHupIgnored)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // pseudo-terminals as made here, and setsid(1), are Linux's
        }

        using var terminal = new PseudoTerminal();
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
        start.Environment["LITTLEREDDOT__PLAYER"] = "ada";
        start.Environment.Remove("XDG_STATE_HOME");
        start.Environment.Remove("XDG_CONFIG_HOME");
        start.Environment.Remove("XDG_DATA_HOME");
        using var game = Process.Start(start)!;
        try
        {
            // Bounded waits (process tests may use them; HELPERS.md): up to 60 s for a cold start on a shared machine.
            Assert.True(terminal.WaitFor("Red Dot", TimeSpan.FromSeconds(60)), "the game never drew its window:\n" + terminal.Screen);

            terminal.Close();

            Assert.True(game.WaitForExit(TimeSpan.FromSeconds(10)), "the game still runs 10 s after its terminal closed; its log:\n" + Log());
            Assert.Equal(ExitCodes.HungUp, game.ExitCode);
        }
        finally
        {
            if (!game.HasExited)
            {
                game.Kill(entireProcessTree: true);
                game.WaitForExit();
            }
        }
    }
}
