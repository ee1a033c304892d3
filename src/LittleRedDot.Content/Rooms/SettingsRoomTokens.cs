using LittleRedDot.Content.Progress;

namespace LittleRedDot.Content.Rooms;

/// <summary>Room tokens kept in the settings file, read and written on each use (the headless verbs hold no settings of their own).</summary>
public sealed class SettingsRoomTokens(SettingsStore store) : IRoomTokens
{
    public string? Find(RoomAddress room, string player)
    {
        ArgumentNullException.ThrowIfNull(room);
        return store.Load().RoomTokenFor(room.Text, player);
    }

    public void Keep(RoomAddress room, string player, string token)
    {
        ArgumentNullException.ThrowIfNull(room);
        store.Save(store.Load().WithRoomToken(room.Text, player, token));
    }
}
