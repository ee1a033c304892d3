using System.Globalization;
using System.Text;

namespace LittleRedDot.Content;

/// <summary>
/// Keeps text that came from a file (names, titles, stories, paths, OS messages) from reaching a terminal with control
/// characters or escape sequences in it (RULES.md §8). Called only where text is written — the CLI's
/// TerminalWriter, the Tui's drawing primitives, the log file — never where a message is made (ARCHITECTURE.md).
/// </summary>
public static class TextSafety
{
    /// <summary>
    /// The text with every control or format character (Unicode Cc, Cf — ESC and bidirectional overrides
    /// included) replaced by a visible \u escape; newlines kept only when <paramref name="keepNewlines"/>.
    /// </summary>
    public static string Escape(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEscape(text, keepNewlines))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (keepNewlines && rune.Value == '\n')
            {
                sb.Append('\n');
            }
            else if (IsUnsafe(rune))
            {
                // Per UTF-16 unit, so that a character outside the BMP reads back the same in JSON and C#.
                var count = rune.EncodeToUtf16(units);
                for (var i = 0; i < count; i++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)units[i]:X4}");
                }
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether a rune is a control (Cc) or format (Cf) character, or a line or paragraph separator (Zl, Zp: U+2028 and
    /// U+2029 end lines in JavaScript and some viewers, so a name holding one breaks a line where nobody asked).
    /// </summary>
    public static bool IsUnsafe(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    private static bool NeedsEscape(string text, bool keepNewlines)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c > '\u007e')
            {
                if (keepNewlines && c == '\n')
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }
}
