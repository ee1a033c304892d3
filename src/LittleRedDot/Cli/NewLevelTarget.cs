using LittleRedDot.Content;
using LittleRedDot.Content.Authoring;
using LittleRedDot.Engine;

namespace LittleRedDot.Cli;

/// <summary>
/// Where new-level writes — the level file and its data beside it as NAME.csv — and the one way it writes them: both
/// go to a staging folder beside the target, are read back and checked exactly as check-levels would, and only a
/// valid level is moved into place. A failure or a dry run leaves nothing behind, and the data being read is never
/// a target.
/// </summary>
public sealed class NewLevelTarget
{
    private readonly bool force;

    private NewLevelTarget(string levelPath, bool force)
    {
        LevelPath = levelPath;
        this.force = force;
        CsvName = Path.GetFileName(levelPath)[..^LevelCatalog.LevelSuffix.Length] + ".csv";
        CsvPath = Path.Combine(Folder, CsvName);
    }

    public string LevelPath { get; }

    public string CsvPath { get; }

    /// <summary>The CSV's name as the level file names it (same folder).</summary>
    public string CsvName { get; }

    private string Folder => Path.GetDirectoryName(LevelPath)!;

    /// <exception cref="UsageException">Not a *.level.json name, or the file exists without --force.</exception>
    public static NewLevelTarget For(CliContext context, string output, bool force)
    {
        ArgumentNullException.ThrowIfNull(context);
        var full = Path.GetFullPath(output);
        if (!full.EndsWith(LevelCatalog.LevelSuffix, StringComparison.Ordinal) || Path.GetFileName(full).Length == LevelCatalog.LevelSuffix.Length)
        {
            throw new UsageException($"--out: a level file's name ends in {LevelCatalog.LevelSuffix}, so that packs find it");
        }

        var target = new NewLevelTarget(full, force);
        target.RefuseExisting(context, full);
        return target;
    }

    /// <summary>The data file must survive: it may be neither the level file nor the CSV written beside it.</summary>
    /// <exception cref="UsageException">It is one of them.</exception>
    public void RefuseOverwritingSource(string source)
    {
        var full = Path.GetFullPath(source);
        if (string.Equals(full, LevelPath, StringComparison.Ordinal) || string.Equals(full, CsvPath, StringComparison.Ordinal))
        {
            throw new UsageException($"--out: {CliContext.Shorten(full)} is the data file being read; new-level writes {CsvName} and the level beside it, so give --out another name or folder");
        }
    }

    /// <summary>
    /// Stages, checks and (unless <paramref name="dryRun"/>) moves the level and its CSV into place; prints the preview
    /// and what was written. Exit 0, or 1 when no valid level could be made.
    /// </summary>
    public int WriteChecked(CliContext context, string levelsRoot, NewLevel level, byte[]? csv, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(level);
        var fs = context.FileSystem;
        RefuseExisting(context, LevelPath);
        if (csv is not null)
        {
            RefuseExisting(context, CsvPath);
        }

        var createdFolder = !fs.Directory.Exists(Folder);
        var staging = Path.Combine(Folder, $".new-level.{Guid.NewGuid():N}.tmp");
        var stagedLevel = Path.Combine(staging, Path.GetFileName(LevelPath));
        var moved = false;
        try
        {
            fs.Directory.CreateDirectory(staging);
            if (csv is not null)
            {
                fs.File.WriteAllBytes(Path.Combine(staging, CsvName), csv);
            }

            fs.File.WriteAllBytes(stagedLevel, LevelFileWriter.ToBytes(level));
            var loader = new LevelLoader(fs, levelsRoot);
            LevelDefinition definition;
            Solution solution;
            try
            {
                // Read back from disk exactly as check-levels reads it.
                definition = loader.Load(stagedLevel);
                solution = Solver.Solve(definition.Level, context.Cancellation);
            }
            catch (ContentException e)
            {
                context.PrintErrors(e.Errors.Select(x => x with { File = x.File.Replace(staging, Folder, StringComparison.Ordinal) }));
                return ExitCodes.CheckFailed;
            }

            NewLevelReport.Preview(context.Out, definition.Level, level.Draft);
            if (UsedElsewhere(context, loader, level.Id) is { } other)
            {
                context.Error.WriteLine($"error: the id \"{level.Id}\" is already used by {CliContext.Shorten(other)}; level ids are unique under the levels folder, give another with --id");
                return ExitCodes.CheckFailed;
            }

            if (!solution.IsValid || solution.BestRun is not { } best)
            {
                context.Error.WriteLine("error: could not make a valid level from this data (no choice reaches the valley within par); try --both-free, another cost or other columns");
                return ExitCodes.CheckFailed;
            }

            var shown = CliContext.Shorten(LevelPath);
            if (dryRun)
            {
                context.Out.WriteLine($"dry run: level \"{level.Id}\" is valid; nothing written (without --dry-run: {shown}{(csv is null ? string.Empty : " and " + CsvName)})");
                return ExitCodes.Success;
            }

            if (csv is not null)
            {
                fs.File.Move(Path.Combine(staging, CsvName), CsvPath, overwrite: true);
            }

            fs.File.Move(stagedLevel, LevelPath, overwrite: true);
            moved = true;
            context.Out.WriteLine($"wrote {shown}{(csv is null ? string.Empty : $" and {CliContext.Shorten(CsvPath)}")}: level \"{level.Id}\", valid");
            context.Out.WriteLine($"  the solver's best reaches in {(best.Steps == 1 ? "1 step" : $"{best.Steps} steps")}; see everything with: littlereddot check-levels {shown}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {CliContext.Shorten(LevelPath)} could not be written ({e.Message}); nothing was changed");
            return ExitCodes.BadInput;
        }
        finally
        {
            TryDelete(context, staging);
            if (createdFolder && !moved)
            {
                TryDelete(context, Folder);
            }
        }
    }

    private void RefuseExisting(CliContext context, string path)
    {
        switch (FileKind.Of(context.FileSystem, path))
        {
            case FileKindName.Directory:
                throw new UsageException($"--out: {CliContext.Shorten(path)} is a folder");
            case FileKindName.Other:
                // A device, a pipe or a socket is never replaced, --force or not (as run --save refuses it, AtomicFile).
                throw new UsageException($"--out: {CliContext.Shorten(path)} is not a regular file; it is left as it is");
            case FileKindName.Regular when !force:
                throw new UsageException($"--out: {CliContext.Shorten(path)} exists; add --force to overwrite it");
        }
    }

    /// <summary>Removes a folder this command made, if it is still there (and, for the output folder, empty).</summary>
    private static void TryDelete(CliContext context, string folder)
    {
        try
        {
            if (context.FileSystem.Directory.Exists(folder))
            {
                context.FileSystem.Directory.Delete(folder, recursive: folder.EndsWith(".tmp", StringComparison.Ordinal));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder someone else filled meanwhile stays.
        }
    }

    /// <summary>
    /// Another level file under the levels root with this id, when the new level lies under that root too — check-levels
    /// would call both invalid (§6: ids are unique under a levels root). Null when there is none.
    /// </summary>
    private string? UsedElsewhere(CliContext context, LevelLoader loader, string id)
    {
        if (loader.LevelsRoot is not { } root || !context.FileSystem.Directory.Exists(root))
        {
            return null;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(root), LevelPath);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        foreach (var file in new LevelCatalog(context.FileSystem, root).LevelFilesIn())
        {
            try
            {
                if (file != LevelPath && !file.Contains(".new-level.", StringComparison.Ordinal) && loader.ReadSpec(file).Id == id)
                {
                    return file;
                }
            }
            catch (ContentException)
            {
                // A malformed neighbour names no id.
            }
        }

        return null;
    }
}
