using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Writes a file whole or not at all: a temporary file in the same folder, flushed to disk, then
/// renamed over the target. A failed save leaves the previous file as it was. Only a regular file is ever replaced:
/// a symbolic link is followed and the file it leads to replaced (the link stays), a device, a named pipe or a socket
/// is refused (as root, `--save /dev/null` replaced the system's /dev/null), and what happens to an existing regular
/// file is the caller's <see cref="Overwrite"/> (issue 14, kinds 7 and round two: `run --save` replaced a best run, or a
/// level file, without being asked).
/// </summary>
public static class AtomicFile
{
    /// <param name="fileSystem">The file system written to.</param>
    /// <param name="path">The target; a symbolic link is followed.</param>
    /// <param name="bytes">The whole content.</param>
    /// <param name="overwrite">Whether an existing regular file at <paramref name="path"/> is replaced.</param>
    /// <exception cref="ContentException">The file could not be written, or is not a file that may be replaced; the message names it and says why.</exception>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> bytes, Overwrite overwrite = Overwrite.OwnFile)
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
            case FileKindName.Regular when overwrite == Overwrite.Never:
                throw new ContentException(new LocatedError(path, string.Empty, "exists; it is left as it is (replace it on purpose with --force)"));
            case FileKindName.Regular when overwrite == Overwrite.OwnFile && fileSystem.File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly):
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

            // Never: a file that appeared since the check above is not replaced either.
            fileSystem.File.Move(temp, full, overwrite: overwrite != Overwrite.Never);
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

/// <summary>What <see cref="AtomicFile.Write"/> does with an existing regular file at its target.</summary>
public enum Overwrite
{
    /// <summary>The program's own file (progress, settings, outbox): a writable file is replaced, a read-only one refused.</summary>
    OwnFile,

    /// <summary>A file the user named without --force: any existing file is refused and left as it is.</summary>
    Never,

    /// <summary>A file the user named with --force: any regular file, a read-only one included, is replaced.</summary>
    Always,
}
