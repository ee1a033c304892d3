using LittleRedDot.Content.Progress;

namespace LittleRedDot.Content.Rooms;

/// <summary>Room tokens kept in the settings file, read on each use and written by <see cref="SettingsStore.Update"/>, a locked read-modify-write (the headless verbs hold no settings of their own).</summary>
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
        store.Update(s => s.WithRoomToken(room.Text, player, token));
    }
}
