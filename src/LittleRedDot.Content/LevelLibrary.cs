using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Finds levels by id under a levels root and loads each at most once — what replaying thousands of
/// saved runs needs. Level ids are unique under a root (RULES.md §6); a duplicate is reported.
/// </summary>
public sealed class LevelLibrary
{
    private readonly LevelLoader loader;
    private readonly LevelCatalog catalog;
    private readonly Dictionary<string, LevelDefinition> loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContentException> failed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocatedError> duplicates = new(StringComparer.Ordinal);
    private Dictionary<string, LevelSpec>? index;
    private List<LocatedError>? indexErrors;

    public LevelLibrary(IFileSystem fileSystem, string root)
    {
        catalog = new LevelCatalog(fileSystem, root);
        loader = new LevelLoader(fileSystem, catalog.Root);
    }

    public LevelLoader Loader => loader;

    public LevelCatalog Catalog => catalog;

    /// <summary>Problems met while indexing the root: malformed level files and duplicate ids.</summary>
    public IReadOnlyList<LocatedError> IndexErrors
    {
        get
        {
            EnsureIndex();
            return indexErrors!;
        }
    }

    /// <summary>The path of the level with this id, or null.</summary>
    public string? PathOf(string id)
    {
        EnsureIndex();
        return index!.TryGetValue(id, out var spec) ? spec.Path : null;
    }

    /// <summary>Why <paramref name="id"/> names no one level under the root (two level files claim it, RULES.md §6); null when it is unique or unused.</summary>
    public LocatedError? DuplicateOf(string id)
    {
        EnsureIndex();
        return duplicates.GetValueOrDefault(id);
    }

    /// <summary>The loaded level with this id; null when no well-formed level has it.</summary>
    /// <exception cref="ContentException">A level file has the id but its data cannot be loaded.</exception>
    public LevelDefinition? Find(string id)
    {
        if (loaded.TryGetValue(id, out var level))
        {
            return level;
        }

        if (failed.TryGetValue(id, out var error))
        {
            throw error;
        }

        EnsureIndex();
        if (duplicates.TryGetValue(id, out var duplicate))
        {
            throw new ContentException(duplicate);
        }

        if (!index!.TryGetValue(id, out var spec))
        {
            return null;
        }

        try
        {
            level = loader.Load(spec);
        }
        catch (ContentException e)
        {
            failed[id] = e;
            throw;
        }

        loaded[id] = level;
        return level;
    }

    /// <summary>Loads a level given as an id under the root or as a path to a level file.</summary>
    /// <exception cref="ContentException">Not found, unreadable or malformed.</exception>
    public LevelDefinition Resolve(string idOrPath)
    {
        // An id is lower-case letters, digits and '-' (RULES.md §6): anything else, or an existing file, is a path.
        if (idOrPath.EndsWith(LevelCatalog.LevelSuffix, StringComparison.Ordinal)
            || idOrPath.AsSpan().IndexOfAny(['/', '\\', '.']) >= 0
            || loader.FileSystem.File.Exists(idOrPath))
        {
            return loader.Load(idOrPath);
        }

        return Find(idOrPath)
            ?? throw new ContentException(new LocatedError(idOrPath, string.Empty, $"no level with this id under {catalog.Root}; give a level id (see `littlereddot levels`) or a path to a *.level.json file")) { IsUnreadable = true };
    }

    private void EnsureIndex()
    {
        if (index is not null)
        {
            return;
        }

        index = new Dictionary<string, LevelSpec>(StringComparer.Ordinal);
        indexErrors = [];
        foreach (var file in catalog.LevelFilesIn())
        {
            LevelSpec spec;
            try
            {
                spec = loader.ReadSpec(file);
            }
            catch (ContentException e)
            {
                indexErrors.AddRange(e.Errors);
                continue;
            }

            if (!index.TryAdd(spec.Id, spec))
            {
                var error = new LocatedError(file, "$.id", $"the id \"{spec.Id}\" is already used by {index[spec.Id].Path}; level ids must be unique under the levels folder");
                indexErrors.Add(error);
                duplicates.TryAdd(spec.Id, error);
            }
        }
    }
}
