namespace LittleRedDot.Content;

/// <summary>What a path names, asked of the file system without opening it (issue 14, kind 2).</summary>
public enum FileKindName
{
    /// <summary>Nothing there (or a symbolic link that leads nowhere).</summary>
    Missing,

    /// <summary>A regular file: the only kind the program reads or replaces.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe, a device, a socket: opening or reading it may wait for ever or never end.</summary>
    Other,
}
