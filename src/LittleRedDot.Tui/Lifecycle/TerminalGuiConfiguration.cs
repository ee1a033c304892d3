using Terminal.Gui.Configuration;

namespace LittleRedDot.Tui.Lifecycle;

/// <summary>
/// Terminal.Gui applies its configuration (themes, keys, glyphs: its library defaults, the user's files and TUI_CONFIG)
/// to its settings in a module initializer. The JIT build runs it on the first use of Terminal.Gui; NativeAOT runs every
/// module initializer before Main, so every verb of the native file paid for it, a third of `levels`' start (issue 13).
/// The native file therefore stubs that initializer and sets <see cref="DeferredSwitch"/> (LittleRedDot.csproj,
/// DeferTerminalGuiConfiguration), and the game calls <see cref="EnsureApplied"/> before it first uses Terminal.Gui,
/// which applies the same configuration in the same way, once. Where the switch is not set it does nothing: the module
/// initializer has run.
/// </summary>
public static class TerminalGuiConfiguration
{
    /// <summary>The AppContext switch the native file sets: Terminal.Gui's module initializer is stubbed in it.</summary>
    public const string DeferredSwitch = "LittleRedDot.Tui.TerminalGuiConfigurationDeferred";

    private static int applied;

    /// <summary>Applies Terminal.Gui's configuration where its module initializer was stubbed; never throws, as that initializer never does.</summary>
    public static void EnsureApplied()
    {
        if (!AppContext.TryGetSwitch(DeferredSwitch, out var deferred) || !deferred || Interlocked.Exchange(ref applied, 1) == 1)
        {
            return;
        }

        try
        {
            TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        }
        catch (Exception e)
        {
            // What the initializer does with a failure: the game runs on Terminal.Gui's defaults, and the reason is
            // printed with the configuration's other errors when the application ends.
            TuiJsonErrors.Add($"Applying configuration failed: {e.Message}. Running with default settings.");
        }
    }
}
