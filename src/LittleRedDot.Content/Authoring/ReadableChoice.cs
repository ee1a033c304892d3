using LittleRedDot.Engine;

namespace LittleRedDot.Content.Authoring;

/// <summary>
/// The choice a thoughtful player can find by reading the valley rather than by search: an α that is a
/// landmark of the curvature (RULES.md §1) — 1/λmax, below which the dot glides, or 2/(λmin + λmax), the
/// best fixed α — rounded down to one significant digit, as a person reading "0.0812" types 0.08; and a
/// start at an end or the middle of each start range. The fewest steps any such choice needs to reach
/// the valley is how par is set for a generated level, and what check-levels compares a level's par with.
/// </summary>
public sealed record ReadableChoice(Choice Choice, RunResult Run, string Landmark, double LandmarkValue)
{
    /// <summary>The par a generated level gets from a reader's run of <paramref name="steps"/>: a fifth more (at least one step) as slack.</summary>
    public static int ParFor(int steps) => steps + Math.Max(1, steps / 5);

    /// <summary>The reader's choice that reaches in the fewest steps (then the fewest bounces); null when none reaches within the budget.</summary>
    public static ReadableChoice? Find(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var rules = level.Rules;
        var curvature = level.Curvature;
        var landmarks = new (string Name, double Value)[]
        {
            (rules.Beta0.IsFree && rules.Beta1.IsFree ? "1/λmax" : "1/λ", curvature.BounceAlpha),
            ("2/(λmin + λmax)", curvature.BestAlpha),
        };
        ReadableChoice? best = null;
        foreach (var (name, value) in landmarks)
        {
            var alpha = NiceNumber.OneDigitDown(value);
            if (!(alpha >= rules.AlphaMin && alpha <= rules.AlphaMax))
            {
                continue;
            }

            foreach (var beta0 in Starts(rules.Beta0))
            {
                foreach (var beta1 in Starts(rules.Beta1))
                {
                    var choice = new Choice(alpha, beta0, beta1);
                    if (level.CheckChoice(choice) is not null)
                    {
                        continue;
                    }

                    var run = Descent.Run(level, choice);
                    if (run.Outcome == Outcome.Reached && (best is null || run.Steps < best.Run.Steps || (run.Steps == best.Run.Steps && run.Bounces < best.Run.Bounces)))
                    {
                        best = new ReadableChoice(choice, run, name, value);
                    }
                }
            }
        }

        return best;
    }

    private static double[] Starts(ParameterRule rule) =>
        rule.IsFixed ? [rule.Value] : rule.Min == rule.Max ? [rule.Min] : [rule.Min, NiceNumber.Nearest((rule.Min + rule.Max) / 2), rule.Max];
}
