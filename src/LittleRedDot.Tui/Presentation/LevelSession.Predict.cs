using LittleRedDot.Content.Lessons;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Predict first (issue 11): before a launch the player may say what the dot will do. With one free parameter that is
/// one prediction for the whole run (P); where β0 and β1 both move it is one per direction — across the valley (P, the
/// steep way, λmax) and along it (V, the shallow way, λmin). After the run the verdicts say whether each held and why,
/// from the run itself, and the player's tallies on the level grow. A pack that asks for predictions (pack.json
/// "predict") launches only once every one is made.
/// </summary>
public sealed partial class LevelSession
{
    /// <summary>The predictions in the order P cycles through them, then back to none.</summary>
    private static readonly Prediction[] PredictionCycle = Enum.GetValues<Prediction>();

    /// <summary>The per-direction predictions in the order P and V cycle through them, then back to none.</summary>
    private static readonly WayPrediction[] WayCycle = Enum.GetValues<WayPrediction>();

    /// <summary>The player's per-direction predictions for the next run, indexed by <see cref="Way"/>.</summary>
    private readonly WayPrediction?[] guesses = new WayPrediction?[2];

    /// <summary>Whether this level's pack asks for a prediction before each launch.</summary>
    public bool AsksPrediction { get; }

    /// <summary>Whether the player predicts per direction: both β0 and β1 move, so the valley has two (RULES.md §1).</summary>
    public bool PredictsPerWay => Level.Valley.IsBeta0Free && Level.Valley.IsBeta1Free;

    /// <summary>What the player predicts the next run will do; null for no prediction (always null where <see cref="PredictsPerWay"/>).</summary>
    public Prediction? Prediction { get; private set; }

    /// <summary>Whether the last run's prediction held and why; null when the run had no prediction or is not over.</summary>
    public PredictionVerdict? Verdict { get; private set; }

    /// <summary>The last run's per-direction verdicts, across first; empty when none was predicted or the run is not over.</summary>
    public IReadOnlyList<WayVerdict> WayVerdicts { get; private set; } = [];

    /// <summary>Whether any prediction is made for the next run.</summary>
    public bool HasPrediction => Prediction is not null || guesses.Any(g => g is not null);

    /// <summary>What the player predicts the next run will do along <paramref name="way"/>; null for no prediction.</summary>
    public WayPrediction? Guess(Way way) => guesses[(int)way];

    /// <summary>
    /// The player's predictions on this level so far, of the whole run (<paramref name="way"/> null) or of one
    /// direction: how many held, how many were made.
    /// </summary>
    public (int Right, int Made) PredictionScore(Way? way = null) => services.Predictions(Definition.Id, way);

    /// <summary>
    /// P: the next prediction — of the whole run (glides in → bounces in → runs out of steps → flies off → none), or on
    /// a two-dial level the next across the valley (glides in → crosses each step → flies off → none); round to the
    /// first instead of none where the pack requires one.
    /// </summary>
    public void CyclePrediction()
    {
        if (PredictsPerWay)
        {
            CycleGuess(Way.Across);
            return;
        }

        Edit();
        Prediction = Next(PredictionCycle, Prediction);
    }

    /// <summary>V: the next prediction along the valley; false (the key does nothing) where the level has one direction.</summary>
    public bool CycleAlongPrediction()
    {
        if (!PredictsPerWay)
        {
            return false;
        }

        CycleGuess(Way.Along);
        return true;
    }

    private void CycleGuess(Way way)
    {
        Edit();
        guesses[(int)way] = Next(WayCycle, guesses[(int)way]);
    }

    private T? Next<T>(T[] cycle, T? current)
        where T : struct, Enum
    {
        var next = current is { } c ? Array.IndexOf(cycle, c) + 1 : 0;
        return next < cycle.Length ? cycle[next] : AsksPrediction ? cycle[0] : null;
    }

    /// <summary>True when the run may launch; otherwise (a pack that asks for predictions, and one is missing) false, with a message.</summary>
    private bool PredictionReady()
    {
        var missing = !PredictsPerWay ? (Prediction is null ? "P" : null)
            : guesses[(int)Way.Across] is null ? (guesses[(int)Way.Along] is null ? "P and V" : "P")
            : guesses[(int)Way.Along] is null ? "V" : null;
        if (!AsksPrediction || missing is null)
        {
            return true;
        }

        Warn(PredictsPerWay
            ? $"Predict first: press {missing} to say what the dot will do across and along the valley, then Enter."
            : "Predict first: press P until it names what the dot will do, then Enter.");
        return false;
    }

    /// <summary>Judges the predictions made for the run just finished and counts them in the player's progress; the next run starts without any.</summary>
    private void JudgePrediction()
    {
        var alpha = LastRun!.Choice.Alpha;
        Verdict = Prediction is { } predicted ? PredictionVerdict.Judge(predicted, Playback!.Result) : null;
        WayVerdicts = Enum.GetValues<Way>()
            .Where(w => guesses[(int)w] is not null)
            .Select(w => WayVerdict.Judge(w, guesses[(int)w]!.Value, alpha, witness!))
            .ToArray();
        var counted = WayVerdicts.Select(v => ((Way?)v.Way, v.Held)).ToList();
        if (Verdict is { } verdict)
        {
            counted.Add((null, verdict.Held));
        }

        if (counted.Count > 0)
        {
            services.RecordPredictions(Definition.Id, counted);
        }

        Prediction = null;
        Array.Clear(guesses);
    }
}
