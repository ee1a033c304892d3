namespace LittleRedDot.Content;

/// <summary>A pack (RULES.md §6): a folder of level files, listed in ordinal file-name order.</summary>
public sealed record Pack(string Name, string Folder, string Title, string? Description, bool Workshop, IReadOnlyList<string> LevelFiles)
{
    /// <summary>
    /// Why the pack's pack.json was not used (unreadable or malformed) and what that changes, in its file; null when
    /// it was used, or there is none. Never silent: `levels` warns, `check-levels` fails and `serve` refuses the pack.
    /// </summary>
    public LocatedError? Problem { get; init; }

    /// <summary>Whether the game asks for a prediction before each launch (pack.json "predict", issue 11).</summary>
    public bool Predict { get; init; }
}
