using System.Globalization;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Lessons;

/// <summary>One of the two directions of a valley where both β0 and β1 move (RULES.md §1's Hessian eigenvectors).</summary>
public enum Way
{
    /// <summary>Across the valley: the steepest direction, curvature λmax.</summary>
    Across,

    /// <summary>Along the valley: the gentlest direction, curvature λmin.</summary>
    Along,
}

/// <summary>
/// What a player may say one direction of a two-dial valley will do (issue 11, "predict first"): each step multiplies
/// the distance from the floor that way by 1 − α·λ, so the dot glides toward the floor (the factor is 0 or more), crosses the floor on
/// each step (between −1 and 0), or flies off (below −1).
/// </summary>
public enum WayPrediction
{
    /// <summary>Never crosses the floor this way: the distance shrinks on the start's side (whether or not it arrives within the budget).</summary>
    Glides,

    /// <summary>Crosses the floor this way on its steps, the distance not growing.</summary>
    CrossesEachStep,

    /// <summary>The distance this way grows on every step.</summary>
    FliesOff,
}

/// <summary>
/// Whether a per-direction prediction held, and why, from what the run did that way: the factor 1 − α·λ its steps
/// applied (flies off below −1), the crossings the run's witness counted (a factor below 0 whose first step already
/// landed within round-off of the floor never crossed: it glided), and the distance left at the end.
/// </summary>
/// <param name="Way">The direction judged.</param>
/// <param name="Predicted">What the player said.</param>
/// <param name="Actual">What the run did that way.</param>
/// <param name="Why">One sentence quoting this run's factor, crossing steps and distance left.</param>
public sealed record WayVerdict(Way Way, WayPrediction Predicted, WayPrediction Actual, string Why)
{
    /// <summary>Whether the run did, that way, what the player said.</summary>
    public bool Held => Predicted == Actual;

    /// <summary>"glides toward the floor", "crosses the floor each step", "flies off": true of the factor alone, promising no arrival.</summary>
    public static string Words(WayPrediction prediction) => prediction switch
    {
        WayPrediction.Glides => "glides toward the floor",
        WayPrediction.CrossesEachStep => "crosses the floor each step",
        _ => "flies off",
    };

    /// <summary>"glides", "crosses each step", "flies off": the words on a short line.</summary>
    public static string Short(WayPrediction prediction) => prediction switch
    {
        WayPrediction.Glides => "glides",
        WayPrediction.CrossesEachStep => "crosses each step",
        _ => Words(prediction),
    };

    /// <summary>"across", "along": the way's name on a short line.</summary>
    public static string Name(Way way) => way == Way.Across ? "across" : "along";

    /// <summary>What the run did along one direction: flies off below a factor of −1, crosses when the witness saw it cross (or saw no motion to judge by), otherwise glides.</summary>
    public static WayPrediction Of(double factor, DirectionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return factor < -1 ? WayPrediction.FliesOff
            : factor < 0 && (record.Crossings > 0 || !Moved(record)) ? WayPrediction.CrossesEachStep
            : WayPrediction.Glides;
    }

    /// <summary>
    /// Judges a prediction for one direction of the run <paramref name="witness"/> watched (a level where both β0 and β1
    /// move, RULES.md §1) at step size <paramref name="alpha"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The witness watched a level with one free parameter.</exception>
    public static WayVerdict Judge(Way way, WayPrediction predicted, double alpha, RunWitness witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Directions.Count != 2)
        {
            throw new ArgumentException("Per-direction predictions need a level where β0 and β1 both move.", nameof(witness));
        }

        var record = witness.Directions[way == Way.Across ? 0 : 1];
        var factor = Curvature.StepFactor(alpha, record.Lambda);
        var actual = Of(factor, record);
        var where = way == Way.Across ? "Across the valley" : "Along the valley";
        var head = predicted == actual ? $"{where} you were right, it {Words(actual)}" : $"{where} you said it {Words(predicted)}, but it {Words(actual)}";
        var lambda = way == Way.Across ? "λmax" : "λmin";
        var because = $"{LessonWriter.StepFactorName(lambda)} = {LessonWriter.Factor(factor)}, and {Crossed(record, witness.Steps)}{Left(record, witness.Steps)}";
        return new WayVerdict(way, predicted, actual, $"{head}: {because}.");
    }

    /// <summary>Whether the run moved the dot this way at all: a step taken from off the floor.</summary>
    private static bool Moved(DirectionRecord record) => record.Start != 0 && record.AfterFirst != record.Start;

    /// <summary>The crossings the witness counted this way, and on which steps.</summary>
    private static string Crossed(DirectionRecord record, int steps)
    {
        var n = record.Crossings;
        var all = Lesson.Count(steps, "step");
        return (steps, n) switch
        {
            (0, _) => "the run took no step",
            _ when record.Start == 0 => "it started on the floor this way and never left it, so the factor alone says what a step would do",
            (_, 0) => "it never crossed",
            (1, 1) => "it crossed on its one step",
            _ when n == steps => $"it crossed on every one of its {all}",
            (_, 1) => $"it crossed on step {NumberText.Whole(record.FirstCrossing)} of its {all}",
            _ when n == record.LastCrossing - record.FirstCrossing + 1 =>
                $"it crossed on steps {NumberText.Whole(record.FirstCrossing)}–{NumberText.Whole(record.LastCrossing)} of its {all}",
            _ => $"it crossed on {NumberText.Whole(n)} of its {all}, first on step {NumberText.Whole(record.FirstCrossing)}, last on step {NumberText.Whole(record.LastCrossing)}",
        };
    }

    /// <summary>
    /// The largest power of ten n, 1000 or more, with 1/n still above <paramref name="fraction"/> (in (0, 10⁻³)), so that
    /// "less than 1 part in n" is true and tight: it reads where "4.6e-4%" did not.
    /// </summary>
    private static long OnePartIn(double fraction)
    {
        var n = 1000L;
        while (n < 1_000_000_000_000_000L && 1.0 / (n * 10) > fraction)
        {
            n *= 10;
        }

        return n;
    }

    /// <summary>How much of its starting distance this way the dot kept over the whole run: ", keeping 3.1% of its distance after its 3 steps", ", ending 4.2 times as far out".</summary>
    private static string Left(DirectionRecord record, int steps)
    {
        if (steps == 0 || record.Start == 0)
        {
            return string.Empty;
        }

        if (record.EndsOnFloor)
        {
            return ", ending on the floor within round-off";
        }

        // The share kept is the whole run's, not one step's: it says so, beside a lesson that speaks per step.
        var r = record.Remaining;
        var times = Lesson.Near(r, 2, 1);
        var after = steps == 1 ? "after its one step" : $"after its {Lesson.Count(steps, "step")}";
        return r < 1e-3 ? $", keeping less than 1 part in {OnePartIn(r).ToString("N0", CultureInfo.InvariantCulture)} of its distance {after}"
            : r < 1 ? $", keeping {Lesson.Percent(r)} of its distance {after}"
            : times == "1" ? ", ending as far out as it started"
            : $", ending {times} times as far out as it started";
    }
}
