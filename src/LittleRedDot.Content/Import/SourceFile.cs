using System.IO.Abstractions;

namespace LittleRedDot.Content.Import;

/// <summary>
/// Reads a data file given to the importer whole, never more than <see cref="MaxBytes"/>, and only when it is a
/// regular file with data: a named pipe, a device or a /proc file reports no size, so a file that reports 0
/// bytes is refused without being opened — nothing here can wait on a pipe or read an endless device.
/// </summary>
public static class SourceFile
{
    /// <summary>The largest data file read: the limit of a level's CSV (RULES.md §6).</summary>
    public const long MaxBytes = CsvColumns.MaxBytes;

    /// <exception cref="ContentException">Missing, a folder, empty or not a regular file, too large, or unreadable (IsUnreadable).</exception>
    public static byte[] Read(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var info = fileSystem.FileInfo.New(path);
        string? problem = null;
        if (fileSystem.Directory.Exists(path))
        {
            problem = "is a folder; expected a data file";
        }
        else if (!info.Exists)
        {
            // A name that is not valid UTF-8 (given as the shell listed it) is found by its bytes.
            try
            {
                var named = RawFileName.TryRead(path, MaxBytes, out var shown);
                if (named is { Length: > 0 })
                {
                    return named;
                }

                problem = shown is null ? "file not found" : $"{shown} is empty, or holds more than {MaxBytes:N0} bytes";
            }
            catch (IOException e)
            {
                problem = $"cannot be read ({e.Message})";
            }
        }
        else if (info.Length == 0)
        {
            problem = "is empty or not a regular file (a named pipe or a device reports no size): nothing to import";
        }
        else if (info.Length > MaxBytes)
        {
            problem = $"is {info.Length:N0} bytes; at most {MaxBytes:N0} are read";
        }
        else
        {
            try
            {
                return BoundedFile.Read(fileSystem, path, MaxBytes)
                    ?? throw Unreadable(path, $"grew past {MaxBytes:N0} bytes or its reported size while it was read");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot be read ({e.Message})";
            }
        }

        throw Unreadable(path, problem);
    }

    private static ContentException Unreadable(string path, string problem) =>
        new(new LocatedError(path, string.Empty, problem)) { IsUnreadable = true };
}
