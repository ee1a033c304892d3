using Microsoft.Extensions.Logging;

namespace LittleRedDot.Tui.Tests;

/// <summary>One line the game logged.</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception);
