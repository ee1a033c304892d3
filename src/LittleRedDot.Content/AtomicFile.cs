using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Writes a file whole or not at all: a temporary file in the same folder, flushed to disk, then
/// renamed over the target. A failed save leaves the previous file as it was. Only a regular file is ever replaced:
/// a symbolic link is followed and the file it leads to replaced (the link stays), a device, a named pipe or a socket
/// is refused (as root, `--save /dev/null` replaced the system's /dev/null), and so is a read-only file unless the
/// caller was asked to replace it (issue 14, kind 7).
/// </summary>
public static class AtomicFile
{
    /// <exception cref="ContentException">The file could not be written, or is not a file that may be replaced; the message names it and says why.</exception>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> bytes, bool replaceReadOnly = false)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var full = Resolve(fileSystem, path);
        var folder = fileSystem.Path.GetDirectoryName(full) ?? ".";
        switch (FileKind.Of(fileSystem, full))
        {
            case FileKindName.Directory:
                throw new ContentException(new LocatedError(path, string.Empty, "is a folder; cannot save a file over it"));
            case FileKindName.Other:
                throw new ContentException(new LocatedError(path, string.Empty, $"is {FileKind.NotRegular}; cannot save a file over it"));
            case FileKindName.Regular when !replaceReadOnly && fileSystem.File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly):
                throw new ContentException(new LocatedError(path, string.Empty, "is read-only; it is left as it is (replace it on purpose with --force)"));
        }

        var temp = fileSystem.Path.Combine(folder, $".{fileSystem.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (!fileSystem.Directory.Exists(folder))
            {
                fileSystem.Directory.CreateDirectory(folder);
            }

            using (var stream = fileSystem.FileStream.New(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            fileSystem.File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(fileSystem, temp);
            throw new ContentException(new LocatedError(path, string.Empty, $"could not be saved ({e.Message}); any earlier file there is unchanged"));
        }
    }

    /// <summary>The full path, with a symbolic link (or a chain of them) replaced by the file it leads to.</summary>
    private static string Resolve(IFileSystem fileSystem, string path)
    {
        var full = fileSystem.Path.GetFullPath(path);
        try
        {
            return fileSystem.FileInfo.New(full).LinkTarget is null
                ? full
                : fileSystem.File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a loop of links, or none: the write below says what is wrong
        }
    }

    private static void TryDelete(IFileSystem fileSystem, string temp)
    {
        try
        {
            fileSystem.File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the target was never touched.
        }
    }
}
