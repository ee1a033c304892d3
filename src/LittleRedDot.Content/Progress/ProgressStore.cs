using System.IO.Abstractions;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Progress;

/// <summary>
/// A player's progress (issue 5): the best run per level, kept as a run file (RULES.md §7) named after
/// the level in a folder of the player's own under the user's data folder, written atomically. A file
/// that cannot be trusted is reported and moved aside, never a crash; a run made under other rules, or
/// on an earlier version of the level, is replayed from its stored choice and re-scored.
/// </summary>
public sealed class ProgressStore
{
    private readonly IFileSystem fileSystem;
    private readonly TimeProvider time;
    private readonly List<ProgressProblem> problems = [];

    public ProgressStore(IFileSystem fileSystem, string dataFolder, string player, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(time);
        if (PlayerName.Check(player) is { } problem)
        {
            throw new ArgumentException(problem, nameof(player));
        }

        this.fileSystem = fileSystem;
        this.time = time;
        Player = player;
        Folder = fileSystem.Path.Combine(dataFolder, "progress", PlayerFolderName.Of(player));
    }

    public string Player { get; }

    /// <summary>The player's progress folder.</summary>
    public string Folder { get; }

    /// <summary>The file that holds the best run on a level.</summary>
    public string PathFor(string levelId) => fileSystem.Path.Combine(Folder, levelId + RunFileChecker.RunSuffix);

    /// <summary>Problems met since the last call, oldest first; the list is emptied.</summary>
    public IReadOnlyList<ProgressProblem> TakeProblems()
    {
        var taken = problems.ToArray();
        problems.Clear();
        return taken;
    }

    /// <summary>
    /// The best run on <paramref name="level"/>, verified against it, or null when there is none (or the
    /// file could not be trusted: then it is moved aside and a problem recorded).
    /// </summary>
    public BestRun? Best(LevelDefinition level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var path = PathFor(level.Id);
        if (!Exists(path))
        {
            return null;
        }

        var verdict = new RunFileChecker(fileSystem, id => id == level.Id ? level : null).Check(path);
        if (verdict.Verified)
        {
            if (verdict.Run!.Player == Player)
            {
                return new BestRun(verdict.Run, false);
            }

            MoveAside(path, "the run belongs to another player");
            return null;
        }

        var run = verdict.Run;
        if (run is not null && run.LevelId == level.Id && run.Player == Player
            && verdict.Reason is VerifyReason.OtherRules or VerifyReason.LevelChanged)
        {
            return Rescore(level, run, path, verdict.Reason == VerifyReason.OtherRules
                ? $"made under rules version {run.RulesVersion}"
                : "made on an earlier version of this level");
        }

        MoveAside(path, verdict.Reason switch
        {
            VerifyReason.Malformed or VerifyReason.Unreadable => verdict.Message,
            VerifyReason.LevelNotFound => "the run is for another level",
            _ => $"the run does not verify ({verdict.Message})",
        });
        return null;
    }

    /// <summary>
    /// Keeps <paramref name="run"/> (one just recorded on <paramref name="level"/>) when it ranks above the
    /// best run so far (RULES.md §4); returns whether it did.
    /// </summary>
    /// <exception cref="ContentException">The file could not be written; the previous best is unchanged.</exception>
    public bool Offer(LevelDefinition level, RunFile run) => Keep(level, run).Kept;

    /// <summary>
    /// Keeps <paramref name="run"/> when it ranks strictly above the best run so far (RULES.md §4), as
    /// <see cref="Offer"/>; returns whether it did and the result of the best it was ranked against (null when none).
    /// </summary>
    /// <exception cref="ContentException">The file could not be written; the previous best is unchanged.</exception>
    public (bool Kept, RunResult? Previous) Keep(LevelDefinition level, RunFile run)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(run);
        if (run.LevelId != level.Id || run.Player != Player || run.Result is null)
        {
            throw new ArgumentException("Only a run of this player on this level, with its result, can be kept.", nameof(run));
        }

        var best = Best(level);
        if (best is not null && RunRanking.Compare(run, best.Run) >= 0)
        {
            return (false, best.Run.Result);
        }

        AtomicFile.Write(fileSystem, PathFor(level.Id), RunFileWriter.ToBytes(run));
        return (true, best?.Run.Result);
    }

    private BestRun? Rescore(LevelDefinition level, RunFile old, string path, string why)
    {
        if (level.Level.CheckChoice(old.Choice) is { } refused)
        {
            MoveAside(path, $"{why}, and its choice no longer fits the level ({refused})");
            return null;
        }

        var savedAt = old.SavedAtInstant == DateTimeOffset.MaxValue ? time.GetUtcNow() : old.SavedAtInstant;
        var rescored = RunRecorder.Record(level, old.Choice, old.Player, savedAt);
        try
        {
            AtomicFile.Write(fileSystem, path, RunFileWriter.ToBytes(rescored));
        }
        catch (ContentException e)
        {
            problems.Add(new ProgressProblem(path, $"{why}; re-scored, but the new score could not be saved ({e.Errors.FirstOrDefault()?.Message ?? e.Message})", null));
            return new BestRun(rescored, true);
        }

        problems.Add(new ProgressProblem(path, $"{why}; replayed from its choice and re-scored under rules version {RulesVersion.Current}: {OutcomeNames.Name(rescored.Result!.Outcome)}, score {rescored.Result.Score}", null));
        return new BestRun(rescored, true);
    }

    private bool Exists(string path)
    {
        try
        {
            return fileSystem.File.Exists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Renames a file that cannot be trusted so that it is kept for the curious but never read again.</summary>
    private void MoveAside(string path, string why)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var target = $"{path}.corrupt-{stamp}";
        for (var n = 2; Exists(target); n++)
        {
            target = $"{path}.corrupt-{stamp}-{n}";
        }

        try
        {
            fileSystem.File.Move(path, target);
            problems.Add(new ProgressProblem(path, why, target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ProgressProblem(path, $"{why}; it could not be moved aside ({e.Message}) and is ignored", null));
        }
    }
}
