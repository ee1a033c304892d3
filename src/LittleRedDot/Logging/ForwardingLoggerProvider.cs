using Microsoft.Extensions.Logging;

namespace LittleRedDot.Logging;

/// <summary>
/// Hands another host's loggers to the program's own logging (the log file): a host that adds this keeps its
/// own filters (the room logs only the framework's warnings) and the program keeps one log.
/// </summary>
public sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    /// <summary>The target belongs to the program, which disposes it.</summary>
    public void Dispose()
    {
    }
}
