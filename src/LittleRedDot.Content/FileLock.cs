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
        if (FileKind.Of(fileSystem, lockPath) is FileKindName.Directory or FileKindName.Other)
        {
            throw new ContentException(new LocatedError(lockPath, string.Empty, $"is {FileKind.NotRegular}; {path} is not written without its lock"));
        }

        var folder = fileSystem.Path.GetDirectoryName(fileSystem.Path.GetFullPath(lockPath));
        var attempts = (int)(Patience / Pause);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (folder is not null && !fileSystem.Directory.Exists(folder))
                {
                    fileSystem.Directory.CreateDirectory(folder);
                }

                return fileSystem.FileStream.New(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < attempts)
            {
                // Held by another writer (or the folder is being made): wait a moment and try again.
                Thread.Sleep(Pause);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ContentException(new LocatedError(lockPath, string.Empty, $"could not be locked within {Patience.TotalSeconds:0} s ({e.Message}); {path} was not changed"));
            }
        }
    }
}
