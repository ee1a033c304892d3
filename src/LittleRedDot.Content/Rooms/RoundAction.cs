namespace LittleRedDot.Content.Rooms;

/// <summary>
/// What the facilitator does to a room's round (RULES.md §9, `POST /api/round`), one list for the room and
/// its clients; written in lower case on the wire.
/// </summary>
public enum RoundAction
{
    /// <summary>Take runs again (clears a close time).</summary>
    Open,

    /// <summary>Close now, or at a given time: later runs get 409.</summary>
    Close,

    /// <summary>The public board stops changing; runs are still taken and ranked.</summary>
    Freeze,

    /// <summary>The public board shows every run again.</summary>
    Unfreeze,

    /// <summary>A new, empty round; the old one is kept (and exported by its number).</summary>
    Reset,
}
