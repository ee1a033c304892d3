using System.Globalization;
using System.IO.Abstractions;
using LittleRedDot.Content;
using Microsoft.Extensions.Logging;

namespace LittleRedDot.Logging;

/// <summary>
/// Logs to one file in the user's state folder — never to the terminal, which belongs to the game or
/// to a verb's output. A log that cannot be written is given up silently: logging must not break play. A log path
/// that names a named pipe or a device is never opened (opening a pipe waits for a reader, and every verb with it),
/// and what is logged is escaped here, where it is written: a log read with `cat` or `tail` is a terminal too.
/// </summary>
public sealed class FileLoggerProvider(string path, TimeProvider time) : ILoggerProvider
{
    private readonly Lock gate = new();
    private StreamWriter? writer;
    private bool failed;

    public string Path { get; } = path;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (gate)
        {
            writer?.Dispose();
            writer = null;
        }
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        lock (gate)
        {
            if (failed)
            {
                return;
            }

            try
            {
                if (writer is null)
                {
                    if (FileKind.IsSpecial(new FileSystem(), Path))
                    {
                        failed = true;
                        return;
                    }

                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                    writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
                }

                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {level} {category}: {TextSafety.Escape(message)}"));
                if (exception is not null)
                {
                    writer.WriteLine(TextSafety.Escape(exception.ToString(), keepNewlines: true));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed = true;
            }
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
