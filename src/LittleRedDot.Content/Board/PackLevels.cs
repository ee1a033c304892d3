namespace LittleRedDot.Content.Board;

/// <summary>
/// The levels of one pack, loaded once, that a board verifies runs against (RULES.md §8, §9): the ids in
/// pack order and each level by id. A level whose file reads but whose data does not load is reported
/// when a run names it; a file that cannot even be read has no id a run could name. An id that two level files under
/// the loader's levels root claim (in this pack or another) names no level: its runs are refused, as run and replay
/// refuse them (RULES.md §6: ids are unique under a levels root). Every such fault is in <see cref="Problems"/>, for
/// `serve`, which will not host a pack it cannot wholly verify against.
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
        var problems = new List<LocatedError>();
        if (pack.Problem is { } packProblem)
        {
            problems.Add(packProblem);
        }

        var ids = new List<string>();
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in pack.LevelFiles)
        {
            try
            {
                var spec = loader.ReadSpec(file);
                if (owners.TryGetValue(spec.Id, out var files))
                {
                    files.Add(file);
                    continue;
                }

                owners[spec.Id] = [file];
                ids.Add(spec.Id);
                try
                {
                    levels[spec.Id] = loader.Load(spec);
                }
                catch (ContentException e)
                {
                    brokenLevels[spec.Id] = e;
                    problems.AddRange(e.Errors);
                }
            }
            catch (ContentException e)
            {
                // A level file that cannot even be read has no id a run could name.
                problems.AddRange(e.Errors);
            }
        }

        // Two files claim one id: a run on it cannot say which it was played on, so it is refused, as run and replay
        // refuse it (RULES.md §6: ids are unique).
        foreach (var (id, files) in owners.Where(o => o.Value.Count > 1))
        {
            var clashes = files.Select(f => LevelChecker.DuplicateId(f, id, files.Where(other => other != f))).ToArray();
            levels.Remove(id);
            brokenLevels[id] = new ContentException(clashes);
            problems.AddRange(clashes);
        }

        // An id that a level file of another pack under the root uses too names no one level either.
        var root = loader.LevelsRoot is { } folder ? new LevelLibrary(loader.FileSystem, folder) : null;
        foreach (var (id, _) in owners.Where(o => o.Value.Count == 1))
        {
            if (root?.DuplicateOf(id) is { } duplicate)
            {
                levels.Remove(id);
                brokenLevels[id] = new ContentException(duplicate);
                problems.Add(duplicate);
            }
        }

        LevelIds = ids;
        Problems = problems;
    }

    /// <summary>
    /// Why some of the pack cannot be played as written: its pack.json is not used, a level file is malformed or its
    /// data does not load, two files share an id (RULES.md §6); in pack order. Empty for a sound pack.
    /// </summary>
    public IReadOnlyList<LocatedError> Problems { get; }

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
