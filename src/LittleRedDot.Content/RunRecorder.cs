using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>Plays a choice on a level and makes the run file that proves it (RULES.md §7).</summary>
public static class RunRecorder
{
    /// <exception cref="ArgumentException">The player name breaks §7, or the choice is refused.</exception>
    public static RunFile Record(LevelDefinition level, Choice choice, string player, DateTimeOffset savedAt, IRunObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (PlayerName.Check(player) is { } problem)
        {
            throw new ArgumentException(problem, nameof(player));
        }

        var savedAtText = Rfc3339.Format(savedAt);
        using var digest = new RunDigest(player, savedAtText);
        var result = Descent.Run(level.Level, choice, observer is null ? digest : new RunObservers(digest, observer));
        return new RunFile
        {
            LevelId = level.Id,
            LevelSha256 = level.Sha256,
            Player = player,
            SavedAt = savedAtText,
            Choice = choice,
            Result = result,
            Digest = digest.Finish(),
        };
    }
}
