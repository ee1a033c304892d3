using System.Globalization;
using System.Text.RegularExpressions;
using LittleRedDot.Content.Lessons;
using LittleRedDot.Engine;
using LittleRedDot.Tui.Presentation;

namespace LittleRedDot.Tui.Tests;

/// <summary>
/// The run panel's counters and the lesson's sentences are one concept under one name (issue 11: "0 bounces" beside "crossed
/// the floor line"): over many α and starts, what each sentence says a way did is what the last frame's counter shows.
/// </summary>
public sealed partial class CounterWordsTests
{
    [Fact]
    public void Each_sentence_about_crossings_quotes_the_counter_the_run_panel_shows()
    {
        var random = new Random(11);
        var explained = 0;
        foreach (var level in new[] { PresenterTests.Slope, PresenterTests.Both })
        {
            for (var trial = 0; trial < 200; trial++)
            {
                var alpha = level.Curvature.StableAlpha * 0.05 * Math.Pow(25, random.NextDouble()); // 0.05 to 1.25 × 2/λmax
                var rules = level.Rules;
                var b0 = rules.Beta0.IsFree ? rules.Beta0.Min + (random.NextDouble() * (rules.Beta0.Max - rules.Beta0.Min)) : rules.Beta0.Value;
                var b1 = rules.Beta1.Min + (random.NextDouble() * (rules.Beta1.Max - rules.Beta1.Min));
                var choice = new Choice(Math.Clamp(alpha, rules.AlphaMin, rules.AlphaMax), b0, b1);
                var trace = new RunTrace(level);
                var result = Descent.Run(level, choice, trace);
                var last = trace.Frames[^1];
                var text = Lesson.Explain(level, choice.Alpha, result, trace.Witness, workshop: false).Text;
                var context = $"{choice}: bounces {last.Bounces}, across {last.CrossedAcross}, along {last.CrossedAlong}. {text}";

                // Oracle: the engine's bounce count (RULES.md §3) is the panel's "bounces".
                Assert.Equal(result.Bounces, last.Bounces);
                if (rules.Beta0.IsFree)
                {
                    Assert.Equal(last.CrossedAcross, Said(text, " across the valley", result.Steps));
                    Assert.Equal(last.CrossedAlong, Said(text, " along the valley", result.Steps));
                    var more = Math.Max(last.CrossedAcross, last.CrossedAlong) > last.Bounces;
                    Assert.True(more == text.Contains($"The bounce counter shows {last.Bounces}:", StringComparison.Ordinal), context);
                    explained += more ? 1 : 0;
                }
                else
                {
                    // One free parameter: a crossing is a bounce, and the sentence counts the panel's bounces.
                    Assert.Equal(last.Bounces, Said(text, string.Empty, result.Steps));
                }
            }
        }

        // The two-dial runs reached both cases: crossings that outnumber the bounces (explained) and ones that do not.
        Assert.InRange(explained, 1, 199);
    }

    /// <summary>The number of crossings a lesson says the dot made one way: "never", "on its one step", "on every one of its N", "on K of its".</summary>
    private static int Said(string text, string way, int steps)
    {
        var match = Crossing().Matches(text).Single(m => m.Groups["way"].Value == way);
        return match.Groups["never"].Success ? 0
            : match.Groups["k"].Success ? int.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture)
            : match.Groups["all"].Success ? steps
            : -1;
    }

    [GeneratedRegex(@"it (?<never>never )?crossed the floor(?<way> across the valley| along the valley|)(?: \((?:a bounce|bounces|no bounce)\))?(?:(?<all> on its one step| on every one of its [0-9]+ steps)| on (?<k>[0-9]+) of its)?")]
    private static partial Regex Crossing();
}
