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

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/> or than its reported size allows.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[]? Read(IFileSystem fileSystem, string path, long limit)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var reported = fileSystem.FileInfo.New(path).Length;
        var cap = Math.Min(limit, reported > limit - GrowthMargin ? limit : reported + GrowthMargin);
        using var stream = fileSystem.File.OpenRead(path);
        using var buffer = new MemoryStream((int)Math.Min(reported + 1, int.MaxValue - 64));
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
