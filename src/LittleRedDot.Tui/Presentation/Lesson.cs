using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// What the run teaches about α, in words, from the valley's curvature (RULES.md §1): along a direction
/// of curvature λ one step multiplies the distance to the floor by (1 − α·λ). Above 1/λmax that factor is
/// negative — the dot overshoots the floor (bounces); above 2/λmax it is larger than 1 in size — the dot
/// flies off; far below 1/λmin it is close to 1 — the dot crawls. In a workshop pack the thresholds and
/// the best α are not named, so the lesson gives no answers away.
/// </summary>
public static class Lesson
{
    public static string Explain(Level level, double alpha, RunResult result, bool workshop)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(result);
        var c = level.Curvature;
        var ratio = alpha * c.LambdaMax;
        var both = level.Valley.IsBeta0Free && level.Valley.IsBeta1Free;
        var parts = new List<string>();

        if (ratio > 2)
        {
            parts.Add(workshop
                ? "α was above the stability limit: each step overshot the floor by more than the dot was away from it, so the dot flew off."
                : $"α was {Times(alpha / c.StableAlpha)} the stability limit 2/λmax = {N(c.StableAlpha)}: each step overshot the floor by more than the dot was away from it, so the dot flew off.");
        }
        else if (ratio > 1.05)
        {
            parts.Add(workshop
                ? "α was above the bounce threshold: the dot overshot the floor every step and zig-zagged down."
                : $"α was {Times(ratio)} the bounce threshold 1/λmax = {N(c.BounceAlpha)}: the dot overshot the floor every step and zig-zagged down.");
        }
        else if (ratio >= 0.95)
        {
            parts.Add("α was right at the bounce threshold: along the steepest direction the dot lands on the floor in a single step.");
        }
        else
        {
            parts.Add(workshop
                ? "α was below the bounce threshold: the dot crept down without ever overshooting the floor."
                : $"α was {Times(1 / ratio)} smaller than the bounce threshold 1/λmax = {N(c.BounceAlpha)}: the dot crept down without ever overshooting the floor.");
        }

        var shrink = Shrink(alpha, c);
        switch (result.Outcome)
        {
            case Outcome.Reached:
                parts.Add($"It reached the valley in {result.Steps} steps (par {level.Rules.Par}).");
                break;
            case Outcome.OutOfSteps when shrink < 1:
                parts.Add($"Each step cut the gap only to {Percent(shrink)} of what it was, too slowly for {level.Rules.Budget} steps: {(ratio < 1 ? "a larger α goes faster" : "a smaller α bounces less")}.");
                break;
            case Outcome.OutOfSteps:
                parts.Add($"The budget of {level.Rules.Budget} steps ran out first.");
                break;
            default:
                parts.Add("A smaller α keeps every step inside the valley.");
                break;
        }

        if (both && c.Condition >= 10 && result.Outcome != Outcome.Reached)
        {
            parts.Add(workshop
                ? "The valley is long and narrow: an α safe across it is slow along it; a start nearer the floor's line helps."
                : $"The valley is {N(c.Condition)}× more curved across than along (κ = λmax/λmin): an α safe across it is slow along it. The best single α is 2/(λmin + λmax) = {N(c.BestAlpha)}.");
        }

        return string.Join(" ", parts);
    }

    /// <summary>How much one step multiplies the gap by, in the slowest direction: max |1 − αλ|², over λmin and λmax.</summary>
    public static double Shrink(double alpha, Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var rho = Math.Max(Math.Abs(1 - (alpha * curvature.LambdaMin)), Math.Abs(1 - (alpha * curvature.LambdaMax)));
        return rho * rho;
    }

    /// <summary>
    /// The factor to two digits, or more where two would round it onto a threshold the lesson is about: 1.97× the bounce
    /// threshold read "2×" (the stability limit, where the dot would never settle), 1.006× the stability limit read "1×".
    /// </summary>
    private static string Times(double factor)
    {
        var text = NumberText.Short(factor, 2);
        for (var digits = 3; digits <= 4 && text is "1" or "2" && factor is not 1 and not 2; digits++)
        {
            text = NumberText.Short(factor, digits);
        }

        return $"{text}×";
    }

    private static string Percent(double fraction) => fraction >= 0.995 ? $"{NumberText.Short(fraction * 100, 4)}%" : $"{NumberText.Short(fraction * 100, 2)}%";

    private static string N(double value) => NumberText.Short(value, 3);
}
