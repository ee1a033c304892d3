using LittleRedDot.Engine;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// What the game keeps in the user's settings file under "LittleRedDot": the player's name, the runs
/// folder every run is saved to (a workshop's shared folder), and the last choice made on each level
/// so that "try again" starts there.
/// </summary>
public sealed record GameSettings
{
    public string? Player { get; init; }

    public string? RunsFolder { get; init; }

    public IReadOnlyDictionary<string, Choice> LastChoices { get; init; } = new Dictionary<string, Choice>(StringComparer.Ordinal);

    public GameSettings WithLastChoice(string levelId, Choice choice)
    {
        var copy = new Dictionary<string, Choice>(LastChoices, StringComparer.Ordinal) { [levelId] = choice };
        return this with { LastChoices = copy };
    }
}
