using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>The session's ghost: the player's best run on the level, or a run file that verifies on it.</summary>
public sealed partial class LevelSession
{
    /// <summary>G: shows or hides the ghost, and says which (or that there is none yet).</summary>
    public void ToggleGhost()
    {
        MessageIsWarning = false;
        if (GhostLabel is not { } label)
        {
            Message = "No ghost yet: your best run on this level becomes one (O opens a run file).";
            return;
        }

        ShowGhost = !ShowGhost;
        Message = ShowGhost ? $"Ghost shown: {label}, drawn faintly (G hides it)." : $"Ghost hidden: {label} (G shows it).";
    }

    /// <summary>
    /// Shows the run in a file as the ghost, if it verifies against this level (RULES.md §7); returns why it
    /// is refused — in words safe for the terminal — or null.
    /// </summary>
    public string? OpenGhost(string typed)
    {
        if (GhostFile.Resolve(services.FileSystem, typed, services.User.Home) is not { } path)
        {
            return "type the path of a run file (*.run.json) played on this level";
        }

        var verdict = GhostFile.Check(services.FileSystem, Definition, path);
        if (!verdict.Verified)
        {
            var reason = verdict.Message;
            log.GhostRefused(Definition.Id, path, reason);
            return $"{Path.GetFileName(path)}: {reason}";
        }

        var run = verdict.Run!;
        Ghost = Trace(run.Choice);
        GhostFromFile = true;
        GhostLabel = $"{run.Player}'s run";
        ShowGhost = true;
        log.GhostOpened(Definition.Id, path);
        var result = run.Result!;
        var outcome = result.Outcome switch
        {
            Outcome.Reached => $"reached the valley at step {result.Steps}, score {result.Score}",
            Outcome.Diverged => $"diverged at step {result.Steps}",
            _ => "out of steps",
        };
        Message = $"Ghost: {GhostLabel}, {outcome} ({Path.GetFileName(path)})";
        MessageIsWarning = false;
        return null;
    }

    private void LoadBest()
    {
        Best = services.Best(Definition);
        if (GhostFromFile)
        {
            return;
        }

        Ghost = null;
        GhostLabel = null;
        if (Best is { } best && Level.CheckChoice(best.Run.Choice) is null)
        {
            Ghost = Trace(best.Run.Choice);
            GhostLabel = "your best";
        }
    }

    /// <summary>The path of a run from its choice, replayed by the engine (a saved run's path is never read from the file).</summary>
    private IReadOnlyList<TraceFrame> Trace(Choice choice)
    {
        var trace = new RunTrace(Level, GhostCapacity);
        Descent.Run(Level, choice, trace);
        return trace.Frames;
    }
}
