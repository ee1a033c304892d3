using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// How folders of level and run files are searched: not through symbolic links to folders (a link back up makes a
/// loop that lists each file dozens of times), and one folder at a time, so that a folder that cannot be listed — not
/// readable, or a path longer than the system allows — is passed on as an entry of its own for the caller to report
/// as unreadable, instead of making the whole search throw (issue 14, kind 6). Symbolically linked files are listed
/// (their readers refuse them by name), so nothing under a folder is skipped without a word.
/// </summary>
internal static class FolderSearch
{
    public static EnumerationOptions Options(bool recursive) => new()
    {
        RecurseSubdirectories = recursive,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        MatchType = MatchType.Win32,
    };

    /// <summary>
    /// The files under <paramref name="root"/> whose names end in <paramref name="suffix"/>, and the folders that could
    /// not be listed, in ordinal path order.
    /// </summary>
    public static IReadOnlyList<string> Files(IFileSystem fileSystem, string root, string suffix, bool recursive)
    {
        var found = new List<string>();
        var folders = new Stack<string>([root]);
        var options = new EnumerationOptions { IgnoreInaccessible = false, MatchType = MatchType.Win32, AttributesToSkip = 0 };
        while (folders.TryPop(out var folder))
        {
            try
            {
                found.AddRange(fileSystem.Directory.GetFiles(folder, "*" + suffix, options).Where(f => f.EndsWith(suffix, StringComparison.Ordinal)));
                if (recursive)
                {
                    foreach (var sub in fileSystem.Directory.GetDirectories(folder, "*", options))
                    {
                        if (fileSystem.DirectoryInfo.New(sub).LinkTarget is null)
                        {
                            folders.Push(sub);
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                found.Add(folder);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
