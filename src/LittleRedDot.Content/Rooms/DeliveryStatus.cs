namespace LittleRedDot.Content.Rooms;

/// <summary>What became of one run sent to a room (RULES.md §9).</summary>
public enum DeliveryStatus
{
    /// <summary>201: the room verified, stored and ranked it.</summary>
    Stored,

    /// <summary>A final 4xx refusal (does not verify, name claimed, round closed, too large …): never sent again.</summary>
    Refused,

    /// <summary>Not delivered (unreachable, timed out, 5xx, busy, an answer that is not a room's): kept and sent again later.</summary>
    NotDelivered,
}
