namespace LittleRedDot.Content;

/// <summary>A file the user gave cannot be used; <see cref="Errors"/> says every place and why.</summary>
public sealed class ContentException : Exception
{
    public ContentException()
        : this([])
    {
    }

    public ContentException(string message)
        : this([new LocatedError(string.Empty, string.Empty, message)])
    {
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new LocatedError(string.Empty, string.Empty, message)];
    }

    public ContentException(IReadOnlyList<LocatedError> errors)
        : base(string.Join(Environment.NewLine, errors ?? []))
    {
        Errors = errors ?? [];
    }

    public ContentException(LocatedError error)
        : this([error])
    {
    }

    public IReadOnlyList<LocatedError> Errors { get; }

    /// <summary>The file is for a newer rules version than this program's (RULES.md §6).</summary>
    public bool IsNewerVersion { get; init; }

    /// <summary>A run file of another rules version than this program's (RULES.md §7), too different to be read whole.</summary>
    public long? OtherRulesVersion { get; init; }

    /// <summary>The file itself is missing or cannot be read, as opposed to read and found wrong.</summary>
    public bool IsUnreadable { get; init; }
}
