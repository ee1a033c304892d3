namespace LittleRedDot.Server.Storage;

/// <summary>One change a room's writer commits (RULES.md §9).</summary>
public abstract record RoomChange
{
    /// <summary>A submission, verified or not.</summary>
    public sealed record AddSubmission(StoredSubmission Submission) : RoomChange;

    /// <summary>The first accepted run of a name claims it with a token.</summary>
    public sealed record ClaimName(string Player, string Token, DateTimeOffset At) : RoomChange;

    /// <summary>The facilitator releases a name: the next accepted run claims it anew.</summary>
    public sealed record ReleaseName(string Player) : RoomChange;

    /// <summary>A round's close time or frozen board changed.</summary>
    public sealed record UpdateRound(RoundRecord Round) : RoomChange;

    /// <summary>A new round; the old ones are kept.</summary>
    public sealed record StartRound(RoundRecord Round) : RoomChange;
}
