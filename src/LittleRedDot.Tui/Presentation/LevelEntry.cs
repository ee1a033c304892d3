using LittleRedDot.Content;
using LittleRedDot.Content.Progress;

namespace LittleRedDot.Tui.Presentation;

/// <summary>A level in the chooser: its file, and once loaded its definition and the player's best run on it (or why it cannot be played).</summary>
public sealed class LevelEntry(string file)
{
    public string File { get; } = file;

    public LevelSpec? Spec { get; private set; }

    public LevelDefinition? Definition { get; private set; }

    /// <summary>Why the level cannot be played, safe for the terminal; null when it can.</summary>
    public string? Error { get; private set; }

    public BestRun? Best { get; private set; }

    public int Stars => Best?.Result.Stars ?? 0;

    public long? Score => Best?.Result.Score;

    public string Title => Spec is { } s ? s.Title : Path.GetFileName(File);

    public void Load(LevelLoader loader, GameServices services)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            Spec ??= loader.ReadSpec(File);
            Definition ??= loader.Load(Spec);
            Error = null;
        }
        catch (ContentException e)
        {
            Error = e.Errors.Count > 0 ? $"{e.Errors[0].Location} {e.Errors[0].Message}".Trim() : e.Message;
            return;
        }

        RefreshBest(services);
    }

    public void RefreshBest(GameServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Best = Definition is null ? null : services.Best(Definition);
    }
}
