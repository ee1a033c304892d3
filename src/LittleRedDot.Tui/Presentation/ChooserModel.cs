using LittleRedDot.Content;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The title screen's pack and level chooser: packs in order (RULES.md §6), each pack's levels with the
/// player's stars and best score, and which one is selected.
/// </summary>
public sealed class ChooserModel
{
    private readonly LevelLoader loader;
    private readonly GameServices services;

    public ChooserModel(LevelLoader loader, IReadOnlyList<Pack> packs, GameServices services)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(packs);
        ArgumentNullException.ThrowIfNull(services);
        this.loader = loader;
        this.services = services;
        Packs = packs.Select(p => new PackEntry(p)).ToArray();
        if (Packs.Count > 0)
        {
            Packs[0].Load(loader, services);
        }
    }

    public IReadOnlyList<PackEntry> Packs { get; }

    /// <summary>The loader the packs' levels come from (the leaderboard loads them the same way).</summary>
    public LevelLoader Loader => loader;

    public int PackIndex { get; private set; }

    public int LevelIndex { get; private set; }

    public PackEntry? SelectedPack => Packs.Count > 0 ? Packs[PackIndex] : null;

    public LevelEntry? SelectedLevel => SelectedPack is { Levels.Count: > 0 } p ? p.Levels[LevelIndex] : null;

    public void MovePack(int delta)
    {
        if (Packs.Count == 0)
        {
            return;
        }

        PackIndex = Math.Clamp(PackIndex + delta, 0, Packs.Count - 1);
        LevelIndex = 0;
        if (!Packs[PackIndex].Loaded)
        {
            Packs[PackIndex].Load(loader, services);
        }
    }

    public void MoveLevel(int delta)
    {
        if (SelectedPack is { } pack && pack.Levels.Count > 0)
        {
            LevelIndex = Math.Clamp(LevelIndex + delta, 0, pack.Levels.Count - 1);
        }
    }

    /// <summary>Selects a level by its place; false when there is none there.</summary>
    public bool Select(int pack, int level)
    {
        if (pack < 0 || pack >= Packs.Count || level < 0 || level >= Packs[pack].Levels.Count)
        {
            return false;
        }

        if (pack != PackIndex)
        {
            MovePack(pack - PackIndex);
        }

        LevelIndex = level;
        return true;
    }

    /// <summary>Selects the level with this id, in whatever pack holds it.</summary>
    public bool SelectLevel(string id)
    {
        for (var p = 0; p < Packs.Count; p++)
        {
            if (!Packs[p].Loaded)
            {
                Packs[p].Load(loader, services);
            }

            for (var l = 0; l < Packs[p].Levels.Count; l++)
            {
                if (Packs[p].Levels[l].Spec?.Id == id)
                {
                    return Select(p, l);
                }
            }
        }

        return false;
    }

    /// <summary>The level after the selected one in its pack, selected; null at the pack's end.</summary>
    public LevelEntry? NextLevel()
    {
        if (SelectedPack is not { } pack || LevelIndex + 1 >= pack.Levels.Count)
        {
            return null;
        }

        LevelIndex++;
        return SelectedLevel;
    }

    /// <summary>After a player change or a run: re-read the best runs shown.</summary>
    public void RefreshBests()
    {
        foreach (var pack in Packs.Where(p => p.Loaded))
        {
            foreach (var level in pack.Levels)
            {
                level.RefreshBest(services);
            }
        }
    }
}
