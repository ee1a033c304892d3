using System.Globalization;
using System.IO.Abstractions;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// Saves every run into the runs folder (configuration LittleRedDot:RunsFolder) — in a workshop, the
/// room's shared folder that the leaderboard reads. Each run gets a file of its own, written atomically,
/// named by level, player and time so that nothing is ever overwritten.
/// </summary>
public sealed class RunsFolder(IFileSystem fileSystem, string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Saves the run and returns the file's path.</summary>
    /// <exception cref="ContentException">The file could not be written.</exception>
    public string Save(RunFile run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stamp = run.SavedAtInstant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var stem = $"{run.LevelId}.{PlayerFolderName.Of(run.Player)}.{stamp}";
        var path = fileSystem.Path.Combine(Folder, stem + RunFileChecker.RunSuffix);
        for (var n = 2; fileSystem.File.Exists(path); n++)
        {
            path = fileSystem.Path.Combine(Folder, $"{stem}-{n}{RunFileChecker.RunSuffix}");
        }

        // Never: a file another game made under this name since the check above (a shared folder) is kept, not replaced.
        AtomicFile.Write(fileSystem, path, RunFileWriter.ToBytes(run), Overwrite.Never);
        return path;
    }
}
