namespace LittleRedDot.Tui.Theming;

/// <summary>
/// What the terminal can show: colour (off when NO_COLOR is set, https://no-color.org, or TERM=dumb) and
/// Unicode glyphs (off when the locale is not UTF-8, or when the player asks for ASCII).
/// </summary>
public sealed record TerminalTraits(bool Color, bool Unicode)
{
    /// <summary>
    /// Reads the traits from the environment; <paramref name="glyphs"/> ("ascii" or "unicode", from
    /// configuration LittleRedDot:Glyphs) overrides the locale.
    /// </summary>
    public static TerminalTraits Detect(Func<string, string?> environment, string? glyphs = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var term = environment("TERM");
        var color = environment("NO_COLOR") is null && !string.Equals(term, "dumb", StringComparison.OrdinalIgnoreCase);
        bool unicode;
        if (string.Equals(glyphs, "ascii", StringComparison.OrdinalIgnoreCase))
        {
            unicode = false;
        }
        else if (string.Equals(glyphs, "unicode", StringComparison.OrdinalIgnoreCase))
        {
            unicode = true;
        }
        else
        {
            // The first locale variable that is set decides, as in POSIX; none set: assume a modern UTF-8 terminal.
            var locale = new[] { "LC_ALL", "LC_CTYPE", "LANG" }.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            unicode = locale is null
                || locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
                || locale.Contains("UTF8", StringComparison.OrdinalIgnoreCase);
        }

        return new TerminalTraits(color, unicode);
    }
}
