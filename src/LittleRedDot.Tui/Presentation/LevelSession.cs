using LittleRedDot.Content;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Content.Progress;
using LittleRedDot.Engine;
using Microsoft.Extensions.Logging;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The level screen without the screen: the choice being made (α and the start of each free parameter,
/// kept in range while the player types — the engine itself never clamps), the run launched from it and
/// played back, its outcome and lesson, hints, and the ghost of the player's best run.
/// </summary>
public sealed partial class LevelSession
{
    /// <summary>Arrow keys move a start by this fraction of its range.</summary>
    public const double StartStepFraction = 1.0 / 20;

    /// <summary>The ghost path keeps at most this many points.</summary>
    private const int GhostCapacity = 4096;

    private readonly GameServices services;
    private readonly ILogger log;
    private int hintIndex;

    public LevelSession(LevelDefinition definition, bool workshop, GameServices services, bool asksPrediction = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(services);
        Definition = definition;
        Workshop = workshop;
        AsksPrediction = asksPrediction;
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
            Start0 = rules.Beta0.IsFixed ? rules.Beta0.Value : DoubleText.Tidy((rules.Beta0.Min + rules.Beta0.Max) / 2);
            Start1 = rules.Beta1.IsFixed ? rules.Beta1.Value : DoubleText.Tidy((rules.Beta1.Min + rules.Beta1.Max) / 2);
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

    /// <summary>The lesson of the finished run (the same words `run` prints), computed once when the run is over.</summary>
    public Content.Lessons.Lesson? Lesson { get; private set; }

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

    /// <summary>What the player does on this level and what counts, in words: the "Your move" after its story.</summary>
    public string Goal
    {
        get
        {
            var rules = Rules;
            var free = (rules.Beta0.IsFree, rules.Beta1.IsFree) switch
            {
                (true, true) => "both β0 (where the line crosses x = 0) and β1 (its slope)",
                (true, false) => $"β0 (where the line crosses x = 0); the slope β1 stays at {NumberText.Short(rules.Beta1.Value)}",
                _ => $"β1 (the line's slope); β0 stays at {NumberText.Short(rules.Beta0.Value)}",
            };
            var pick = StartIsSet ? "pick the learning rate α (this level sets where the dot starts)" : "pick the learning rate α and where the dot starts";
            return $"{pick}. The dot then rolls downhill, one "
                + $"gradient step at a time, changing {free}. Reach the valley — cost within {NumberText.Short(rules.Tolerance)} of "
                + $"the lowest — in at most {Lesson.Count(rules.Budget, "step")}. {Lesson.Count(rules.Par, "step")} or fewer earns three stars.";
        }
    }

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
            Warn($"α must be in [{DoubleText.RoundTrip(Rules.AlphaMin)}, {DoubleText.RoundTrip(Rules.AlphaMax)}]; set to {DoubleText.RoundTrip(kept)}");
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
            Start0 = DoubleText.Tidy(Math.Clamp(beta0, Rules.Beta0.Min, Rules.Beta0.Max));
        }

        if (Rules.Beta1.IsFree)
        {
            Start1 = DoubleText.Tidy(Math.Clamp(beta1, Rules.Beta1.Min, Rules.Beta1.Max));
        }
    }

    /// <summary>Takes a typed start value, kept inside its range; false when it is not a number or the parameter is fixed.</summary>
    public bool SetStart(StartParameter which, string text)
    {
        var rule = which == StartParameter.Beta0 ? Rules.Beta0 : Rules.Beta1;
        var name = which == StartParameter.Beta0 ? "β0" : "β1";
        if (rule.IsFixed)
        {
            Warn($"{name} is fixed at {DoubleText.RoundTrip(rule.Value)} in this level");
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
            Warn($"the start {name} must be in [{DoubleText.RoundTrip(rule.Min)}, {DoubleText.RoundTrip(rule.Max)}]; set to {DoubleText.RoundTrip(kept)}");
        }

        return true;
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

    private static double Step(double value, int steps, ParameterRule rule)
    {
        var size = (rule.Max - rule.Min) * StartStepFraction;
        if (!(size > 0))
        {
            return value;
        }

        // Snap onto the grid of steps from the range's low end, so repeated presses land on round values.
        var index = Math.Round((value - rule.Min) / size) + steps;
        return DoubleText.Tidy(Math.Clamp(rule.Min + (index * size), rule.Min, rule.Max));
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
}
