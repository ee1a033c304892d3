namespace LittleRedDot.Content.Board;

/// <summary>
/// The levels of one pack, loaded once, that a board verifies runs against (RULES.md §8, §9): the ids in
/// pack order and each level by id. A level whose file reads but whose data does not load is reported
/// when a run names it; a file that cannot even be read has no id a run could name. An id that two level files under
/// the loader's levels root claim (in this pack or another) names no level: its runs are refused, as run and replay
/// refuse them (RULES.md §6: ids are unique under a levels root).
/// </summary>
public sealed class PackLevels
{
    private readonly Dictionary<string, LevelDefinition> levels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentException> brokenLevels = new(StringComparer.Ordinal);

    public PackLevels(Pack pack, LevelLoader loader)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(loader);
        Pack = pack;
        var ids = new List<string>();
        var root = loader.LevelsRoot is { } folder ? new LevelLibrary(loader.FileSystem, folder) : null;
        foreach (var file in pack.LevelFiles)
        {
            try
            {
                var spec = loader.ReadSpec(file);
                if (ids.Contains(spec.Id))
                {
                    // Two files claim one id: a run on it cannot say which it was played on, so it is refused, as
                    // run and replay refuse it (RULES.md §6: ids are unique).
                    levels.Remove(spec.Id);
                    brokenLevels[spec.Id] = new ContentException(new LocatedError(file, "$.id", $"the id \"{spec.Id}\" is used by another level file of this pack too; level ids must be unique"));
                    continue;
                }

                ids.Add(spec.Id);
                if (root?.DuplicateOf(spec.Id) is { } duplicate)
                {
                    brokenLevels[spec.Id] = new ContentException(duplicate);
                    continue;
                }

                try
                {
                    levels[spec.Id] = loader.Load(spec);
                }
                catch (ContentException e)
                {
                    brokenLevels[spec.Id] = e;
                }
            }
            catch (ContentException)
            {
                // A level file that cannot even be read has no id a run could name.
            }
        }

        LevelIds = ids;
    }

    public Pack Pack { get; }

    /// <summary>The ids of the pack's readable level files, in pack order (RULES.md §6).</summary>
    public IReadOnlyList<string> LevelIds { get; }

    /// <summary>How messages name where a level was looked for.</summary>
    public string Name => $"the pack \"{Pack.Title}\"";

    /// <summary>A checker that verifies runs against these levels, as replay does (RULES.md §7).</summary>
    public RunFileChecker Checker(System.IO.Abstractions.IFileSystem fileSystem) => new(fileSystem, Find, Name);

    /// <summary>The level with this id; null when the pack has none.</summary>
    /// <exception cref="ContentException">The pack's level of that id cannot be loaded.</exception>
    public LevelDefinition? Find(string id)
    {
        if (brokenLevels.TryGetValue(id, out var error))
        {
            throw error;
        }

        return levels.GetValueOrDefault(id);
    }
}
