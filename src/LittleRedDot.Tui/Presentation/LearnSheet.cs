using System.Globalization;
using LittleRedDot.Content;
using LittleRedDot.Engine;

namespace LittleRedDot.Tui.Presentation;

/// <summary>
/// The article's formulas with the numbers of the step shown filled in: the cost, each partial derivative
/// and the update (RULES.md §1). For a small data set every point's residual is listed with the sums the
/// gradient is made of. The numbers here explain; the run itself is the engine's (RULES.md §5).
/// </summary>
public static class LearnSheet
{
    /// <summary>Data sets up to this size get a row per point.</summary>
    public const int MaxTableRows = 12;

    /// <summary>Per-point sums are taken up to this size; above it they come from the data's statistics.</summary>
    private const int MaxPerPointSums = 100_000;

    /// <summary>
    /// The sheet for the step from <paramref name="frame"/>, <paramref name="width"/> columns wide: the formulas with its
    /// numbers, then what one step does along each direction of curvature (1 − α·λ, with this level's λ; a workshop pack
    /// hides λ, as its lessons do), then the per-point table.
    /// </summary>
    public static IReadOnlyList<string> Lines(Level level, double alpha, TraceFrame frame, int width, bool workshop = false)
    {
        ArgumentNullException.ThrowIfNull(level);
        var valley = level.Valley;
        var rules = level.Rules;
        var mse = rules.Cost == CostKind.Mse;
        var n = valley.N;
        var b0 = frame.Beta0;
        var b1 = frame.Beta1;
        var (sumR, sumRx, sumR2) = Sums(level, b0, b1);
        var (g0, g1) = valley.Gradient(b0, b1);
        var lines = new List<string>();
        Packed(lines, width, ", ", $"Step {frame.Step}: β0 = {S(b0)}", $"β1 = {S(b1)}");
        lines.Add($"r = β0 + β1·x − y  (N = {n})");
        Equation(lines, width, mse ? "J = (1/N)·Σ r²" : "J = (1/(2N))·Σ r²", $"{(mse ? $"(1/{n})" : $"(1/{2 * n})")}·{P(sumR2)}", S(frame.Cost));

        var k = mse ? "2/N" : "1/N";
        var kn = mse ? $"2/{n}" : $"1/{n}";
        if (rules.Beta0.IsFree)
        {
            Equation(lines, width, $"∂J/∂β0 = ({k})·Σ r", $"({kn})·{P(sumR)}", S(g0));
        }

        if (rules.Beta1.IsFree)
        {
            Equation(lines, width, $"∂J/∂β1 = ({k})·Σ r·x", $"({kn})·{P(sumRx)}", S(g1));
        }

        foreach (var (name, value, g, rule) in new[] { ("β0", b0, g0, rules.Beta0), ("β1", b1, g1, rules.Beta1) })
        {
            if (rule.IsFixed)
            {
                lines.Add($"{name} stays at {S(rule.Value)} (fixed)");
                continue;
            }

            Equation(lines, width, $"{name} ← {name} − α·∂J/∂{name}", $"{S(value)} − {S(alpha)}·{P(g)}", S(value - (alpha * g)));
        }

        if (!workshop)
        {
            lines.AddRange(Factors(level, alpha, width));
        }

        if (n <= MaxTableRows)
        {
            lines.AddRange(Table(level, b0, b1, sumR, sumRx, sumR2, width));
        }
        else
        {
            Packed(lines, width, "   ", $"Σ r = {S(sumR)}", $"Σ r·x = {S(sumRx)}", $"Σ r² = {S(sumR2)}");
        }

        return lines;
    }

    /// <summary>Σr, Σr·x and Σr² at (β0, β1): point by point for data of a sensible size, else from the data's statistics.</summary>
    public static (double SumR, double SumRx, double SumR2) Sums(Level level, double b0, double b1)
    {
        ArgumentNullException.ThrowIfNull(level);
        var data = level.Data;
        var valley = level.Valley;
        if (data.Count <= MaxPerPointSums)
        {
            double sr = 0, srx = 0, sr2 = 0;
            for (var i = 0; i < data.Count; i++)
            {
                var r = (b0 + (b1 * data.X[i])) - data.Y[i];
                sr += r;
                srx += r * data.X[i];
                sr2 += r * r;
            }

            return (sr, srx, sr2);
        }

        // Σr = N(β0 + β1·x̄ − ȳ); Σr·x = N(β0·x̄ + β1·m2) − Σxy with Σxy = Sxy + N·x̄·ȳ; Σr² = N·J/s.
        double count = valley.N;
        var sumR = count * (b0 + (b1 * valley.XBar) - valley.YBar);
        var sumXy = valley.Sxy + (count * valley.XBar * valley.YBar);
        var sumRx = (count * ((b0 * valley.XBar) + (b1 * valley.M2))) - sumXy;
        var s = level.Rules.Cost == CostKind.Mse ? 1.0 : 0.5;
        var sumR2 = count * valley.CostAt(b0, b1) / s;
        return (sumR, sumRx, sumR2);
    }

    /// <summary>
    /// Why α does what it does: along a direction of curvature λ each step multiplies the distance from the floor by
    /// 1 − α·λ (RULES.md §1) — between 0 and 1 the dot glides toward the floor, between −1 and 0 it crosses the floor each step,
    /// below −1 it flies off — with this level's λ and the α chosen.
    /// </summary>
    private static IEnumerable<string> Factors(Level level, double alpha, int width)
    {
        var c = level.Curvature;
        var both = level.Valley.IsBeta0Free && level.Valley.IsBeta1Free;
        var lines = new List<string>
        {
            string.Empty,
            "Each step: distance to floor × (1 − α·λ)",
        };
        foreach (var (name, lambda) in both ? new[] { ("λmax (across)", c.LambdaMax), ("λmin (along)", c.LambdaMin) } : new[] { ("λ", c.LambdaMax) })
        {
            var f = Curvature.StepFactor(alpha, lambda);
            var says = f > 0 ? "glides" : f == 0 ? "lands" : f > -1 ? "crosses" : "flies off";
            lines.Add($"{name} = {S(lambda)}: 1 − {S(alpha)}·{S(lambda)} = {Content.Lessons.Lesson.Near(f, 3, -1, 0, 1)} → {says}");
        }

        var lam = both ? "λmax" : "λ";
        lines.Add($"glide below 1/{lam} = {S(c.BounceAlpha)}, cross up to 2/{lam} = {S(c.StableAlpha)}, fly off above");
        return lines.SelectMany(l => l.Length == 0 ? [l] : Views.RichText.Wrap(l, width));
    }

    private static IEnumerable<string> Table(Level level, double b0, double b1, double sumR, double sumRx, double sumR2, int width)
    {
        var data = level.Data;
        var rows = new List<string[]> { new[] { "i", "x", "y", "ŷ", "r", "r·x", "r²" } };
        for (var i = 0; i < data.Count; i++)
        {
            var x = data.X[i];
            var fit = b0 + (b1 * x);
            var r = fit - data.Y[i];
            rows.Add([(i + 1).ToString(CultureInfo.InvariantCulture), S(x), S(data.Y[i]), S(fit), S(r), S(r * x), S(r * r)]);
        }

        rows.Add([string.Empty, "Σ", string.Empty, string.Empty, S(sumR), S(sumRx), S(sumR2)]); // Σ in the x column, which always stays
        var columns = rows[0].Length;
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < columns; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        // The formulas above use Σ r (β0 free), Σ r·x (β1 free) and Σ r² (J): those columns stay. When the panel is too
        // narrow, the others go first: r·x where β1 is fixed, then i, then ŷ (= y + r).
        var shown = Enumerable.Range(0, columns).ToList();
        foreach (var drop in new[] { level.Rules.Beta1.IsFree ? -1 : 5, 0, 3 })
        {
            if (shown.Sum(c => widths[c] + 1) <= width)
            {
                break;
            }

            shown.Remove(drop);
        }

        foreach (var row in rows)
        {
            yield return string.Join(" ", shown.Select(c => row[c].PadLeft(widths[c])));
        }
    }

    /// <summary>
    /// Parts joined by <paramref name="separator"/> on as few lines as fit <paramref name="width"/>, a line breaking only
    /// between parts (a number is never split from its name). A part wider than the panel stands alone.
    /// </summary>
    private static void Packed(List<string> lines, int width, string separator, params string[] parts)
    {
        var line = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (line.Length + separator.Length + part.Length <= width)
            {
                line += separator + part;
            }
            else
            {
                lines.Add(separator.Trim().Length > 0 ? line + separator.TrimEnd() : line);
                line = part;
            }
        }

        lines.Add(line);
    }

    /// <summary>"head = a = b" on one line when it fits the width, else one "= …" per line under the head.</summary>
    private static void Equation(List<string> lines, int width, string head, params string[] steps)
    {
        var whole = head + string.Concat(steps.Select(x => " = " + x));
        if (whole.Length <= width)
        {
            lines.Add(whole);
            return;
        }

        lines.Add(head);
        var indent = new string(' ', Math.Max(1, Math.Min(head.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? at : 2, 8)));
        var rest = indent + "= " + string.Join(" = ", steps);
        if (rest.Length <= width)
        {
            lines.Add(rest);
            return;
        }

        foreach (var step in steps)
        {
            lines.Add(indent + "= " + step);
        }
    }

    private static string S(double value) => NumberText.Short(value, 4);

    /// <summary>A factor in a product: negative numbers in parentheses.</summary>
    private static string P(double value) => value < 0 ? $"({S(value)})" : S(value);
}
