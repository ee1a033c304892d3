using LittleRedDot.Content;

namespace LittleRedDot.Tui.Presentation;

/// <summary>A pack in the chooser; its levels are loaded when the pack is first shown.</summary>
public sealed class PackEntry(Pack pack)
{
    public Pack Pack { get; } = pack;

    public IReadOnlyList<LevelEntry> Levels { get; } = pack.LevelFiles.Select(f => new LevelEntry(f)).ToArray();

    public bool Loaded { get; private set; }

    public string Title => Pack.Title;

    public int Stars => Levels.Sum(l => l.Stars);

    public int MaxStars => 3 * Levels.Count;

    public void Load(LevelLoader loader, GameServices services)
    {
        ArgumentNullException.ThrowIfNull(loader);
        foreach (var level in Levels)
        {
            level.Load(loader, services);
        }

        Loaded = true;
    }
}
