using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Reads a whole file without trusting the size the file system reports: /dev/zero, /dev/urandom and /proc files
/// report 0 bytes and then never end (or end later). A read stops past the reported size plus a margin for a file
/// still being written, and never passes the caller's limit — an endless "file" is refused, not read into memory.
/// </summary>
public static class BoundedFile
{
    /// <summary>How far a file may grow past its reported size while it is read (and what a size-less pseudo-file may hold).</summary>
    public const long GrowthMargin = 1L << 20;

    /// <summary>
    /// Opens a regular file for reading. <paramref name="reported"/> is the size the file system gives; <paramref name="cap"/>
    /// the most bytes a reader may take before it refuses the file: that size plus <see cref="GrowthMargin"/>, at most
    /// <paramref name="limit"/>.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened, or is not a regular file (<see cref="FileKind.NotRegular"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Stream OpenRead(IFileSystem fileSystem, string path, long limit, out long reported, out long cap)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (FileKind.IsSpecial(fileSystem, path))
        {
            throw new IOException(FileKind.NotRegular);
        }

        reported = fileSystem.FileInfo.New(path).Length;
        cap = Math.Min(limit, reported > limit - GrowthMargin ? limit : reported + GrowthMargin);
        return fileSystem.File.OpenRead(path);
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/> or than its reported size allows.</summary>
    /// <exception cref="IOException">The file cannot be read, or is not a regular file (<see cref="FileKind.NotRegular"/>): a named pipe or a device is never opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[]? Read(IFileSystem fileSystem, string path, long limit)
    {
        using var stream = OpenRead(fileSystem, path, limit, out var reported, out var cap);
        return ReadAll(stream, reported, cap);
    }

    /// <summary>The rest of an opened file (see <see cref="OpenRead"/>), or null when it holds more than <paramref name="cap"/>.</summary>
    public static byte[]? ReadAll(Stream stream, long reported, long cap)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // Read straight into an array of the reported size: a large file is held once, not twice
        // (a MemoryStream and its copy). Only a file longer than it said makes the array grow.
        var buffer = new byte[Math.Min(reported, cap)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                var next = stream.ReadByte();
                if (next < 0)
                {
                    return buffer;
                }

                if (total >= cap)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(cap, Math.Max(81920L, buffer.Length * 2L)));
                buffer[total++] = (byte)next;
                continue;
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total < buffer.Length)
        {
            Array.Resize(ref buffer, total);
        }

        return buffer;
    }
}
