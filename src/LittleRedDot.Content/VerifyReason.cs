namespace LittleRedDot.Content;

/// <summary>Why a saved run does or does not verify (RULES.md §7).</summary>
public enum VerifyReason
{
    Verified,
    OtherRules,
    PlayerNotAllowed,
    LevelNotFound,
    LevelChanged,
    ChoiceOutOfRange,
    ResultDiffers,
    DigestDiffers,

    /// <summary>Not JSON, or not of the run file's schema.</summary>
    Malformed,

    /// <summary>Missing or unreadable.</summary>
    Unreadable,
}
