using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Resolves a data path named in a level file and keeps it inside its containment root (RULES.md §6):
/// no absolute paths, no '..' out of the root, no symbolic link that leads out of it.
/// </summary>
internal static class SafePath
{
    private const int MaxLinkDepth = 40;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies under it (both full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(folder);
        return path.Equals(root, StringComparison.Ordinal)
            || (path.StartsWith(root, StringComparison.Ordinal) && path.Length > root.Length && IsSeparator(path[root.Length]));
    }

    /// <summary>The folder a level's data must stay in: the levels root if the level lies in it, else its own folder.</summary>
    public static string ContainmentRoot(string levelPath, string? levelsRoot)
    {
        var full = Path.GetFullPath(levelPath);
        if (levelsRoot is not null)
        {
            var root = Path.GetFullPath(levelsRoot);
            if (IsInside(full, root))
            {
                return Path.TrimEndingDirectorySeparator(root);
            }
        }

        return Path.GetDirectoryName(full)!;
    }

    /// <summary>The full, link-free path of a file named relative to a level file; null with the reason when refused.</summary>
    public static string? Resolve(IFileSystem fs, string levelPath, string relative, string containmentRoot, out string? refusal)
    {
        refusal = null;
        if (relative.Length == 0)
        {
            refusal = "expected a path relative to the level file's folder, found an empty string";
            return null;
        }

        // A NUL (or any control character) is never part of a real file name, and NUL makes the path APIs throw.
        if (relative.Any(char.IsControl))
        {
            refusal = $"\"{relative}\" holds a control character; expected a path relative to the level file's folder";
            return null;
        }

        if (Path.IsPathRooted(relative) || relative.StartsWith('/') || relative.StartsWith('\\') || relative.Contains(':', StringComparison.Ordinal))
        {
            refusal = $"\"{relative}\" is an absolute path; expected a path relative to the level file's folder";
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(levelPath))!;
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        if (!IsInside(full, containmentRoot))
        {
            refusal = $"\"{relative}\" leads out of {containmentRoot}; data must stay inside the levels folder";
            return null;
        }

        var real = RealPath(fs, full, 0);
        var realRoot = RealPath(fs, containmentRoot, 0);
        if (real is null || realRoot is null)
        {
            refusal = $"\"{relative}\" goes through too many symbolic links";
            return null;
        }

        if (!IsInside(real, realRoot))
        {
            refusal = $"\"{relative}\" is a symbolic link (or lies behind one) that leads out of {containmentRoot}";
            return null;
        }

        return real;
    }

    /// <summary>The path with every symbolic link along it followed; null past the link depth limit.</summary>
    private static string? RealPath(IFileSystem fs, string fullPath, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            return null;
        }

        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            string? target = null;
            try
            {
                var info = fs.FileInfo.New(next);
                target = info.Exists || fs.Directory.Exists(next) || info.LinkTarget is not null ? info.LinkTarget : null;
            }
            catch (IOException)
            {
                target = null;
            }
            catch (UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            var resolved = RealPath(fs, Path.GetFullPath(target, current), depth + 1);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;
}
