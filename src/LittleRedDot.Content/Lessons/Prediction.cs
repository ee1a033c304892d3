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

    /// <summary>
    /// The budget runs out before the valley is reached and the dot was not flying off (a run whose steps carried it
    /// farther out each time counts as <see cref="FliesOff"/> even when the budget ends it first).
    /// </summary>
    RunsOutOfSteps,

    /// <summary>The run diverges, or runs out of steps while each step carries the dot farther from the floor: it flies off.</summary>
    FliesOff,
}

/// <summary>Whether a prediction held, and why, computed from the run's outcome, its bounce counter and the factor 1 − α·λ its steps applied.</summary>
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

    /// <summary>
    /// What a run did, as a prediction (RULES.md §3, §5): its outcome, for a reached run whether it bounced — and a run
    /// that ran out of steps while it was flying off (the steepest direction's factor 1 − α·λ below −1 and the dot
    /// farther from the floor that way than at the start) flew off: only the budget ended it before the divergence line.
    /// </summary>
    /// <param name="result">The run.</param>
    /// <param name="witness">The witness that watched it (its steepest direction's curvature and distances).</param>
    /// <param name="alpha">The run's step size.</param>
    public static Prediction Of(RunResult result, RunWitness witness, double alpha)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(witness);
        return result.Outcome switch
        {
            Outcome.Reached => result.Bounces > 0 ? Prediction.BouncesIn : Prediction.GlidesIn,
            Outcome.Diverged => Prediction.FliesOff,
            _ => FlyingOff(witness, alpha) is null ? Prediction.RunsOutOfSteps : Prediction.FliesOff,
        };
    }

    /// <summary>
    /// Judges <paramref name="predicted"/> against <paramref name="result"/>, watched by <paramref name="witness"/> at
    /// step size <paramref name="alpha"/>; the sentence quotes the run's step and bounce counters, and for a run that
    /// was flying off when its budget ran out, the factor its steps grew the distance by.
    /// </summary>
    public static PredictionVerdict Judge(Prediction predicted, double alpha, RunResult result, RunWitness witness)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(witness);
        var actual = Of(result, witness, alpha);
        var bounces = Lesson.Count(result.Bounces, "bounce");
        var because = (actual, result.Outcome) switch
        {
            (Prediction.GlidesIn, _) => $"it reached the valley in {Lesson.Count(result.Steps, "step")} with {bounces}",
            (Prediction.BouncesIn, _) => $"it reached the valley in {Lesson.Count(result.Steps, "step")}, crossing the floor ({bounces}) on the way",
            (Prediction.RunsOutOfSteps, _) => $"all {Lesson.Count(result.Steps, "step")} went by without reaching the valley ({bounces})",
            (_, Outcome.OutOfSteps) => $"it was flying off — each step {FlyingOff(witness, alpha)}× farther out — and the {NumberText.Whole(result.Steps)}-step budget "
                + $"ran out before it passed the divergence line (a gap a million times the start's; {bounces})"
                + (predicted == Prediction.RunsOutOfSteps ? ", so it counts as flying off, not as running out of steps" : string.Empty),
            _ when witness.LastBounce == result.Steps && result.Bounces > 0 => $"it flew off at step {NumberText.Whole(result.Steps)} ({bounces}, the last as it flew off)",
            _ => $"it flew off at step {NumberText.Whole(result.Steps)} ({bounces} before)",
        };
        var head = predicted == actual
            ? $"Your prediction held: it {Words(actual)}"
            : $"Your prediction missed: you said it {Words(predicted)}, but it {Words(actual)}";
        return new PredictionVerdict(predicted, actual, $"{head} — {because}.");
    }

    /// <summary>
    /// |1 − α·λ| along the steepest direction, as printed ("1.1"), when each step carried the dot across the floor and
    /// farther out (the factor below −1) and it ended farther from the floor than it started; otherwise null.
    /// </summary>
    private static string? FlyingOff(RunWitness witness, double alpha)
    {
        var steepest = witness.Directions[0];
        var factor = Curvature.StepFactor(alpha, steepest.Lambda);
        return factor < -1 && steepest.Remaining > 1 ? Lesson.Near(-factor, 2, 1) : null;
    }
}
