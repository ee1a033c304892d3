using System.Globalization;

namespace LittleRedDot.Content;

/// <summary>
/// How much of a value read from a file or request a message quotes: a hostile file can hold a 60,000-character
/// id or key, and a message (printed, stored with a rejected submission, listed on a room's board) must stay short.
/// </summary>
public static class Excerpt
{
    /// <summary>The most text elements (user-perceived characters) a message quotes of one value.</summary>
    public const int Length = 40;

    /// <summary>
    /// <paramref name="text"/> itself when it has at most <see cref="Length"/> text elements, else its first
    /// <see cref="Length"/> text elements followed by "…" (never cut inside a surrogate pair or a cluster).
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= Length)
        {
            return text;
        }

        var elements = StringInfo.GetNextTextElementLength(text);
        var end = 0;
        for (var count = 0; count < Length && end < text.Length; count++)
        {
            end += elements;
            elements = end < text.Length ? StringInfo.GetNextTextElementLength(text, end) : 0;
        }

        return end >= text.Length ? text : string.Concat(text.AsSpan(0, end), "…");
    }
}
