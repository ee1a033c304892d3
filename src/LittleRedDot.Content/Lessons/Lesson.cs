using System.Globalization;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Lessons;

/// <summary>
/// What a run teaches, in words, computed once from the run itself — shared by the game's outcome panel and the
/// text output of <c>run</c>. Every claim about the run comes from its <see cref="RunResult"/> and its
/// <see cref="RunWitness"/>: the outcome and step count, the bounce steps, and along each direction of curvature
/// the factor 1 − α·λ one step multiplies the distance from the floor by (RULES.md §1) together with how often the
/// dot really crossed the floor that way. The α values it prints for a player to try are cut towards the side that
/// keeps their sentence true (<see cref="NumberText.Below"/>) and listed in <see cref="Alphas"/> with their promise.
/// A workshop pack's lesson names no threshold, curvature or best α, so it gives no answers away.
/// </summary>
/// <param name="Sentences">The lesson, sentence by sentence.</param>
/// <param name="Alphas">Each α printed in the sentences for the player to type, exactly as printed.</param>
/// <param name="BounceNote">
/// One of <paramref name="Sentences"/>: why the bounce counter (RULES.md §3) stays below a direction's crossings, where it
/// does (two dials); null otherwise. A screen that names crossings before the lesson (a per-direction verdict) shows it there.
/// </param>
public sealed record Lesson(IReadOnlyList<string> Sentences, IReadOnlyList<PrintedAlpha> Alphas, string? BounceNote = null)
{
    /// <summary>The sentences as one paragraph.</summary>
    public string Text => string.Join(" ", Sentences);

    /// <summary>The sentences as one paragraph, less <see cref="BounceNote"/> (for a screen that showed it earlier).</summary>
    public string TextWithoutBounceNote => string.Join(" ", Sentences.Where(s => !ReferenceEquals(s, BounceNote)));

    /// <summary>Runs a choice on a level with a witness and explains it: the result and its lesson.</summary>
    /// <exception cref="ArgumentException">The choice is refused (RULES.md §2).</exception>
    public static (RunResult Result, Lesson Lesson) Run(Level level, Choice choice, bool workshop)
    {
        ArgumentNullException.ThrowIfNull(level);
        var witness = new RunWitness(level);
        var result = Descent.Run(level, choice, witness);
        return (result, Explain(level, choice.Alpha, result, witness, workshop));
    }

    /// <summary>The lesson of a run that <paramref name="witness"/> watched from its start.</summary>
    /// <exception cref="ArgumentException">The witness saw another run (its step or bounce count differs from the result's).</exception>
    public static Lesson Explain(Level level, double alpha, RunResult result, RunWitness witness, bool workshop)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Steps != result.Steps || witness.Bounces != result.Bounces)
        {
            throw new ArgumentException("The witness did not watch this run.", nameof(witness));
        }

        var writer = new LessonWriter(level, alpha, result, witness, workshop);
        return new Lesson(writer.Write(), writer.Alphas, writer.BounceNote);
    }

    /// <summary>"1 step", "2 steps".</summary>
    public static string Count(long count, string one, string? many = null) =>
        $"{NumberText.Whole(count)} {(count == 1 ? one : many ?? one + "s")}";

    /// <summary>A fraction as a percentage that never rounds onto 0 % or 100 % unless it is exactly that.</summary>
    public static string Percent(double fraction) => $"{Near(fraction * 100, 2, 0, 100)}%";

    /// <summary>
    /// A number to <paramref name="digits"/> significant digits, with more where fewer would print one of the
    /// <paramref name="edges"/> it is not: a factor of −0.996 is not "−1" (the dot would never settle), 0.997 not "1".
    /// </summary>
    public static string Near(double value, int digits, params ReadOnlySpan<double> edges)
    {
        var text = NumberText.Short(value, digits);
        while (digits < 12 && IsEdge(text, value, edges))
        {
            text = NumberText.Short(value, ++digits);
        }

        return text;

        static bool IsEdge(string text, double value, ReadOnlySpan<double> edges)
        {
            var shown = double.Parse(text.Replace("∞", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            foreach (var edge in edges)
            {
                if (shown == edge && value != edge)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
