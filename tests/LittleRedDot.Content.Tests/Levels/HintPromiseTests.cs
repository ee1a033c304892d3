using System.IO.Abstractions;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Levels;

/// <summary>
/// Stories, hints and stars agree: each hint that names an α (or a start) is replayed as the choice it suggests, and
/// the run does what the hint says — the stars it promises, the fly-off or the full budget of bounces. The oracle is
/// the engine's run of the level as shipped; the α is the hint's own text, typed as printed.
/// </summary>
public sealed class HintPromiseTests
{
    public enum Promise
    {
        ThreeStars,
        FliesOff,
        BouncesAllTheBudget,
        Reaches,
    }

    /// <summary>(level, hint number from 1, α as the hint prints it, start or null for every corner and the centre of the start box, promise).</summary>
    public static TheoryData<string, int, string, double[]?, Promise> Hints() => new()
    {
        { "article-01-the-little-red-dot", 2, "0.05", null, Promise.Reaches },
        { "article-03-fly-off", 3, "0.081", null, Promise.ThreeStars },
        { "article-03-fly-off", 3, "0.162", null, Promise.BouncesAllTheBudget },
        { "article-03-fly-off", 3, "0.2", null, Promise.FliesOff },
        { "dials-02-a-tilted-valley", 2, "0.149", [-1, 1], Promise.ThreeStars },
                { "dials-03-the-long-narrow-valley", 1, "0.0259", null, Promise.BouncesAllTheBudget },
        { "dials-03-the-long-narrow-valley", 2, "0.0258", [-1, 0], Promise.ThreeStars },
        { "dials-03-the-long-narrow-valley", 2, "0.0258", [-1, 0.5], Promise.ThreeStars },
        { "dials-03-the-long-narrow-valley", 2, "0.0258", [-1, 1], Promise.ThreeStars },
        { "real-01-anscombe-i", 2, "0.0055", null, Promise.ThreeStars },
        { "real-03-penguins", 2, "0.335", null, Promise.ThreeStars },
        { "real-04-cars", 1, "0.446", [2, 0], Promise.ThreeStars },
        { "real-04-cars", 1, "0.446", [2, 0.5], Promise.ThreeStars },
        { "real-04-cars", 1, "0.446", [2, 1], Promise.ThreeStars },
        { "real-05-co2-raw-years", 3, "1.26e-7", [-300, 0.5], Promise.ThreeStars },
        { "real-05-co2-raw-years", 3, "1.26e-7", [-300, 1], Promise.ThreeStars },
        { "real-06-co2-scaled", 2, "0.238", null, Promise.ThreeStars },
    };

    [Theory]
    [MemberData(nameof(Hints))]
    public void A_hint_that_names_an_alpha_keeps_its_promise(string id, int hint, string alpha, double[]? start, Promise promise)
    {
        var definition = new LevelLibrary(new FileSystem(), ShippedLevels.FindRoot()).Find(id)!;
        Assert.Contains(alpha, definition.Spec.Hints[hint - 1], StringComparison.Ordinal);
        var level = definition.Level;
        var typed = double.Parse(alpha, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (b0, b1) in start is { } s ? [(s[0], s[1])] : Starts(level.Rules))
        {
            var result = Descent.Run(level, new Choice(typed, b0, b1));
            var what = $"{id} hint {hint}: α = {alpha} from ({b0}, {b1}) → {result.Outcome} in {result.Steps}, {result.Stars} stars, {result.Bounces} bounces";
            switch (promise)
            {
                case Promise.ThreeStars:
                    Assert.True(result.Stars == 3, what);
                    break;
                case Promise.Reaches:
                    Assert.True(result.Outcome == Outcome.Reached, what);
                    break;
                case Promise.FliesOff:
                    Assert.True(result.Outcome == Outcome.Diverged, what);
                    break;
                default:
                    Assert.True(result.Outcome == Outcome.OutOfSteps && result.Bounces > 0, what);
                    break;
            }
        }
    }

    /// <summary>The corners and the centre of the start box (a fixed or one-value parameter at its value).</summary>
    private static IEnumerable<(double, double)> Starts(LevelRules rules)
    {
        static double[] Ends(ParameterRule r) => r.IsFixed ? [r.Value] : [r.Min, r.Max, (r.Min + r.Max) / 2];
        return Ends(rules.Beta0).SelectMany(b0 => Ends(rules.Beta1).Select(b1 => (b0, b1))).Distinct();
    }
}
