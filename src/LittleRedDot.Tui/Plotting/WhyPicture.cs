using LittleRedDot.Content;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Presentation;
using LittleRedDot.Tui.Theming;

namespace LittleRedDot.Tui.Plotting;

/// <summary>
/// The Learn panel's second page: why α does what it does, drawn on this level's own valley. For each direction of
/// curvature (one with one free parameter; across and along the valley with two) the cross-section of J through the
/// floor, the dot's distance from the floor that way and where one step puts it, (1 − α·λ) times as far (RULES.md §1);
/// under it an α scale with 1/λ and 2/λ marked — glide below, cross the floor between, fly off above — and the player's α
/// on it. Every number comes from the level (<see cref="Curvature"/>, <see cref="Valley"/>) and the α and place given.
/// </summary>
public sealed class WhyPicture(Level level, GlyphSet glyphs)
{
    /// <summary>Rows a direction's block needs besides its plot: its head, the plot's labels, the step, the verdict, the scale (4), the thresholds.</summary>
    private const int FixedRows = 9;

    /// <summary>Draws the page: <paramref name="when"/> says which step it is ("One step from your start").</summary>
    public void Render(CellCanvas canvas, int width, int height, string title, string when, double alpha, double beta0, double beta1)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Box(0, 0, width, height, title, glyphs);
        var (w, h) = (width - 2, height - 2);
        if (w < 10 || h < 4)
        {
            return;
        }

        var steps = DirectionStep.For(level, alpha, beta0, beta1);
        var digits = Digits(steps);
        var lead = $"{when} ({glyphs.Dot} before, {glyphs.Path} after): distance from the floor × (1 − α·λ)";
        var mid = $"{when}: distance from the floor × (1 − α·λ)";
        canvas.Text(1, 1, CellCanvas.Fit(lead.Length <= w ? lead : mid.Length <= w ? mid : $"{when}: distance × (1 − α·λ)", w, glyphs.Ellipsis), Ink.Title);
        var (top, rows) = (2, h - 1);
        if (steps.Count == 1)
        {
            Block(canvas, 1, top, w, rows, steps[0], digits);
            return;
        }

        // Two directions: side by side where each gets a readable width or the height is short, else one above the other.
        if (w >= 2 * 34 || rows < 2 * (FixedRows + 4))
        {
            // A rule between them, a column of space either side: the two verdicts never read as one sentence.
            var half = (w - 3) / 2;
            Block(canvas, 1, top, half, rows, steps[0], digits);
            for (var r = top; r < top + rows; r++)
            {
                canvas.Set(2 + half, r, glyphs.Vertical, Ink.Dim);
            }

            Block(canvas, 4 + half, top, w - half - 3, rows, steps[1], digits);
        }
        else
        {
            var half = rows / 2;
            Block(canvas, 1, top, w, half, steps[0], digits);
            Block(canvas, 1, top + half, w, rows - half, steps[1], digits);
        }
    }

    private void Block(CellCanvas canvas, int x, int y, int w, int h, DirectionStep step, int digits)
    {
        var two = step.Symbol != "λ";
        var head = two ? $"{char.ToUpperInvariant(step.Name[0])}{step.Name[1..]}: {step.Symbol} = {N(step.Lambda)}" : $"Along {step.Name}: λ = {N(step.Lambda)}";
        var legend = $"   {glyphs.Dot} before  {glyphs.Path} after one step";
        canvas.Text(x, y, CellCanvas.Fit(head, w, glyphs.Ellipsis), Ink.Title);
        if (head.Length + legend.Length <= w)
        {
            canvas.Text(x + head.Length, y, legend, Ink.Dim);
        }

        var plotRows = Math.Max(h - FixedRows, 0);
        if (plotRows >= 2)
        {
            Curve(canvas, x, y + 1, w, plotRows + 1, step);
        }

        var row = y + 1 + (plotRows >= 2 ? plotRows + 1 : 0);
        var (text, brief, ink) = Verdict(step);
        canvas.Text(x, row++, CellCanvas.Fit(Product(step, w), w, glyphs.Ellipsis), Ink.Normal);
        canvas.Text(x, row++, CellCanvas.Fit(text.Length <= w ? text : brief, w, glyphs.Ellipsis), ink);
        Scale(canvas, x, row, w, step, digits);
    }

    /// <summary>The cross-section of J through the floor this way, the floor's line, the dot and where one step puts it.</summary>
    private void Curve(CellCanvas canvas, int x, int y, int w, int h, DirectionStep step)
    {
        var valley = level.Valley;
        var reach = Math.Max(Math.Abs(step.Before), Math.Abs(step.After)) * 1.15;
        if (!(reach > 0) || !double.IsFinite(reach))
        {
            reach = 1;
        }

        double Cost(double t) => valley.CostAt(valley.Beta0Star + (t * step.Unit.Beta0), valley.Beta1Star + (t * step.Unit.Beta1));
        var floor = valley.MinimumCost;
        var peak = Math.Max(Cost(-reach), Cost(reach));
        var top = peak + (0.05 * (peak - floor));
        if (!(top > floor))
        {
            top = floor + 1;
        }

        var plotRows = h - 1;
        var xAxis = new Axis(-reach, reach, w);
        var yAxis = new Axis(floor, top, plotRows, Vertical: true);
        var zero = xAxis.CellOf(0);
        for (var r = 0; r < plotRows; r++)
        {
            canvas.Set(x + zero, y + r, glyphs.Floor, Ink.Floor);
        }

        CurveDrawer.Draw(canvas, x, y, xAxis, yAxis, Cost, Ink.Line, glyphs.Unicode);
        void Mark(double t, char glyph, Ink ink)
        {
            var cx = xAxis.CellOf(t);
            var cy = Math.Clamp(yAxis.CellOf(Cost(t)), 0, plotRows - 1);
            if (cx >= 0 && cx < w)
            {
                canvas.Set(x + cx, y + cy, glyph, ink);
            }
        }

        Mark(step.After, glyphs.Path, Ink.Path);
        Mark(step.Before, glyphs.Dot, Ink.Dot);

        // The labels: in β where the direction is a parameter's axis, else the distance from the floor that way.
        var one = step.Symbol == "λ";
        var star = valley.IsBeta1Free && one ? valley.Beta1Star : valley.Beta0Star;
        var (left, right) = one ? (N(star - reach), N(star + reach)) : (N(-reach), N(reach));
        var labels = y + plotRows;
        canvas.Text(x, labels, left, Ink.Dim);
        canvas.Text(x + w - right.Length, labels, right, Ink.Dim);
        const string floorName = "floor";
        var at = Math.Clamp(zero - (floorName.Length / 2), left.Length + 1, Math.Max(left.Length + 1, w - right.Length - floorName.Length - 1));
        canvas.Text(x + at, labels, floorName, Ink.Floor);
    }

    /// <summary>"2.1 × (1 − 0.12·12.3) = −1.01": the distance before, the factor, the distance after.</summary>
    private static string Product(DirectionStep step, int width)
    {
        var f = Content.Lessons.Lesson.Near(step.Factor, 3, -1, 0, 1);
        var full = $"{N(step.Before)} × (1 − {N(step.Alpha)}·{N(step.Lambda)}) = {P(step.Before)} × {P(step.Factor, f)} = {N(step.After)}";
        return full.Length <= width ? full : $"{P(step.Before)} × {P(step.Factor, f)} = {N(step.After)}";
    }

    /// <summary>What the step does, in the region's words and ink: in full, and brief for a narrow block (the scale under it shows the region).</summary>
    private static (string Text, string Brief, Ink Ink) Verdict(DirectionStep step)
    {
        var size = Math.Abs(step.Factor);
        var pct = Content.Lessons.Lesson.Percent(size);
        var s = step.Symbol;
        return step.Region switch
        {
            StepRegion.Glides => ($"glides: α < 1/{s}, stays on its side, {pct} as far", $"glides: same side, {pct} as far", Ink.Good),
            StepRegion.Lands => ($"lands: α = 1/{s}, on the floor in one step", "lands on the floor in one step", Ink.Good),
            StepRegion.Crosses => ($"crosses the floor: 1/{s} < α ≤ 2/{s}, {pct} as far", $"crosses the floor, {pct} as far", Ink.Warn),
            _ => ($"flies off: α > 2/{s}, {Content.Lessons.Lesson.Near(size, 3, 1)}× as far out", $"flies off: {Content.Lessons.Lesson.Near(size, 3, 1)}× as far out", Ink.Bad),
        };
    }

    /// <summary>The α scale: 0 to past 2/λ (and past α), the three regions, 1/λ and 2/λ marked, the player's α under it.</summary>
    private void Scale(CellCanvas canvas, int x, int y, int w, DirectionStep step, int digits)
    {
        // A λ so small that 1/λ or 2/λ is past the largest double puts that threshold beyond the scale's right end.
        var (bounceKnown, stableKnown) = (double.IsFinite(step.BounceAlpha), double.IsFinite(step.StableAlpha));
        var end = Math.Min(Math.Max(bounceKnown ? 2.5 * step.BounceAlpha : 0, 1.1 * step.Alpha), double.MaxValue);
        var axis = new Axis(0, end, w);
        var one = bounceKnown ? Math.Clamp(axis.CellOf(step.BounceAlpha), 1, w - 3) : w;
        var two = stableKnown ? Math.Clamp(axis.CellOf(step.StableAlpha), one + 1, w - 2) : w;
        (int From, int To, string Name, Ink Ink)[] regions =
        [
            (0, one, "glide", Ink.Good),
            (one + 1, two, "cross", Ink.Warn),
            (two + 1, w, "fly off", Ink.Bad),
        ];
        foreach (var (from, to, name, ink) in regions)
        {
            for (var c = from; c < to; c++)
            {
                canvas.Set(x + c, y + 1, glyphs.Horizontal, ink);
            }

            var label = to - from >= name.Length ? name : to - from >= 1 ? name[..1] : string.Empty;
            canvas.Text(x + from + Math.Max(0, (to - from - label.Length) / 2), y, label, ink);
        }

        var tick = glyphs.Unicode ? '┼' : '+';
        var (n1, n2) = ($"1/{step.Symbol}", $"2/{step.Symbol}");
        var at1 = Math.Max(0, one - (n1.Length / 2));
        var at2 = Math.Min(Math.Max(at1 + n1.Length + 1, two - (n2.Length / 2)), Math.Max(0, w - n2.Length));
        if (bounceKnown)
        {
            canvas.Set(x + one, y + 1, tick, Ink.Title);
            canvas.Text(x + at1, y + 2, n1, Ink.Title);
        }

        if (stableKnown)
        {
            canvas.Set(x + two, y + 1, tick, Ink.Title);
            canvas.Text(x + at2, y + 2, n2, Ink.Title);
        }

        var alpha = NumberText.Short(step.Alpha, digits);
        var arrow = glyphs.Unicode ? '▲' : '^';
        var ac = Math.Clamp(axis.CellOf(step.Alpha), 0, w - 1);
        var marker = $"{arrow} your α = {alpha}";
        if (ac + marker.Length > w)
        {
            marker = $"your α = {alpha} {arrow}";
            ac = Math.Max(0, ac - marker.Length + 1);
        }

        canvas.Text(x + ac, y + 3, marker, Ink.Dot);
        var numbers = $"1/{step.Symbol} {Threshold(step.BounceAlpha, digits)} · 2/{step.Symbol} {Threshold(step.StableAlpha, digits)}";
        canvas.Text(x, y + 4, CellCanvas.Fit(numbers, w, glyphs.Ellipsis), Ink.Dim);
    }

    /// <summary>
    /// The significant digits of every α on the page — the player's, on both halves alike, and the thresholds — enough
    /// to tell the player's α apart from each threshold. Thresholds are printed cut down (<see cref="NumberText.Below"/>),
    /// so each typed as printed does what the scale says: 1/λ glides, 2/λ never flies off (issue 11).
    /// </summary>
    private static int Digits(IReadOnlyList<DirectionStep> steps)
    {
        var digits = 3;
        while (digits < 12 && steps.Any(s => Clashes(s, digits)))
        {
            digits++;
        }

        return digits;
    }

    /// <summary>True when the player's α, printed with <paramref name="digits"/>, reads as a threshold or, typed back, lands on another side of one.</summary>
    private static bool Clashes(DirectionStep step, int digits)
    {
        var alpha = NumberText.Short(step.Alpha, digits);
        var typed = double.Parse(alpha, System.Globalization.CultureInfo.InvariantCulture);
        return $"= {alpha}" == Threshold(step.BounceAlpha, digits)
            || $"= {alpha}" == Threshold(step.StableAlpha, digits)
            || typed.CompareTo(step.BounceAlpha) != step.Alpha.CompareTo(step.BounceAlpha)
            || typed.CompareTo(step.StableAlpha) != step.Alpha.CompareTo(step.StableAlpha);
    }

    /// <summary>
    /// "= 0.229" for a threshold, cut down so that typed as printed it keeps its promise; "> 1.79e308" for one past the
    /// largest double (a λ of a few 1e-309), which no α reaches.
    /// </summary>
    private static string Threshold(double value, int digits) =>
        double.IsFinite(value) ? $"= {NumberText.Below(value, digits)}" : $"> {NumberText.Below(double.MaxValue, digits)}";

    private static string N(double value) => NumberText.Short(value, 3);

    /// <summary>A factor in a product: negative numbers in parentheses.</summary>
    private static string P(double value, string? text = null) => value < 0 ? $"({text ?? N(value)})" : text ?? N(value);
}
