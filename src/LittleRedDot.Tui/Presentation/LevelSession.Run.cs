using LittleRedDot.Content;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>The session's run: launched from the choice, recorded and saved, played back, and finished with its lesson.</summary>
public sealed partial class LevelSession
{
    /// <summary>Watches the run launched last, for its lesson.</summary>
    private RunWitness? witness;

    private bool roomAnswerShown;

    /// <summary>Runs the engine on the choice, saves the run, and starts playing it back; false (with a message) when the choice is refused.</summary>
    public bool Launch()
    {
        if (Phase == SessionPhase.Running)
        {
            return false;
        }

        var choice = Choice;
        if (Level.CheckChoice(choice) is { } refused)
        {
            Phase = SessionPhase.Setup;
            Warn(refused);
            return false;
        }

        if (services.Player is not { } player)
        {
            Warn("choose a player name first (P on the level list)");
            return false;
        }

        if (!PredictionReady())
        {
            return false;
        }

        var trace = new RunTrace(Level);
        witness = trace.Witness;
        var run = RunRecorder.Record(Definition, choice, player, services.Clock.GetUtcNow(), trace);
        Playback = new Playback(trace.Frames, run.Result!);
        LastRun = run;
        Phase = SessionPhase.Running;
        Paused = false;
        SpeedIndex = SpeedLadder.StartIndexFor(run.Result!.Steps);
        Lesson = null;
        Verdict = null;
        WayVerdicts = [];
        Message = null;
        var result = run.Result!;
        log.RunFinished(Definition.Id, player, OutcomeNames.Name(result.Outcome), result.Steps, result.Score, result.Stars, result.Bounces, choice.Alpha);
        services.RememberChoice(Definition.Id, choice);
        LastSave = services.SaveRun(Definition, run);
        roomAnswerShown = false;
        if (Playback.AtEnd)
        {
            Finish();
        }

        return true;
    }

    /// <summary>Moves the animation on by the time passed; returns whether the picture changed.</summary>
    public bool Tick(TimeSpan elapsed)
    {
        if (Phase != SessionPhase.Running || Paused || Playback is null)
        {
            return false;
        }

        var changed = Playback.Advance(StepsPerSecond * elapsed.TotalSeconds);
        if (Playback.AtEnd)
        {
            Finish();
            return true;
        }

        return changed;
    }

    public void TogglePause()
    {
        if (Phase == SessionPhase.Running)
        {
            Paused = !Paused;
        }
    }

    /// <summary>Pauses and shows one more step.</summary>
    public void StepOnce()
    {
        if (Phase != SessionPhase.Running || Playback is null)
        {
            return;
        }

        Paused = true;
        Playback.StepOnce();
        if (Playback.AtEnd)
        {
            Finish();
        }
    }

    public void SkipToEnd()
    {
        if (Phase != SessionPhase.Running || Playback is null)
        {
            return;
        }

        Playback.SkipToEnd();
        Finish();
    }

    public void Faster() => SpeedIndex = Math.Min(SpeedIndex + 1, SpeedLadder.Count - 1);

    public void Slower() => SpeedIndex = Math.Max(SpeedIndex - 1, 0);

    /// <summary>Back to choosing, from the last choice.</summary>
    public void TryAgain()
    {
        if (Phase == SessionPhase.Finished)
        {
            Phase = SessionPhase.Setup;
            Message = null;
        }
    }

    /// <summary>The outcome in a few words: "Reached the valley at step 12".</summary>
    public string OutcomeHeadline(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            Outcome.Reached => $"Reached the valley at step {result.Steps}",
            Outcome.Diverged => $"Diverged at step {result.Steps}: the dot flew off",
            _ => $"Out of steps: {Rules.Budget} steps and not in the valley",
        };
    }

    /// <summary>A path with the home folder written ~, so that it fits the message row.</summary>
    private string Home(string path)
    {
        var home = services.User.Home;
        return home.Length > 1 && path.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "~" + path[home.Length..] : path;
    }

    /// <summary>
    /// A folder as the message row shows it: from ~ when under the home folder, its middle folders as "…" so that the
    /// last two (progress/NAME/ in the data folder) fit the 80-column row whole: "~/…/progress/ada-1a2b3c/".
    /// </summary>
    private string Tail(string folder)
    {
        var sep = Path.DirectorySeparatorChar;
        var shown = Home(folder);
        var names = shown.Split(sep, StringSplitOptions.RemoveEmptyEntries);
        var root = shown.StartsWith(sep) ? sep.ToString() : string.Empty;
        return root + string.Join(sep, names.Length <= 3 ? names : [names[0], "…", names[^2], names[^1]]) + sep;
    }

    private void Finish()
    {
        Phase = SessionPhase.Finished;
        Paused = false;
        var result = Playback!.Result;
        Lesson = Content.Lessons.Lesson.Explain(Level, LastRun!.Choice.Alpha, result, witness!, Workshop);
        JudgePrediction();
        ComposeSaveMessage();

        // The best run now includes this one; its ghost is drawn under this path, so it shows from the next try.
        LoadBest();
    }

    /// <summary>Whether the last run's room answer is still to be shown: the screen asks <see cref="ShowRoomAnswer"/> until it is.</summary>
    public bool RoomAnswerPending => LastSave?.Room is not null && !roomAnswerShown && Phase != SessionPhase.Setup;

    /// <summary>Puts the room's answer in the message once it came and the run is finished; returns whether the message changed.</summary>
    public bool ShowRoomAnswer()
    {
        if (Phase != SessionPhase.Finished || roomAnswerShown || LastSave?.Room is not { IsCompleted: true })
        {
            return false;
        }

        ComposeSaveMessage();
        return true;
    }

    /// <summary>What became of the run, in one line: problems first, then the room's answer, a new best, where it was saved.</summary>
    private void ComposeSaveMessage()
    {
        if (LastSave is not { } save)
        {
            return;
        }

        // Problems first: the message row is one line, and a long "Saved to" path before them hid them at 80 columns.
        var parts = new List<string>(save.Problems);
        if (save.Room is { } room)
        {
            parts.Add(room.Status);
            roomAnswerShown = room.IsCompleted;
        }

        // The folder, not the whole path: the file is named after the level, and the row is one line of 80 columns.
        var folder = save.BestFile is { } best ? Tail(Path.GetDirectoryName(best)!) : null;
        if (save.NewBest && Playback!.Result.Outcome == Outcome.Reached)
        {
            parts.Add(save.RunsFile is null && folder is not null ? $"New best! Run file: {folder}" : "New best on this level!");
        }
        else if (save.NewBest && save.RunsFile is null && folder is not null)
        {
            parts.Add($"Kept as your best so far, in {folder}");
        }

        if (save.RunsFile is { } file)
        {
            parts.Add($"Saved to {file}");
        }

        Message = parts.Count > 0 ? string.Join(" ", parts) : null;
        MessageIsWarning = save.Problems.Count > 0 || save.Room?.IsWarning == true;
    }
}
