using System.IO.Abstractions;

namespace LittleRedDot.Content;

/// <summary>
/// Reads and verifies run files by path — the shared work of `replay` and the leaderboard. Levels are
/// looked up by id through <c>findLevel</c> (null: not there), so each is loaded once by its owner.
/// </summary>
public sealed class RunFileChecker(IFileSystem fileSystem, Func<string, LevelDefinition?> findLevel, string levelsName = "the levels folder")
{
    /// <summary>The largest run file read; real ones are well under a kilobyte.</summary>
    public const long MaxRunFileBytes = 1L << 20;

    public const string RunSuffix = ".run.json";

    public Verification Check(string path)
    {
        byte[] bytes;
        try
        {
            var info = fileSystem.FileInfo.New(path);
            if (fileSystem.Directory.Exists(path))
            {
                // A folder the search could not list (FolderSearch passes it on): reported, and the rest goes on.
                return new Verification(VerifyReason.Unreadable, "a folder that cannot be listed");
            }

            if (!info.Exists)
            {
                // A name that is not valid UTF-8 lists with U+FFFD and cannot be opened by that string: found by its bytes.
                return RawFileName.TryRead(path, MaxRunFileBytes, out var shown) is { } named
                    ? Check(named, path)
                    : new Verification(VerifyReason.Unreadable, shown is null ? WhyMissing(path) : $"not a run file: {shown} holds more than {MaxRunFileBytes:N0} bytes");
            }

            if (info.LinkTarget is not null)
            {
                // Listed, not skipped in silence (issue 14): a run file is read where it lies, never through a link.
                return new Verification(VerifyReason.Unreadable, "a symbolic link; run files are read where they lie, not through links");
            }

            if (info.Length > MaxRunFileBytes)
            {
                return new Verification(VerifyReason.Malformed, $"not a run file: {info.Length:N0} bytes is far larger than any run file");
            }

            bytes = BoundedFile.Read(fileSystem, path, MaxRunFileBytes)
                ?? throw new IOException("it does not end where its size says; is it a device?");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Verification(VerifyReason.Unreadable, $"cannot be read ({e.Message})");
        }

        return Check(bytes, path);
    }

    /// <summary>
    /// Reads and verifies a run file already in memory (a room's submission, RULES.md §9); <paramref name="name"/>
    /// names it in messages.
    /// </summary>
    public Verification Check(ReadOnlySpan<byte> bytes, string name)
    {
        RunFile run;
        try
        {
            run = RunFileReader.Read(bytes, name);
        }
        catch (ContentException e) when (e.OtherRulesVersion is { } version)
        {
            return RunVerifier.OtherRules(version, null);
        }
        catch (ContentException e)
        {
            var first = e.Errors.Count > 0 ? e.Errors[0] : new LocatedError(name, string.Empty, "not a run file");
            var more = e.Errors.Count > 1 ? $" (and {e.Errors.Count - 1} more problems)" : string.Empty;
            return new Verification(VerifyReason.Malformed, $"not a valid run file: {(first.Location.Length > 0 ? first.Location + ": " : string.Empty)}{first.Message}{more}");
        }

        LevelDefinition? level;
        try
        {
            level = run.RulesVersion == Engine.RulesVersion.Current ? findLevel(run.LevelId) : null;
        }
        catch (ContentException e)
        {
            return new Verification(VerifyReason.LevelNotFound, $"level not found: \"{Excerpt.Of(run.LevelId)}\" cannot be loaded ({e.Errors.FirstOrDefault()?.Message ?? e.Message})") { Run = run };
        }

        return RunVerifier.Verify(level, run, levelsName);
    }

    /// <summary>"file not found", or the system's reason when the path cannot even be looked at (longer than the system allows).</summary>
    private string WhyMissing(string path)
    {
        try
        {
            fileSystem.File.GetAttributes(path);
            return "file not found";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "file not found";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read ({e.Message})";
        }
    }

    /// <summary>The run files a list of paths names: files as given, folders searched for *.run.json.</summary>
    public IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (fileSystem.Directory.Exists(path))
            {
                foreach (var file in FolderSearch.Files(fileSystem, path, RunSuffix, recursive: true))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
