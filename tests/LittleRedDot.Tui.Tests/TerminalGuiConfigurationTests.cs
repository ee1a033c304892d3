using LittleRedDot.Tui.Lifecycle;
using Terminal.Gui.Configuration;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// Issue 13: the native file stubs Terminal.Gui's module initializer (it ran before Main for every verb) and sets
/// <see cref="TerminalGuiConfiguration.DeferredSwitch"/>; the game then applies Terminal.Gui's configuration itself
/// before it first uses it. Here, in the JIT build, the initializer has run, so the switch is set by hand. Oracle for
/// "applied": Terminal.Gui publishes a freshly bound settings record for each scope when it applies its configuration
/// (HexViewSettings.Current, a scope the game never uses, so nothing else here reads it), with the values the
/// initializer bound (record equality).
/// </summary>
[Collection(nameof(TerminalGuiConfigurationTests))]
[CollectionDefinition(nameof(TerminalGuiConfigurationTests), DisableParallelization = true)]
public sealed class TerminalGuiConfigurationTests
{
    [Fact]
    public void The_configuration_is_applied_once_where_the_switch_says_the_initializer_was_stubbed_and_never_elsewhere()
    {
        var byInitializer = HexViewSettings.Current;

        TerminalGuiConfiguration.EnsureApplied();
        Assert.Same(byInitializer, HexViewSettings.Current); // no switch: the initializer's work stands

        AppContext.SetSwitch(TerminalGuiConfiguration.DeferredSwitch, true);
        try
        {
            TerminalGuiConfiguration.EnsureApplied();
            var applied = HexViewSettings.Current;
            Assert.NotSame(byInitializer, applied);
            Assert.Equal(byInitializer, applied);

            TerminalGuiConfiguration.EnsureApplied();
            Assert.Same(applied, HexViewSettings.Current); // once
        }
        finally
        {
            AppContext.SetSwitch(TerminalGuiConfiguration.DeferredSwitch, false);
        }
    }
}
