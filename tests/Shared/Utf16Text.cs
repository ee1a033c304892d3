namespace LittleRedDot.TestSupport;

/// <summary>UTF-16 checks the test suites share.</summary>
public static class Utf16Text
{
    /// <summary>Whether <paramref name="text"/> holds no lone surrogate: every high surrogate is followed by a low one, and no low one stands alone.</summary>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
