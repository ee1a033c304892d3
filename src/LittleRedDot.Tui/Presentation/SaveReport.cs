using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// What became of a run once it was played: whether it is the player's new best (and then the run file that keeps it,
/// <see cref="BestFile"/>), where the runs folder copy went, any problem on the way, and its way to the room if one is set.
/// </summary>
public sealed record SaveReport(bool NewBest, string? RunsFile, IReadOnlyList<string> Problems, RoomSubmission? Room = null)
{
    /// <summary>The run file of the player's best on the level, when this run became it; a file to share or open as a ghost.</summary>
    public string? BestFile { get; init; }

    /// <summary>The result of the player's best on the level before this run (null when there was none or no progress is kept).</summary>
    public RunResult? PreviousBest { get; init; }
}
