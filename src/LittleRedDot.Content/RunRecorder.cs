using System.Globalization;
using LittleRedDot.Engine;

namespace LittleRedDot.Content;

/// <summary>Plays a choice on a level and makes the run file that proves it (RULES.md §7).</summary>
public static class RunRecorder
{
    /// <summary>The savedAt text for an instant: RFC 3339 UTC to the second.</summary>
    public static string SavedAtText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <exception cref="ArgumentException">The player name breaks §7, or the choice is refused.</exception>
    public static RunFile Record(LevelDefinition level, Choice choice, string player, DateTimeOffset savedAt, IRunObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (PlayerName.Check(player) is { } problem)
        {
            throw new ArgumentException(problem, nameof(player));
        }

        var savedAtText = SavedAtText(savedAt);
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
