namespace LittleRedDot.Content.Rooms;

/// <summary>The actions of POST /api/round (RULES.md §9), written in lower case on the wire.</summary>
public enum RoundAction
{
    Open,
    Close,
    Freeze,
    Unfreeze,
    Reset,
}
