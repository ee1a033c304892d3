using CsCheck;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;

namespace LittleRedDot.Content.Tests.Lessons;

/// <summary>
/// Predict first (issue 11): over the same random levels as the lesson's property test (fixed seed), with a random
/// prediction each, the verdict agrees with the run. Oracles: the engine's <see cref="RunResult"/> outcome, and the
/// bounces recounted here from the recorded states by RULES.md §5's rule (not from the result's counter), which must
/// also equal the result's and the lesson's counters; the verdict's sentence quotes those same counters.
/// </summary>
public sealed partial class LessonPropertyTests
{
    [Fact]
    public void A_prediction_is_judged_by_the_run_outcome_and_its_bounce_counter()
    {
        var seen = new HashSet<Prediction>();
        var held = 0;
        Gen.Select(Cases, Gen.Enum<Prediction>()).Array[400].Sample(
            cases =>
            {
                foreach (var (c, predicted) in cases)
                {
                    var level = c.Level(out var start);
                    var choice = new Choice(c.Ratio * level.Curvature.StableAlpha, start.B0, start.B1);
                    var (result, lesson) = Lesson.Run(level, choice, c.Workshop);
                    var bounces = BounceSteps(level, Record(level, choice)).Count;
                    var verdict = PredictionVerdict.Judge(predicted, result);
                    var context = $"{c} predicted {predicted}: {verdict.Why} | {lesson.Text}";

                    Assert.Equal(result.Bounces, bounces);
                    var expected = result.Outcome switch
                    {
                        Outcome.Diverged => Prediction.FliesOff,
                        Outcome.OutOfSteps => Prediction.RunsOutOfSteps,
                        _ => bounces == 0 ? Prediction.GlidesIn : Prediction.BouncesIn,
                    };
                    Assert.True(expected == verdict.Actual, context);
                    Assert.True(verdict.Held == (predicted == expected), context);
                    Assert.True(verdict.Why.StartsWith(verdict.Held ? "Your prediction held" : "Your prediction missed", StringComparison.Ordinal), context);

                    // The sentence quotes the run's own bounce counter, with the plural right.
                    Assert.True(verdict.Why.Contains(Lesson.Count(bounces, "bounce"), StringComparison.Ordinal), context);
                    seen.Add(verdict.Actual);
                    held += verdict.Held ? 1 : 0;
                }
            },
            seed: Seed,
            iter: 1,
            threads: 1);

        // Not vacuous: the seed's levels show every outcome, and some predictions held while others missed.
        Assert.Equal(4, seen.Count);
        Assert.InRange(held, 1, 399);
    }

    [Fact]
    public void A_reached_run_with_no_bounce_glided_and_one_with_a_bounce_bounced()
    {
        // Oracle: the definitions in RULES.md §3 and §5 (a reached run; bounces counted by the engine).
        var glided = new RunResult(Outcome.Reached, 5, 0, 0, 0, 0, 0, 0, 3);
        var bounced = glided with { Bounces = 1 };
        Assert.Equal(Prediction.GlidesIn, PredictionVerdict.Of(glided));
        Assert.Equal(Prediction.BouncesIn, PredictionVerdict.Of(bounced));
        Assert.Equal("Your prediction missed: you said it glides in, but it bounces in — it reached the valley in 5 steps, crossing the floor (1 bounce) on the way.", PredictionVerdict.Judge(Prediction.GlidesIn, bounced).Why);
    }
}
