using LittleRedDot.Content.Lessons;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// Predict first (issue 11): before a launch the player may say what the dot will do — one prediction for the whole
/// run; after it the verdict says whether it held, from the run's own outcome and bounce counter, and the player's
/// tally on the level grows. A pack that asks for predictions (pack.json "predict") launches only once one is made.
/// </summary>
public sealed partial class LevelSession
{
    /// <summary>The predictions in the order P cycles through them, then back to none.</summary>
    private static readonly Prediction[] PredictionCycle = Enum.GetValues<Prediction>();

    /// <summary>Whether this level's pack asks for a prediction before each launch.</summary>
    public bool AsksPrediction { get; }

    /// <summary>What the player predicts the next run will do; null for no prediction.</summary>
    public Prediction? Prediction { get; private set; }

    /// <summary>Whether the last run's prediction held and why; null when the run had no prediction or is not over.</summary>
    public PredictionVerdict? Verdict { get; private set; }

    /// <summary>The player's predictions on this level so far: how many held, how many were made.</summary>
    public (int Right, int Made) PredictionScore => services.Predictions(Definition.Id);

    /// <summary>P: the next prediction (glides in → bounces in → runs out of steps → flies off → none, or round to the first where one is required).</summary>
    public void CyclePrediction()
    {
        Edit();
        var next = Prediction is { } p ? Array.IndexOf(PredictionCycle, p) + 1 : 0;
        Prediction = next < PredictionCycle.Length ? PredictionCycle[next] : AsksPrediction ? PredictionCycle[0] : null;
    }

    /// <summary>True when the run may launch; otherwise (a pack that asks for a prediction, and none made) false, with a message.</summary>
    private bool PredictionReady()
    {
        if (!AsksPrediction || Prediction is not null)
        {
            return true;
        }

        Warn("Predict first: press P until it names what the dot will do, then Enter.");
        return false;
    }

    /// <summary>Judges the prediction made for the run just finished and counts it in the player's progress; the next run starts without one.</summary>
    private void JudgePrediction()
    {
        Verdict = Prediction is { } predicted ? PredictionVerdict.Judge(predicted, Playback!.Result) : null;
        if (Verdict is { } verdict)
        {
            services.RecordPrediction(Definition.Id, verdict.Held);
        }

        Prediction = null;
    }
}
