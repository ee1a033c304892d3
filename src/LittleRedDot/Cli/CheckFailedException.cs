namespace LittleRedDot.Cli;

/// <summary>A check failed (exit 1, RULES.md §8): e.g. `new-level` unable to make a valid level from readable data; the message is printed as it is.</summary>
public sealed class CheckFailedException : Exception
{
    public CheckFailedException()
    {
    }

    public CheckFailedException(string message)
        : base(message)
    {
    }

    public CheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
