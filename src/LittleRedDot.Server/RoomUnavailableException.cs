namespace LittleRedDot.Server;

/// <summary>The room could not store a change (the database failed, or the room is stopping); the client may try again.</summary>
public sealed class RoomUnavailableException : Exception
{
    public RoomUnavailableException()
    {
    }

    public RoomUnavailableException(string message)
        : base(message)
    {
    }

    public RoomUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
