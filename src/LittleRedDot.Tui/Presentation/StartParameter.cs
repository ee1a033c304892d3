namespace LittleRedDot.Tui.Presentation;

/// <summary>Which start value the player is changing.</summary>
public enum StartParameter
{
    Beta0,
    Beta1,
}
