namespace LittleRedDot.Server;

/// <summary>The room cannot start (the address is taken, the database cannot be opened): one line for the facilitator.</summary>
public sealed class RoomStartException : Exception
{
    public RoomStartException()
    {
    }

    public RoomStartException(string message)
        : base(message)
    {
    }

    public RoomStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
