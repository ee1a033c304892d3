using LittleRedDot.Engine;

namespace LittleRedDot.Content.Lessons;

/// <summary>Writes one <see cref="Lesson"/>: the sentences in order, each from the run's counters and the valley's curvature.</summary>
internal sealed class LessonWriter(Level level, double alpha, RunResult result, RunWitness witness, bool workshop)
{
    private readonly List<PrintedAlpha> alphas = [];
    private readonly List<string> sentences = [];
    private readonly List<string> outside = [];

    public IReadOnlyList<PrintedAlpha> Alphas => alphas;

    /// <summary>The sentence saying why the bounce counter is below a way's crossings (two dials), when the lesson has it.</summary>
    public string? BounceNote { get; private set; }

    private bool TwoDials => witness.Directions.Count == 2;

    private string FreeName => level.Valley.IsBeta1Free ? "β1" : "β0";

    public IReadOnlyList<string> Write()
    {
        Outcome();
        if (!workshop)
        {
            Curvature();
        }

        for (var i = 0; i < witness.Directions.Count; i++)
        {
            Direction(i);

            // Right after the first sentence that counts crossings, so the reader meets it beside the bounce counter it seems to contradict.
            if (i == 0 && TwoDials && witness.Directions.Max(d => d.Crossings) > result.Bounces)
            {
                BounceNote = $"The bounce counter shows {result.Bounces}: it counts steps that land past the lowest point itself, which crossing the floor one way alone need not do.";
                Say(BounceNote);
            }
        }

        if (result.Outcome == Engine.Outcome.OutOfSteps)
        {
            Slowest();
        }

        if (!workshop)
        {
            Thresholds();
        }

        return sentences;
    }

    private void Say(string sentence) => sentences.Add(sentence);

    private void Outcome()
    {
        var steps = result.Steps;
        var bounces = result.Bounces == 0 ? ", without a single bounce" : $", bouncing {Lesson.Count(result.Bounces, "time")} ({BounceSteps()})";
        Say(result.Outcome switch
        {
            Engine.Outcome.Reached => $"The dot reached the valley in {Lesson.Count(steps, "step")} (par {level.Rules.Par}){bounces}.",
            Engine.Outcome.Diverged => $"The dot flew off: by step {NumberText.Whole(steps)} its distance from the floor had blown up{bounces}.",
            _ => $"The budget of {Lesson.Count(level.Rules.Budget, "step")} ran out before the dot reached the valley{bounces}.",
        });
    }

    /// <summary>"on every step", "on steps 1–3, 5 and 9", "first on step 1, last on step 1,860".</summary>
    private string BounceSteps()
    {
        if (result.Bounces == result.Steps)
        {
            return result.Steps == 1 ? "on its one step" : "on every step";
        }

        var runs = witness.BounceRuns;
        if (!witness.BounceRunsComplete || runs.Count > 3)
        {
            return $"first on step {NumberText.Whole(runs[0].From)}, last on step {NumberText.Whole(witness.LastBounce)}";
        }

        var parts = runs.Select(r => r.From == r.To ? NumberText.Whole(r.From) : $"{NumberText.Whole(r.From)}–{NumberText.Whole(r.To)}").ToList();
        var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        return (result.Bounces == 1 ? "on step " : "on steps ") + list;
    }

    /// <summary>λ in plain words, the first time the lesson uses it.</summary>
    private void Curvature()
    {
        var c = level.Curvature;
        Say(TwoDials
            ? $"The curvature λ says how fast J's slope steepens as the dot moves away from the floor in a direction: λmax = {N(c.LambdaMax)} "
              + $"across the valley (its steepest way), λmin = {N(c.LambdaMin)} along it. Each step multiplies the distance from the floor each way by {StepFactorName("λ")}."
            : $"The curvature λ = {N(c.LambdaMax)} says how fast J's slope steepens as the dot moves away from the floor along {FreeName}.");
    }

    private void Direction(int index)
    {
        var d = witness.Directions[index];
        var f = Engine.Curvature.StepFactor(alpha, d.Lambda);
        var size = Math.Abs(f);
        var behaviour = f switch
        {
            >= 0.9 => $"the dot crept, keeping {Lesson.Percent(f)} of its distance each step",
            > 0 => $"the dot glided in, keeping {Lesson.Percent(f)} of its distance each step",
            0 => "one step put the dot on the floor",
            > -1 => $"each step carried the dot across the floor, to {Lesson.Percent(size)} of its distance on the other side",
            -1 => "each step carried the dot across the floor to the same distance on the other side",
            _ => $"each step carried the dot across the floor and {Factor(size)} times farther out",
        };
        var way = TwoDials ? (index == 0 ? " across the valley" : " along the valley") : string.Empty;
        var lambda = index == 0 && TwoDials ? "λmax" : TwoDials ? "λmin" : "λ";
        var head = (TwoDials, workshop) switch
        {
            (true, false) => $"{(index == 0 ? "Across the valley" : "Along it")} {StepFactorName(lambda)} = {Factor(f)}, so ",
            (true, true) => $"{(index == 0 ? "Across the valley" : "Along it")}, ",
            (false, false) => $"Each step multiplies that distance by {StepFactorName("λ")} = {Factor(f)}, so ",
            _ => string.Empty,
        };
        // One free parameter: crossing the floor is a bounce, so the sentence quotes the bounce counter the run panel shows.
        // Two: each way's crossings, the counters the run panel shows as "across" and "along".
        var sentence = $"{head}{behaviour}; {Crossings(TwoDials ? d.Crossings : result.Bounces, way)}.";
        Say(char.ToUpperInvariant(sentence[0]) + sentence[1..]);
    }

    /// <summary>The crossings the run counted along a direction (with one free parameter, its bounces).</summary>
    private string Crossings(int crossings, string way)
    {
        var floor = $"the floor{way}";
        var bounce = TwoDials ? string.Empty : crossings == 1 ? " (a bounce)" : " (bounces)";
        if (crossings == 0)
        {
            return TwoDials ? $"it never crossed {floor}" : $"it never crossed {floor} (no bounce)";
        }

        if (crossings == result.Steps)
        {
            return result.Steps == 1 ? $"it crossed {floor}{bounce} on its one step" : $"it crossed {floor}{bounce} on every one of its {Lesson.Count(result.Steps, "step")}";
        }

        return $"it crossed {floor}{bounce} on {NumberText.Whole(crossings)} of its {Lesson.Count(result.Steps, "step")}";
    }

    /// <summary>Out of steps: how much of its starting distance the dot still had, the way it had most, and what would help.</summary>
    private void Slowest()
    {
        var slowest = witness.Directions.Where(d => !double.IsNaN(d.Remaining)).OrderByDescending(d => d.Remaining).FirstOrDefault();
        if (slowest is null)
        {
            return;
        }

        var way = !TwoDials ? string.Empty : ReferenceEquals(slowest, witness.Directions[0]) ? " across the valley" : " along the valley";
        var f = Engine.Curvature.StepFactor(alpha, slowest.Lambda);
        var help = f > 0 ? "a larger α takes longer strides" : "a smaller α bounces less";
        var times = Lesson.Near(slowest.Remaining, 3, 1);
        var left = slowest.Remaining < 1 ? $"still had {Lesson.Percent(slowest.Remaining)} of its starting distance from the floor{way}"
            : times == "1" ? $"was no nearer the floor{way} than at the start"
            : $"was {times} times as far from the floor{way} as at the start";
        Say($"After {Lesson.Count(result.Steps, "step")} the dot {left}: {help}.");
    }

    /// <summary>The valley's thresholds and, with two dials, κ and the best single α: each α printed on its safe side.</summary>
    private void Thresholds()
    {
        var c = level.Curvature;
        var lam = TwoDials ? "λmax" : "λ";
        var across = TwoDials ? " across the valley" : string.Empty;

        // A λ so small (x values around 1e-155: their spread squared is subnormal) that 1/λ or 2/λ is past the largest
        // double: no α a player can type reaches that threshold, and there is no number to print for it.
        if (!double.IsFinite(c.BounceAlpha))
        {
            Say($"{lam} = {N(c.LambdaMax)} is so small that 1/{lam} is beyond the largest number a double holds: every α the dot can be given glides{across}, never crossing the floor and never flying off.");
        }
        else if (!double.IsFinite(c.StableAlpha))
        {
            var bounce = Print(c.BounceAlpha, AlphaPromise.NeverCrossesAcross);
            Say($"The bounce threshold 1/{lam} is where {StepFactorName(lam)} turns negative: at α = {bounce} or less the dot never crosses the floor{across}. "
                + $"The stability limit 2/{lam} is beyond the largest number a double holds: no α the dot can be given flies off.");
        }
        else
        {
            var bounce = Print(c.BounceAlpha, AlphaPromise.NeverCrossesAcross);

            // In a narrow valley the best α lies just under the stability limit: both get the digits that tell them apart,
            // so the limit is never read as "just above" the best α (0.0258 and 0.0258 became 0.02586 and 0.02589).
            var digits = TwoDials ? DigitsApart(c.BestAlpha, c.StableAlpha) : 3;
            var stable = Print(c.StableAlpha, AlphaPromise.NeverFliesOff, digits);
            Say($"The bounce threshold 1/{lam} is where {StepFactorName(lam)} turns negative: at α = {bounce} or less the dot never crosses the floor"
                + $"{across}. The stability limit 2/{lam} is where it passes −1: at α = {stable} or less the dot never flies off.");
            if (TwoDials)
            {
                var best = Print(c.BestAlpha, AlphaPromise.BestSingle, digits);
                var shape = c.Condition >= 10
                    ? "the valley is that many times more sharply curved across than along, so an α safe across it creeps along it"
                    : "the valley is nearly round, so one α suits both ways";
                Say($"κ = λmax/λmin = {N(c.Condition)}: {shape}. The best single α, 2/(λmin + λmax), is just above {best}: there both ways shrink alike.");
            }
        }

        if (outside.Count > 0)
        {
            var rules = level.Rules;
            Say($"This level's α range, {NumberText.Short(rules.AlphaMin)} to {NumberText.Short(rules.AlphaMax)}, leaves out {string.Join(" and ", outside)}.");
        }
    }

    /// <summary>An α for the player to type: cut below the value (its promise holds there), noted when the level's range leaves it out.</summary>
    private string Print(double value, AlphaPromise promise, int digits = 3)
    {
        var printed = NumberText.Below(value, digits);
        alphas.Add(new PrintedAlpha(printed, promise));
        var typed = double.Parse(printed, System.Globalization.CultureInfo.InvariantCulture);
        if (typed < level.Rules.AlphaMin || typed > level.Rules.AlphaMax)
        {
            outside.Add(printed);
        }

        return printed;
    }

    private static string N(double value) => NumberText.Short(value, 3);

    /// <summary>The fewest significant digits, 3 or more, at which two α printed below their values read differently.</summary>
    private static int DigitsApart(double lower, double upper)
    {
        var digits = 3;
        while (digits < 17 && NumberText.Below(lower, digits) == NumberText.Below(upper, digits))
        {
            digits++;
        }

        return digits;
    }

    /// <summary>
    /// "1 − α·λ" for the curvature named <paramref name="lambda"/>, with no-break spaces so that a wrapped line never
    /// ends on a lone "1" (read as a number) with "− α·λ" on the next.
    /// </summary>
    internal static string StepFactorName(string lambda) => $"1\u00A0−\u00A0α·{lambda}";

    /// <summary>1 − α·λ with the digits that keep it off −1, 0 and 1 unless it is exactly one of them.</summary>
    internal static string Factor(double f) => Lesson.Near(f, 2, -1, 0, 1);
}
