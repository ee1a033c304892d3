namespace LittleRedDot.Server.Storage;

/// <summary>The room's database cannot be used; the message is one line a facilitator can act on.</summary>
public sealed class RoomStoreException : Exception
{
    public RoomStoreException()
    {
    }

    public RoomStoreException(string message)
        : base(message)
    {
    }

    public RoomStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
