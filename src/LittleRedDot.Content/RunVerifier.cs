using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>
/// Verifies a saved run by recomputing it, never trusting it (RULES.md §7): rules version, player name,
/// level hash, choice, every result field (doubles by bits) and the digest must all match.
/// </summary>
public static class RunVerifier
{
    /// <summary>
    /// Verifies <paramref name="run"/> against <paramref name="level"/> (null: no level of that id was found
    /// in <paramref name="levelsName"/>, which names where the level was looked for in the message).
    /// </summary>
    public static Verification Verify(LevelDefinition? level, RunFile run, string levelsName = "the levels folder")
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.RulesVersion != RulesVersion.Current)
        {
            return OtherRules(run.RulesVersion, run);
        }

        if (PlayerName.Check(run.Player) is { } playerProblem)
        {
            return new Verification(VerifyReason.PlayerNotAllowed, $"player name not allowed: {playerProblem}") { Run = run };
        }

        if (level is null)
        {
            return new Verification(VerifyReason.LevelNotFound, $"level not found: no level \"{Excerpt.Of(run.LevelId)}\" in {levelsName}") { Run = run };
        }

        if (!string.Equals(level.Sha256, run.LevelSha256, StringComparison.Ordinal))
        {
            return new Verification(VerifyReason.LevelChanged, $"level changed: \"{Excerpt.Of(run.LevelId)}\" is not the level this run was played on (its rules or data differ)")
            {
                Run = run,
                Field = "level.sha256",
                Stored = run.LevelSha256,
                Recomputed = level.Sha256,
            };
        }

        if (level.Level.CheckChoice(run.Choice) is { } choiceProblem)
        {
            return new Verification(VerifyReason.ChoiceOutOfRange, $"choice out of range: {choiceProblem}") { Run = run };
        }

        using var digest = new RunDigest(run.Player, run.SavedAt);
        var recomputed = Descent.Run(level.Level, run.Choice, digest);
        if (run.Result is not { } stored)
        {
            return new Verification(VerifyReason.Malformed, "the file has no result") { Run = run };
        }

        foreach (var (field, s, r) in Fields(stored, recomputed))
        {
            if (s != r)
            {
                return new Verification(VerifyReason.ResultDiffers, $"{field} differs: stored {s}, recomputed {r}")
                {
                    Run = run,
                    Field = field,
                    Stored = s,
                    Recomputed = r,
                };
            }
        }

        var actual = digest.Finish();
        if (!string.Equals(actual, run.Digest, StringComparison.Ordinal))
        {
            return new Verification(VerifyReason.DigestDiffers, "digest differs: the player name, savedAt or the run's path was edited")
            {
                Run = run,
                Field = "digest",
                Stored = run.Digest,
                Recomputed = actual,
            };
        }

        return new Verification(VerifyReason.Verified, "verified") { Run = run };
    }

    /// <summary>The verdict on a run file of another rules version (RULES.md §7: reported, never silently accepted).</summary>
    public static Verification OtherRules(long version, RunFile? run) =>
        new(VerifyReason.OtherRules, $"made under other rules (rules version {version}; this program plays version {RulesVersion.Current})") { Run = run };

    /// <summary>Each result field as text that is equal exactly when the values are (doubles by their bits).</summary>
    private static IEnumerable<(string Field, string Stored, string Recomputed)> Fields(RunResult s, RunResult r)
    {
        yield return ("result.outcome", OutcomeNames.Name(s.Outcome), OutcomeNames.Name(r.Outcome));
        yield return ("result.steps", Int(s.Steps), Int(r.Steps));
        yield return ("result.bounces", Int(s.Bounces), Int(r.Bounces));
        yield return ("result.beta0", Bits(s.FinalBeta0), Bits(r.FinalBeta0));
        yield return ("result.beta1", Bits(s.FinalBeta1), Bits(r.FinalBeta1));
        yield return ("result.cost", Bits(s.FinalCost), Bits(r.FinalCost));
        yield return ("result.gap", Bits(s.Gap), Bits(r.Gap));
        yield return ("result.score", s.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("result.stars", Int(s.Stars), Int(r.Stars));
    }

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Round-trip text identifies the bits of a finite double (−0 included); every NaN reads as "NaN".</summary>
    private static string Bits(double value) => DoubleText.RoundTrip(value);
}
