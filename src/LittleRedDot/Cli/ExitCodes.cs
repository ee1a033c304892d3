namespace LittleRedDot.Cli;

/// <summary>The exit codes of RULES.md §8; where several apply, the highest of 2, 1, 0 wins.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A check failed: a replay that does not verify, an invalid level, no valid level made.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad usage or input: a parse error, a missing or malformed file, a choice out of range, a failed save.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by Ctrl+C, after the terminal is restored.</summary>
    public const int Interrupted = 130;

    /// <summary>The terminal went away (SIGHUP, or its input hung up) while the game ran: 128 + SIGHUP's number, as a shell reports it.</summary>
    public const int HungUp = 129;

    /// <summary>SIGTERM stopped the game: 128 + SIGTERM's number.</summary>
    public const int Terminated = 143;

    public static int Worst(int a, int b) => Math.Max(a, b);

    /// <summary>
    /// What a saved run's verdict means for the exit code. §8 lists "a run file that is not JSON or breaks the
    /// format's schema" (§7's player rule is part of it) and "a choice out of range" under 2; any other run
    /// that does not verify is a failed check (1).
    /// </summary>
    public static int For(Content.Verification verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Verified ? Success
            : verdict.IsBadInput || verdict.Reason is Content.VerifyReason.ChoiceOutOfRange or Content.VerifyReason.PlayerNotAllowed ? BadInput
            : CheckFailed;
    }
}
