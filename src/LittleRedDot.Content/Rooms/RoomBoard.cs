using LittleRedDot.Content.Board;

namespace LittleRedDot.Content.Rooms;

/// <summary>A room's board (GET /api/board) as the leaderboard formatter takes it, and the round's state when the room says it.</summary>
public sealed record RoomBoard(BoardSnapshot Snapshot, bool? Frozen, bool? Closed);
