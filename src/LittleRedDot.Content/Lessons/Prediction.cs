using LittleRedDot.Engine;

namespace LittleRedDot.Content.Lessons;

/// <summary>
/// What a player may say the dot will do before a launch (issue 11, "predict first"): one overall outcome of the run,
/// in the words of RULES.md §3's outcomes with a reached run split by its bounce counter.
/// </summary>
public enum Prediction
{
    /// <summary>Reaches the valley with no bounce: every step stays on the start's side of the floor.</summary>
    GlidesIn,

    /// <summary>Reaches the valley after crossing the floor at least once (bounces &gt; 0).</summary>
    BouncesIn,

    /// <summary>The budget runs out before the valley is reached (and the dot did not fly off).</summary>
    RunsOutOfSteps,

    /// <summary>The run diverges: the dot flies off.</summary>
    FliesOff,
}

/// <summary>Whether a prediction held, and why, computed from the run's outcome and bounce counter alone.</summary>
/// <param name="Predicted">What the player said.</param>
/// <param name="Actual">What the run did, in the same words.</param>
/// <param name="Why">One sentence naming the counters the verdict rests on.</param>
public sealed record PredictionVerdict(Prediction Predicted, Prediction Actual, string Why)
{
    /// <summary>Whether the run did what the player said.</summary>
    public bool Held => Predicted == Actual;

    /// <summary>The prediction's words: "glides in", "bounces in", "runs out of steps", "flies off".</summary>
    public static string Words(Prediction prediction) => prediction switch
    {
        Prediction.GlidesIn => "glides in",
        Prediction.BouncesIn => "bounces in",
        Prediction.RunsOutOfSteps => "runs out of steps",
        _ => "flies off",
    };

    /// <summary>What a run did, as a prediction: its outcome, and for a reached run whether it bounced (RULES.md §3, §5).</summary>
    public static Prediction Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            Outcome.Reached => result.Bounces > 0 ? Prediction.BouncesIn : Prediction.GlidesIn,
            Outcome.Diverged => Prediction.FliesOff,
            _ => Prediction.RunsOutOfSteps,
        };
    }

    /// <summary>Judges <paramref name="predicted"/> against <paramref name="result"/>; the sentence quotes the run's step and bounce counters.</summary>
    public static PredictionVerdict Judge(Prediction predicted, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var actual = Of(result);
        var bounces = Lesson.Count(result.Bounces, "bounce");
        var because = actual switch
        {
            Prediction.GlidesIn => $"it reached the valley in {Lesson.Count(result.Steps, "step")} with {bounces}",
            Prediction.BouncesIn => $"it reached the valley in {Lesson.Count(result.Steps, "step")}, crossing the floor ({bounces}) on the way",
            Prediction.RunsOutOfSteps => $"all {Lesson.Count(result.Steps, "step")} went by without reaching the valley ({bounces})",
            _ => $"it flew off at step {NumberText.Whole(result.Steps)} ({bounces} before)",
        };
        var head = predicted == actual
            ? $"Your prediction held: it {Words(actual)}"
            : $"Your prediction missed: you said it {Words(predicted)}, but it {Words(actual)}";
        return new PredictionVerdict(predicted, actual, $"{head} — {because}.");
    }
}
