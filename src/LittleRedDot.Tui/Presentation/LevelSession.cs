using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;
using Microsoft.Extensions.Logging;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The level screen without the screen: the choice being made (α and the start of each free parameter,
/// kept in range while the player types — the engine itself never clamps), the run launched from it and
/// played back, its outcome and lesson, hints, and the ghost of the player's best run.
/// </summary>
public sealed class LevelSession
{
    /// <summary>Arrow keys move a start by this fraction of its range.</summary>
    public const double StartStepFraction = 1.0 / 20;

    /// <summary>The ghost path keeps at most this many points.</summary>
    private const int GhostCapacity = 4096;

    private readonly GameServices services;
    private readonly ILogger log;
    private int hintIndex;

    public LevelSession(LevelDefinition definition, bool workshop, GameServices services)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        Definition = definition;
        Workshop = workshop;
        this.services = services;
        log = services.Logging.CreateLogger<LevelSession>();
        log.LevelOpened(definition.Id, services.Player ?? "(no player yet)");
        var rules = Rules;
        if (services.LastChoice(definition.Id) is { } last && Level.CheckChoice(last) is null)
        {
            (Alpha, Start0, Start1) = (last.Alpha, last.Beta0, last.Beta1);
        }
        else
        {
            Alpha = AlphaLadder.Middle(rules.AlphaMin, rules.AlphaMax);
            Start0 = rules.Beta0.IsFixed ? rules.Beta0.Value : Round((rules.Beta0.Min + rules.Beta0.Max) / 2);
            Start1 = rules.Beta1.IsFixed ? rules.Beta1.Value : Round((rules.Beta1.Min + rules.Beta1.Max) / 2);
        }

        LoadBest();
    }

    public LevelDefinition Definition { get; }

    public Level Level => Definition.Level;

    public LevelRules Rules => Definition.Level.Rules;

    /// <summary>A workshop pack hides hints and solver answers (issue 6).</summary>
    public bool Workshop { get; }

    public double Alpha { get; private set; }

    public double Start0 { get; private set; }

    public double Start1 { get; private set; }

    public Choice Choice => new(Alpha, Start0, Start1);

    public SessionPhase Phase { get; private set; } = SessionPhase.Setup;

    public Playback? Playback { get; private set; }

    /// <summary>The run last launched, as saved.</summary>
    public RunFile? LastRun { get; private set; }

    public SaveReport? LastSave { get; private set; }

    /// <summary>The player's best run on this level before the current run.</summary>
    public BestRun? Best { get; private set; }

    /// <summary>The ghost's path, drawn faintly beside the current one: the player's best run, or a run file opened.</summary>
    public IReadOnlyList<TraceFrame>? Ghost { get; private set; }

    /// <summary>Whose run the ghost is, in a few words safe for the terminal; null without a ghost.</summary>
    public string? GhostLabel { get; private set; }

    /// <summary>Whether the ghost came from a run file the player opened (it then stays, whatever their best becomes).</summary>
    public bool GhostFromFile { get; private set; }

    public bool ShowGhost { get; set; } = true;

    public bool Paused { get; private set; }

    public int SpeedIndex { get; private set; } = SpeedLadder.DefaultIndex;

    public double StepsPerSecond => SpeedLadder.StepsPerSecond(SpeedIndex);

    /// <summary>A line for the player about the last action (a refused value, a clamp, a save).</summary>
    public string? Message { get; private set; }

    public bool MessageIsWarning { get; private set; }

    /// <summary>The lesson of the finished run, in words.</summary>
    public string? Lesson { get; private set; }

    /// <summary>The frame shown: the current step of the run, or the start before launching.</summary>
    public TraceFrame Current
    {
        get
        {
            if (Playback is { } p && Phase != SessionPhase.Setup)
            {
                return p.Current;
            }

            var cost = Level.Valley.CostAt(Start0, Start1);
            return new TraceFrame(0, Start0, Start1, cost, Level.Valley.Gap(Start0, Start1), 0);
        }
    }

    public bool HasHints => !Workshop && Definition.Spec.Hints.Count > 0;

    public void ClearMessage() => Message = null;

    public void AlphaUp() => SetAlphaValue(AlphaLadder.Up(Alpha, Rules.AlphaMin, Rules.AlphaMax));

    public void AlphaDown() => SetAlphaValue(AlphaLadder.Down(Alpha, Rules.AlphaMin, Rules.AlphaMax));

    /// <summary>Takes a typed α: kept in the level's range (with a word when it had to be moved); false when it is not a number.</summary>
    public bool SetAlpha(string text)
    {
        if (NumberText.Parse(text) is not { } value)
        {
            Warn($"\"{text}\" is not a number: type α like 0.01 or 1e-3");
            return false;
        }

        var kept = Math.Clamp(value, Rules.AlphaMin, Rules.AlphaMax);
        SetAlphaValue(kept);
        if (kept != value)
        {
            Warn($"α must be in [{NumberText.Exact(Rules.AlphaMin)}, {NumberText.Exact(Rules.AlphaMax)}]; set to {NumberText.Exact(kept)}");
        }

        return true;
    }

    /// <summary>Whether the player chooses where a parameter starts: it is free and its start range holds more than one value.</summary>
    public static bool StartMoves(ParameterRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.IsFree && rule.Max > rule.Min;
    }

    /// <summary>Whether the level sets the start of every free parameter (a range of one value), leaving only α to choose.</summary>
    public bool StartIsSet => !StartMoves(Rules.Beta0) && !StartMoves(Rules.Beta1);

    /// <summary>True when the player may choose the start; otherwise false, with a message that says the level sets it.</summary>
    public bool MayChooseStart()
    {
        if (!StartIsSet)
        {
            return true;
        }

        var at = Rules.Beta1.IsFree ? $"β1 = {NumberText.Short(Start1)}" : $"β0 = {NumberText.Short(Start0)}";
        Warn($"This level sets the start ({at}): choose α (+ and - step it, A types it).");
        return false;
    }

    /// <summary>Moves the start of the free parameters by whole steps of their ranges (arrow keys).</summary>
    public void MoveStart(int steps0, int steps1)
    {
        if (!MayChooseStart())
        {
            return;
        }

        Edit();
        if (Rules.Beta0.IsFree && steps0 != 0)
        {
            Start0 = Step(Start0, steps0, Rules.Beta0);
        }

        if (Rules.Beta1.IsFree && steps1 != 0)
        {
            Start1 = Step(Start1, steps1, Rules.Beta1);
        }
    }

    /// <summary>Puts the start at a point (a click on the valley), kept inside the start box.</summary>
    public void PlaceStart(double beta0, double beta1)
    {
        if (!MayChooseStart())
        {
            return;
        }

        Edit();
        if (Rules.Beta0.IsFree)
        {
            Start0 = Round(Math.Clamp(beta0, Rules.Beta0.Min, Rules.Beta0.Max));
        }

        if (Rules.Beta1.IsFree)
        {
            Start1 = Round(Math.Clamp(beta1, Rules.Beta1.Min, Rules.Beta1.Max));
        }
    }

    /// <summary>Takes a typed start value, kept inside its range; false when it is not a number or the parameter is fixed.</summary>
    public bool SetStart(StartParameter which, string text)
    {
        var rule = which == StartParameter.Beta0 ? Rules.Beta0 : Rules.Beta1;
        var name = which == StartParameter.Beta0 ? "β0" : "β1";
        if (rule.IsFixed)
        {
            Warn($"{name} is fixed at {NumberText.Exact(rule.Value)} in this level");
            return false;
        }

        if (NumberText.Parse(text) is not { } value)
        {
            Warn($"\"{text}\" is not a number: type the start {name} like -4.5");
            return false;
        }

        Edit();
        var kept = Math.Clamp(value, rule.Min, rule.Max);
        if (which == StartParameter.Beta0)
        {
            Start0 = kept;
        }
        else
        {
            Start1 = kept;
        }

        if (kept != value)
        {
            Warn($"the start {name} must be in [{NumberText.Exact(rule.Min)}, {NumberText.Exact(rule.Max)}]; set to {NumberText.Exact(kept)}");
        }

        return true;
    }

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

        var trace = new RunTrace(Level.Valley);
        var run = RunRecorder.Record(Definition, choice, player, services.Clock.GetUtcNow(), trace);
        Playback = new Playback(trace.Frames, run.Result!);
        LastRun = run;
        Phase = SessionPhase.Running;
        Paused = false;
        Lesson = null;
        Message = null;
        var result = run.Result!;
        log.RunFinished(Definition.Id, player, OutcomeNames.Name(result.Outcome), result.Steps, result.Score, result.Stars, result.Bounces, choice.Alpha);
        services.RememberChoice(Definition.Id, choice);
        LastSave = services.SaveRun(Definition, run);
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

    /// <summary>
    /// The next hint (they cycle), or why there is none. A hint is Markdown as the level file holds it, not yet
    /// safe for a terminal: the screen shows it through its Markdown reader, which escapes it.
    /// </summary>
    public string NextHint(out int number, out int count)
    {
        var hints = Definition.Spec.Hints;
        count = Workshop ? 0 : hints.Count;
        number = 0;
        if (Workshop)
        {
            return "Hints are hidden in this workshop pack: the room plays without them.";
        }

        if (hints.Count == 0)
        {
            return "This level has no hints. Watch the lesson after a run: it tells you what your α did.";
        }

        number = (hintIndex % hints.Count) + 1;
        var hint = hints[hintIndex % hints.Count];
        hintIndex++;
        return hint;
    }

    /// <summary>
    /// Shows the run in a file as the ghost, if it verifies against this level (RULES.md §7); returns why it
    /// is refused — in words safe for the terminal — or null.
    /// </summary>
    public string? OpenGhost(string typed)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (GhostFile.Resolve(services.FileSystem, typed, home) is not { } path)
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

    private static double Round(double value) =>
        double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Step(double value, int steps, ParameterRule rule)
    {
        var size = (rule.Max - rule.Min) * StartStepFraction;
        if (!(size > 0))
        {
            return value;
        }

        // Snap onto the grid of steps from the range's low end, so repeated presses land on round values.
        var index = Math.Round((value - rule.Min) / size) + steps;
        return Round(Math.Clamp(rule.Min + (index * size), rule.Min, rule.Max));
    }

    private void SetAlphaValue(double alpha)
    {
        Edit();
        Alpha = alpha;
    }

    /// <summary>Any change to the choice after a run starts a new try from it.</summary>
    private void Edit()
    {
        if (Phase == SessionPhase.Finished)
        {
            Phase = SessionPhase.Setup;
        }

        Message = null;
    }

    private void Warn(string message)
    {
        Message = message;
        MessageIsWarning = true;
    }

    private void Finish()
    {
        Phase = SessionPhase.Finished;
        Paused = false;
        var result = Playback!.Result;
        Lesson = Presentation.Lesson.Explain(Level, Alpha, result, Workshop);
        var save = LastSave;
        if (save is not null)
        {
            // Problems first: the message row is one line, and a long "Saved to" path before them hid them at 80 columns.
            var parts = new List<string>(save.Problems);
            if (save.NewBest && result.Outcome == Outcome.Reached)
            {
                parts.Add("New best on this level!");
            }

            if (save.RunsFile is { } file)
            {
                parts.Add($"Saved to {file}");
            }

            Message = parts.Count > 0 ? string.Join(" ", parts) : null;
            MessageIsWarning = save.Problems.Count > 0;
        }

        // The best run now includes this one; its ghost is drawn under this path, so it shows from the next try.
        LoadBest();
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
        var trace = new RunTrace(Level.Valley, GhostCapacity);
        Descent.Run(Level, choice, trace);
        return trace.Frames;
    }
}
