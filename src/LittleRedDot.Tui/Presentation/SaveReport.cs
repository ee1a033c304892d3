namespace LittleRedDot.Tui.Presentation;

/// <summary>What became of a run once it was played: whether it is the player's new best, where the runs folder copy went, and any problem on the way.</summary>
public sealed record SaveReport(bool NewBest, string? RunsFile, IReadOnlyList<string> Problems);
