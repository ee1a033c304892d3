namespace LittleRedDot.Tui.Presentation;

/// <summary>Where the player is on a level: choosing, watching the run, or reading how it went.</summary>
public enum SessionPhase
{
    Setup,
    Running,
    Finished,
}
