namespace LittleRedDot.Content;

/// <summary>
/// How folders of level and run files are searched: not through symbolic links (a link back up makes a
/// loop that lists each file dozens of times) and past folders that cannot be read (which would make the
/// whole search throw).
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
}
