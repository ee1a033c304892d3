using System.Globalization;
using System.Text;

namespace LittleRedDot.Content;

/// <summary>
/// Keeps text that came from a file (names, titles, stories) from reaching a terminal with control
/// characters or escape sequences in it (RULES.md §8).
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
        foreach (var rune in text.EnumerateRunes())
        {
            if (keepNewlines && rune.Value == '\n')
            {
                sb.Append('\n');
            }
            else if (IsUnsafe(rune))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether a rune is a control (Cc) or format (Cf) character.</summary>
    public static bool IsUnsafe(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate;
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
