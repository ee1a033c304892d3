namespace LittleRedDot.Content.Rooms;

/// <summary>Where a client keeps the tokens of the names it claimed, per room and player (the player's settings file).</summary>
public interface IRoomTokens
{
    /// <summary>The token of <paramref name="player"/> in <paramref name="room"/>, or null when the name is not claimed from here.</summary>
    string? Find(RoomAddress room, string player);

    /// <summary>Keeps a token the room returned.</summary>
    /// <exception cref="ContentException">It could not be written.</exception>
    void Keep(RoomAddress room, string player, string token);
}
