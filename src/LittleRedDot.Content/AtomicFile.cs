using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Writes a file whole or not at all: a temporary file in the same folder, flushed to disk, then
/// renamed over the target. A failed save leaves the previous file as it was.
/// </summary>
public static class AtomicFile
{
    /// <exception cref="ContentException">The file could not be written; the message names it and says why.</exception>
    public static void Write(IFileSystem fileSystem, string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var full = fileSystem.Path.GetFullPath(path);
        var folder = fileSystem.Path.GetDirectoryName(full) ?? ".";
        if (fileSystem.Directory.Exists(full))
        {
            throw new ContentException(new LocatedError(path, string.Empty, "is a folder; cannot save a file over it"));
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
