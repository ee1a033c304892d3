namespace LittleRedDot.Content;

/// <summary>
/// The verdict on one saved run: verified, or the reason in words a facilitator understands, and for a
/// differing field its name with the stored and recomputed values.
/// </summary>
public sealed record Verification(VerifyReason Reason, string Message)
{
    public bool Verified => Reason == VerifyReason.Verified;

    /// <summary>The run as read (null when the file could not be read).</summary>
    public RunFile? Run { get; init; }

    /// <summary>The first field that differs, e.g. "result.steps" or "digest".</summary>
    public string? Field { get; init; }

    public string? Stored { get; init; }

    public string? Recomputed { get; init; }

    /// <summary>Whether this verdict is about a file that is not a run file at all (exit 2 in replay).</summary>
    public bool IsBadInput => Reason is VerifyReason.Malformed or VerifyReason.Unreadable;

    /// <summary>The reason in a few words, as replay and the leaderboard name it.</summary>
    public string ReasonText => Reason switch
    {
        VerifyReason.Verified => "verified",
        VerifyReason.OtherRules => "made under other rules",
        VerifyReason.PlayerNotAllowed => "player name not allowed",
        VerifyReason.LevelNotFound => "level not found",
        VerifyReason.LevelChanged => "level changed",
        VerifyReason.ChoiceOutOfRange => "choice out of range",
        VerifyReason.ResultDiffers => "result differs",
        VerifyReason.DigestDiffers => "digest differs",
        VerifyReason.Malformed => "malformed",
        _ => "unreadable",
    };
}
