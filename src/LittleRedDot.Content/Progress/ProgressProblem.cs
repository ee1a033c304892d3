namespace LittleRedDot.Content.Progress;

/// <summary>
/// Something wrong with a saved file that the game handled without stopping: which file, what was
/// wrong, and where the file was moved (null when it stayed).
/// </summary>
public sealed record ProgressProblem(string File, string Message, string? MovedTo)
{
    /// <summary>One line for the screen, safe for a terminal.</summary>
    public string Describe() => MovedTo is null
        ? $"{Path.GetFileName(File)}: {Message}"
        : $"{Path.GetFileName(File)}: {Message}; moved aside to {Path.GetFileName(MovedTo)}";
}
