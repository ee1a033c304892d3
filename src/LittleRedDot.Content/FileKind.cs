using System.IO.Abstractions;
using System.Runtime.InteropServices;

namespace LittleRedDot.Content;

/// <summary>
/// Decides by file type before a file is opened. Opening a named pipe waits for a writer, and reading one held open by
/// a writer (<c>sleep 1000 &gt; runs/zz.run.json</c>) waits for ever; a device such as /dev/zero never ends. Only
/// regular files are read or written; anything else is "not a regular file", refused like any bad file. Symbolic links
/// are followed, as opening would follow them.
/// </summary>
public static partial class FileKind
{
    /// <summary>The message a non-regular file is refused with.</summary>
    public const string NotRegular = "not a regular file (a named pipe, a device or a socket is never read)";

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;

    /// <summary>What <paramref name="path"/> names in <paramref name="fileSystem"/>, its kind asked of the disk.</summary>
    public static FileKindName Of(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(path);
        if (fileSystem.Directory.Exists(path))
        {
            return FileKindName.Directory;
        }

        if (!fileSystem.File.Exists(path))
        {
            return FileKindName.Missing;
        }

        if (!OperatingSystem.IsLinux())
        {
            return FileKindName.Regular;
        }

        // statx(2): its buffer has one layout on every Linux architecture (stx_mode, a u16, at byte 28), unlike stat's.
        // Asked of the disk whatever file system was given (an overlay of shipped files, a test's mock): a path the disk
        // does not know is a file that only that file system holds, a regular one.
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            return FileKindName.Regular;
        }

        return (BitConverter.ToUInt16(buffer, 28) & TypeMask) switch
        {
            TypeRegular => FileKindName.Regular,
            TypeDirectory => FileKindName.Directory,
            _ => FileKindName.Other,
        };
    }

    /// <summary>Whether <paramref name="path"/> exists and is something other than a regular file or a folder.</summary>
    public static bool IsSpecial(IFileSystem fileSystem, string path) => Of(fileSystem, path) == FileKindName.Other;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
