using Microsoft.Extensions.Logging;

namespace LittleRedDot.Tui.Tests;

/// <summary>A logger factory that keeps every line the game logs, for tests that read the log instead of a file.</summary>
public sealed class RecordingLogs : ILoggerFactory
{
    private readonly List<LogLine> lines = [];

    public IReadOnlyList<LogLine> Lines => lines;

    /// <summary>Whether some line at <paramref name="level"/> contains <paramref name="text"/>.</summary>
    public bool Has(LogLevel level, string text) => lines.Any(l => l.Level == level && l.Message.Contains(text, StringComparison.Ordinal));

    public string All => string.Join("\n", lines.Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.lines.Add(new LogLine(logLevel, category, formatter(state, exception), exception));
    }
}
