namespace LittleRedDot.Cli;

/// <summary>Bad usage or input the user can fix (exit 2); the message is printed as it is.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
