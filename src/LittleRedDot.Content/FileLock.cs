using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// An exclusive lock between processes on a file that is read, changed and written back (the settings file): a lock
/// file beside it, held open with <see cref="FileShare.None"/> (on Linux and macOS .NET takes <c>flock(LOCK_EX)</c> on
/// it, so two processes — the game and `run --submit`, or two `run --submit` — and two opens in one process exclude each
/// other). The lock file stays after use: deleting it would let a third process lock a different file of the same name.
/// </summary>
public static class FileLock
{
    /// <summary>How long a writer waits for another to finish before giving up: a read-modify-write takes milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    /// <summary>Takes the lock of <paramref name="path"/> (the file <c>PATH.lock</c>), waiting up to <see cref="Patience"/>; dispose to release.</summary>
    /// <exception cref="ContentException">The lock file is not a regular file, cannot be made, or stays held by another writer.</exception>
    public static IDisposable Take(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var lockPath = path + ".lock";
        var kind = FileKind.Of(fileSystem, lockPath);
        if (kind is FileKindName.Directory or FileKindName.Other)
        {
            var what = kind == FileKindName.Directory ? "a folder, not a file" : FileKind.NotRegular;
            throw new ContentException(new LocatedError(lockPath, string.Empty, $"is {what}; {path} is not written without its lock"));
        }

        // A folder that cannot be made (a file stands in its way, no permission) will not appear by waiting: fail at once.
        var folder = fileSystem.Path.GetDirectoryName(fileSystem.Path.GetFullPath(lockPath));
        try
        {
            if (folder is not null && !fileSystem.Directory.Exists(folder))
            {
                fileSystem.Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ContentException(new LocatedError(lockPath, string.Empty, $"could not be made: its folder {folder} cannot be created ({e.Message}); {path} was not changed"));
        }

        var attempts = (int)(Patience / Pause);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return fileSystem.FileStream.New(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < attempts && FileKind.Of(fileSystem, lockPath) == FileKindName.Regular)
            {
                // The lock file is there and regular, so it is held by another writer: wait a moment and try again.
                Thread.Sleep(Pause);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var why = attempt < attempts ? "could not be opened" : $"stayed held by another writer for {Patience.TotalSeconds:0} s";
                throw new ContentException(new LocatedError(lockPath, string.Empty, $"{why} ({e.Message}); {path} was not changed"));
            }
        }
    }
}
