namespace LittleRedDot.Engine;

/// <summary>The data cannot define a valley under the level's rules (RULES.md §6 limits); the message says why.</summary>
public sealed class DegenerateDataException : Exception
{
    public DegenerateDataException()
    {
    }

    public DegenerateDataException(string message)
        : base(message)
    {
    }

    public DegenerateDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
