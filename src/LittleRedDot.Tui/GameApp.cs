using LittleRedDot.Tui.Lifecycle;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;
using LittleRedDot.Tui.Views;
using Microsoft.Extensions.Logging;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace LittleRedDot.Tui;

/// <summary>
/// Runs the game on an application instance (never the static Application, so that tests run side by
/// side): rebinds the quit key from Esc — which backs out of a screen here — to Ctrl+Q, runs the window
/// until the player quits, and returns the exit code (0, or 130 for Ctrl+C). An exception that escapes
/// the game is logged (the log file keeps its stack trace) and passed on, so the caller can restore the
/// terminal and say one plain line.
/// </summary>
public sealed class GameApp(Theme theme, GameServices services, ChooserModel model)
{
    /// <summary>Frees Esc for "back" and makes Ctrl+Q the quit key on this application instance.</summary>
    public static void ConfigureKeys(IApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var bindings = app.Keyboard.KeyBindings;
        if (bindings.TryGet(Key.Esc, out _))
        {
            bindings.Remove(Key.Esc);
        }

        bindings.ReplaceCommands(Key.Q.WithCtrl, Command.Quit);
    }

    /// <summary>Builds the window and shows it: the level list, a named level, the name prompt when there is no player yet.</summary>
    public GameWindow CreateWindow() => new(theme, services, model);

    /// <summary>
    /// Runs the game until the player quits, on <paramref name="levelId"/> if given, with the run in
    /// <paramref name="ghostFile"/> as its ghost; a request on <paramref name="stop"/> (a signal, a terminal that hung up)
    /// quits with the request's exit code, which is the code logged and returned.
    /// </summary>
    public int Run(IApplication app, string? levelId, string? ghostFile, GameStop stop)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(stop);
        var log = services.Logging.CreateLogger<GameApp>();
        log.GameStarted();
        try
        {
            ConfigureKeys(app);
            services.SendWaitingRuns(); // runs a room could not take last time go first (RULES.md §9)
            using var window = CreateWindow();
            using var registration = stop.Token.Register(() => app.Invoke(() => window.Quit(stop.ExitCode ?? GameWindow.ExitInterrupted)));
            app.Invoke(() => window.Start(levelId, ghostFile));
            app.Run(window);
            log.GameEnded(window.ExitCode);
            return window.ExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Unexpected(e);
            throw;
        }
    }
}
