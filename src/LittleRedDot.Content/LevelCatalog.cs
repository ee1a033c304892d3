using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// The packs and level files under a levels root (RULES.md §6): packs in ordinal folder-name order,
/// levels in ordinal file-name order; a folder without level files (data/) is not a pack. A root that
/// holds level files itself is one pack folder, and then the only pack (RULES.md §8's `--levels`).
/// </summary>
public sealed class LevelCatalog(IFileSystem fileSystem, string root)
{
    public const string LevelSuffix = ".level.json";

    public string Root { get; } = Path.GetFullPath(root);

    /// <exception cref="ContentException">The root is missing (a malformed pack.json is the pack's <see cref="Pack.Problem"/>).</exception>
    public IReadOnlyList<Pack> Packs()
    {
        RequireRoot();
        if (PackAt(Root) is { } only)
        {
            return [only];
        }

        var packs = new List<Pack>();
        foreach (var folder in fileSystem.Directory.GetDirectories(Root, "*", FolderSearch.Options(recursive: false)).Order(StringComparer.Ordinal))
        {
            if (PackAt(folder) is { } pack)
            {
                packs.Add(pack);
            }
        }

        return packs;
    }

    /// <summary>Every level file under <paramref name="folder"/> (the root by default), in ordinal path order.</summary>
    public IReadOnlyList<string> LevelFilesIn(string? folder = null, bool recursive = true)
    {
        var where = folder ?? Root;
        if (folder is null)
        {
            RequireRoot();

            // A pack folder as the root: its own level files are the levels, as the game lists them.
            var own = LevelFilesIn(Root, recursive: false);
            if (own.Count > 0)
            {
                return own;
            }
        }

        // Level files are not read through symbolic links (a link could lead out of the levels folder).
        return FolderSearch.Files(fileSystem, where, LevelSuffix, recursive).Where(f => fileSystem.FileInfo.New(f).LinkTarget is null).ToArray();
    }

    /// <summary>The pack named by a folder path, or by a folder name under the root; null if none.</summary>
    public Pack? FindPack(string nameOrPath)
    {
        var full = Path.GetFullPath(nameOrPath);

        // A pack named by its path needs no levels root; only a pack named by its name is looked up there.
        foreach (var pack in fileSystem.Directory.Exists(Root) ? Packs() : [])
        {
            if (pack.Name == nameOrPath || Path.TrimEndingDirectorySeparator(pack.Folder) == Path.TrimEndingDirectorySeparator(full))
            {
                return pack;
            }
        }

        return fileSystem.Directory.Exists(full) ? PackAt(full) : null;
    }

    /// <summary>The pack a folder makes, or null when it holds no level files.</summary>
    private Pack? PackAt(string folder)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        var files = LevelFilesIn(folder, recursive: false);
        if (files.Count == 0)
        {
            return null;
        }

        var name = Path.GetFileName(folder);
        var packFile = Path.Combine(folder, "pack.json");
        var info = new PackInfo(name, null, false);
        string? problem = null;
        if (fileSystem.File.Exists(packFile))
        {
            // One broken pack.json must not take the other packs down (issue 14, kind 6): the pack keeps its folder
            // name as its title, and the problem is reported with it.
            try
            {
                info = PackInfoReader.Read(
                    BoundedFile.Read(fileSystem, packFile, BoundedFile.GrowthMargin)
                        ?? throw new ContentException(new LocatedError(packFile, string.Empty, "far larger than a pack description; expected a small JSON object")),
                    packFile);
            }
            catch (ContentException e)
            {
                problem = string.Join("; ", e.Errors.Select(x => x.Location.Length > 0 ? $"{x.Location}: {x.Message}" : x.Message));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot be read ({e.Message})";
            }
        }

        return new Pack(name, folder, info.Title, info.Description, info.Workshop, files)
        {
            Predict = info.Predict,
            Problem = problem is null
                ? null
                : new LocatedError(
                    packFile,
                    string.Empty,
                    $"{problem}; this pack.json is not used until it is fixed, so the pack is shown under its folder name as a plain pack (not a workshop pack, no predictions)"),
        };
    }

    private void RequireRoot()
    {
        if (!fileSystem.Directory.Exists(Root))
        {
            throw new ContentException(new LocatedError(Root, string.Empty, "the levels folder does not exist; give one with --levels DIR")) { IsUnreadable = true };
        }
    }
}
