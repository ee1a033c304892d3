using LittleRedDot.Content;

namespace LittleRedDot.Server;

/// <summary>What a room answers a submitted run (RULES.md §9); the HTTP layer turns each into its status.</summary>
public abstract record SubmitAnswer
{
    /// <summary>201: stored and ranked; the name's token (new when this run claimed the name).</summary>
    public sealed record Accepted(string Token) : SubmitAnswer;

    /// <summary>200: this verified run (same digest) is already stored in the round; it is not counted again. The token only when the request carried it.</summary>
    public sealed record AlreadyStored(string? Token) : SubmitAnswer;

    /// <summary>422: stored for the facilitator, never ranked.</summary>
    public sealed record Rejected(Verification Verdict) : SubmitAnswer;

    /// <summary>400: not a run file; nothing stored.</summary>
    public sealed record NotARunFile(Verification Verdict) : SubmitAnswer;

    /// <summary>403: the name is claimed and the token is missing or wrong; nothing stored.</summary>
    public sealed record NameClaimed(string Player) : SubmitAnswer;

    /// <summary>409: the round closed at <paramref name="At"/>; nothing stored.</summary>
    public sealed record RoundClosed(DateTimeOffset At) : SubmitAnswer;
}
