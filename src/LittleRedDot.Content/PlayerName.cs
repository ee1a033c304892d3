using System.Buffers;
using System.Globalization;
using System.Text;

namespace LittleRedDot.Content;

/// <summary>The rule for a player's name (RULES.md §7): 1 to 40 Unicode scalar values, none Cc or Cf.</summary>
public static class PlayerName
{
    public const int MaxLength = 40;

    /// <summary>Why the name is not allowed, without repeating it raw; null when it is allowed.</summary>
    public static string? Check(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the player name is empty; expected 1 to 40 characters";
        }

        var count = 0;
        var span = name.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var used) != OperationStatus.Done)
            {
                return "the player name holds a broken character (a lone surrogate)";
            }

            // Exactly §7's two categories. A line or paragraph separator (U+2028, U+2029) is allowed in a name, as
            // §7 allows it; wherever a name is shown, TextSafety escapes those too.
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return $"the player name holds a control or format character (U+{rune.Value:X4}); those are not allowed";
            }

            count++;
            span = span[used..];
        }

        return count > MaxLength ? $"the player name has {count} characters; at most {MaxLength} are allowed" : null;
    }
}
