namespace LittleRedDot.Tui.Tests;

/// <summary>Helpers for asserting on the driver's screen text.</summary>
public static class ScreenText
{
    public static void Shows(string screen, string expected)
    {
        Assert.True(screen.Contains(expected, StringComparison.Ordinal), $"Expected the screen to show \"{expected}\"; it shows:\n{screen}");
    }

    public static void DoesNotShow(string screen, string unexpected)
    {
        Assert.False(screen.Contains(unexpected, StringComparison.Ordinal), $"Expected the screen not to show \"{unexpected}\"; it shows:\n{screen}");
    }

    /// <summary>The text inside a view's frame on the screen, its lines joined and its frame and padding squeezed out — wrapped text reads as one.</summary>
    public static string Inside(string screen, System.Drawing.Rectangle frame)
    {
        var rows = screen.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var parts = new List<string>();
        for (var y = frame.Top; y < frame.Bottom && y < rows.Length; y++)
        {
            var row = rows[y];
            var from = Math.Min(frame.Left, row.Length);
            var to = Math.Min(frame.Right, row.Length);
            parts.Add(row[from..to]);
        }

        return Squeezed(string.Join(" ", parts)).Trim();
    }

    /// <summary>The screen with every run of spaces squeezed to one, for text that wraps or pads.</summary>
    public static string Squeezed(string screen) =>
        System.Text.RegularExpressions.Regex.Replace(screen, "[ │|]+", " ");
}
