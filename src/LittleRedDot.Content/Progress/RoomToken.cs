namespace LittleRedDot.Content.Progress;

/// <summary>A claimed name in a room (RULES.md §9): the token the room returned for <paramref name="Player"/>'s first accepted run.</summary>
public sealed record RoomToken(string Room, string Player, string Token);
