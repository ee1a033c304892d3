namespace LittleRedDot.Content.Rooms;

/// <summary>
/// A room could not be asked or refused what was asked: unreachable, too slow, an answer that is not a
/// room's, or a problem (RFC 9457) it sent back. <see cref="Exception.Message"/> is one line for the user;
/// it may hold text from the network, so whoever prints it escapes it.
/// </summary>
public sealed class RoomException : Exception
{
    public RoomException()
    {
    }

    public RoomException(string message)
        : base(message)
    {
    }

    public RoomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the room answered with, if it answered.</summary>
    public int? Status { get; init; }
}
