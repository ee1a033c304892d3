namespace LittleRedDot.Tui.Presentation;

/// <summary>What became of a run once it was played: whether it is the player's new best, where the runs folder copy went, any problem on the way, and its way to the room if one is set.</summary>
public sealed record SaveReport(bool NewBest, string? RunsFile, IReadOnlyList<string> Problems, RoomSubmission? Room = null);
